package io.flowport.bpmn;

import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.IntermediateThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.flowport.contract.Messages;
import io.flowport.contract.Vars;
import io.flowport.ir.Callback;
import io.flowport.ir.Limits;
import io.flowport.ir.Names;
import io.flowport.ir.Wait;
import io.flowport.ir.Work;
import java.time.Duration;

/**
 * External work: a service task, or — when the work must be waited for — a subprocess with a
 * poll loop (service task, gateway, timer catch event), so no worker thread sleeps while EMR works.
 */
final class WorkEmitter {

  private final BpmnWriter w;

  WorkEmitter(BpmnWriter w) {
    this.w = w;
  }

  /**
   * Emits the work as one activity named after the source element.
   *
   * @param idBase the id (and source name) of the element
   */
  Activity emit(BaseElement scope, String idBase, String source, Work work) {
    return emit(scope, idBase, source, Names.humanize(source), work);
  }

  /**
   * A Task state's work. With a heartbeat, each of its jobs gets a timer boundary that fails the
   * work with States.HeartbeatTimeout; a single call is then wrapped in a subprocess so that the
   * error leaves through the work, where Retry and Catch see it.
   */
  Activity emit(BaseElement scope, String idBase, String source, Work work, Limits limits) {
    if (!limits.hasHeartbeat()) {
      return emit(scope, idBase, source, work);
    }
    String expr = limits.heartbeat() != null ? limits.heartbeat().toString() : "=duration(" + Vars.ASL_HEARTBEAT + ")";
    String after = limits.heartbeat() != null ? "No heartbeat for " + human(limits.heartbeat()) : "No heartbeat for HeartbeatSecondsPath";
    Heartbeat beat = new Heartbeat(expr, after);
    String label = Names.humanize(source);
    if (work.callback() != null) {
      return callback(scope, idBase, source, label, work, beat);
    }
    if (work.then() != null) {
      return phases(scope, idBase, source, label, work, beat);
    }
    if (work.waitLoop() == null) {
      SubProcess sp = w.subProcess(scope, idBase, label, source);
      ServiceTask call = w.task(sp, idBase + "_call", work.start().label(), source, work.start());
      w.flow(sp, w.start(sp, idBase + "_start", "Start", null), call, null);
      w.flow(sp, call, w.end(sp, idBase + "_end", "Done", null), null);
      heartbeat(sp, call, source, beat);
      return sp;
    }
    return loop(scope, idBase, source, label, work, beat);
  }

  /** The heartbeat timer of the jobs of a work: its expression and its label. */
  private record Heartbeat(String expression, String label) {}

  /** A timer on one job: when it fires before the job completes, the work fails with States.HeartbeatTimeout. */
  private void heartbeat(SubProcess sp, ServiceTask job, String source, Heartbeat beat) {
    if (beat == null) {
      return;
    }
    BoundaryEvent b = w.timerBoundary(sp, job, job.getId() + "_heartbeat", beat.label(), beat.expression());
    w.property(b, BpmnWriter.SOURCE_PROPERTY, source);
    IntermediateThrowEvent mark = w.mark(sp, job.getId() + "_no_heartbeat", "Heartbeat timed out", source);
    w.output(mark, "=\"" + HEARTBEAT_TIMEOUT + "\"", Vars.ERROR);
    w.output(mark, "=null", Vars.CAUSE);
    w.flow(sp, b, mark, null);
    w.flow(sp, mark, w.errorEnd(sp, job.getId() + "_heartbeat_end", HEARTBEAT_TIMEOUT, source, HEARTBEAT_TIMEOUT), null);
  }

  static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";

  /** As {@link #emit(BaseElement, String, String, Work)}, with the activity's name given. */
  Activity emit(BaseElement scope, String idBase, String source, String label, Work work) {
    if (work.callback() != null) {
      return callback(scope, idBase, source, label, work, null);
    }
    if (work.then() != null) {
      return phases(scope, idBase, source, label, work, null);
    }
    if (work.pause() != null) {
      return pause(scope, idBase, source, label, work);
    }
    if (work.waitLoop() == null) {
      return w.task(scope, idBase, label, source, work.start());
    }
    return loop(scope, idBase, source, label, work, null);
  }

  /** The call that computes when the wait ends, then the timer, in a subprocess whose variable keeps the wait local. */
  private SubProcess pause(BaseElement scope, String idBase, String source, String label, Work work) {
    SubProcess sp = w.subProcess(scope, idBase, label, source);
    w.input(sp, "=null", work.pause().variable());
    ServiceTask call = w.task(sp, idBase + "_call", work.start().label(), source, work.start());
    w.flow(sp, w.start(sp, idBase + "_start", "Start", null), call, null);
    IntermediateCatchEvent timer = w.timerAt(sp, idBase + "_timer", work.pause().label(), source,
        "=" + work.pause().variable());
    w.flow(sp, call, timer, null);
    w.flow(sp, timer, w.end(sp, idBase + "_end", "Done", null), null);
    return sp;
  }

  /** A call and a poll loop (or a sensor's poll loop alone) in a subprocess. */
  private SubProcess loop(BaseElement scope, String idBase, String source, String label, Work work, Heartbeat beat) {
    SubProcess sp = w.subProcess(scope, idBase, label, source);
    Wait wait = work.waitLoop();
    w.input(sp, "=0", Vars.POLL_COUNT);
    w.input(sp, "=\"pending\"", Vars.WAIT_STATE);
    w.input(sp, "=null", Vars.SYNC_RESULT);
    StartEvent start = w.start(sp, idBase + "_start", "Start", null);
    FlowNode first;
    if (work.start() != null) {
      ServiceTask call = w.task(sp, idBase + "_call", work.start().label(), source, work.start());
      w.flow(sp, start, call, null);
      heartbeat(sp, call, source, beat);
      first = call;
    } else {
      first = start;
    }
    ExclusiveGateway merge = w.xor(sp, idBase + "_loop", null, null);
    ExclusiveGateway done = w.xor(sp, idBase + "_done", "Done?", null);
    ServiceTask poll = w.task(sp, idBase + "_poll", wait.poll().label(), source, wait.poll());
    heartbeat(sp, poll, source, beat);
    String waitLabel = wait.backoff() ? "Wait, backing off from " + human(wait.interval())
        : "Wait " + human(wait.interval()) + (wait.slowInterval() == null ? "" : ", later " + human(wait.slowInterval()));
    boolean tracked = Messages.tracked(wait.poll().jobType());
    // With exponential_backoff the poll job sets each next interval (waitDelay), as the tracker's fallback does.
    IntermediateCatchEvent delay = w.timer(sp, idBase + "_delay", waitLabel, null,
        tracked || wait.backoff() ? trackedInterval(wait) : interval(wait));
    if (wait.backoff()) {
      w.input(sp, "=null", Vars.POKE_START);
      if (!tracked) {
        w.input(sp, "=null", Vars.WAIT_DELAY);
      }
    }
    var end = w.end(sp, idBase + "_end", "Done", null);
    // Tracked: an event-based gateway waits for the timer or the tracker's message, whichever comes first.
    FlowNode notYet = delay;
    IntermediateCatchEvent changed = null;
    if (tracked) {
      w.input(sp, "=\"none\"", Vars.WAIT_KEY);
      w.input(sp, "=null", Vars.WAIT_DELAY);
      w.input(sp, "=null", Vars.WAIT_DEADLINE);
      notYet = w.eventGateway(sp, idBase + "_wait", null, source);
      changed = w.messageCatch(sp, idBase + "_changed", "EMR state changed", source, Messages.EMR_CHANGED, "=" + Vars.WAIT_KEY);
      w.flow(sp, notYet, delay, null);
      w.flow(sp, notYet, changed, null);
    }
    if (work.start() != null) {
      // The start call may already finish the work (a mocked task): check before the first delay.
      w.flow(sp, first, merge, null);
      w.flow(sp, merge, done, null);
      w.flow(sp, done, end, "=" + Vars.WAIT_STATE + " = \"success\"").setName("done");
      w.defaultFlow(sp, done, notYet).setName("not yet");
      FlowNode woken = delay;
      if (changed != null) {
        woken = w.xor(sp, idBase + "_wake", null, source);
        w.flow(sp, delay, woken, null);
        w.flow(sp, changed, woken, null);
      }
      w.flow(sp, woken, poll, null);
      w.flow(sp, poll, merge, null);
    } else {
      // A sensor pokes at once, then sleeps between pokes.
      w.flow(sp, first, merge, null);
      w.flow(sp, merge, poll, null);
      w.flow(sp, poll, done, null);
      w.flow(sp, done, end, "=" + Vars.WAIT_STATE + " = \"success\"").setName("done");
      w.defaultFlow(sp, done, notYet).setName("not yet");
      w.flow(sp, delay, merge, null);
      if (changed != null) {
        w.flow(sp, changed, merge, null);
      }
    }
    return sp;
  }

  /**
   * A callback: a subprocess that issues the attempt's token, makes the call, waits for the message
   * carrying the token back, and hands the answer to a job that turns it into the result or the error.
   */
  private SubProcess callback(BaseElement scope, String idBase, String source, String label, Work work, Heartbeat beat) {
    Callback cb = work.callback();
    SubProcess sp = w.subProcess(scope, idBase, label, source);
    // Local: each attempt (a Retry runs the subprocess again) has its own token and answer.
    w.input(sp, "=null", Vars.TASK_TOKEN);
    w.input(sp, "=null", Vars.CALLBACK);
    StartEvent start = w.start(sp, idBase + "_start", "Start", source);
    ServiceTask token = w.task(sp, idBase + "_token", cb.token().label(), source, cb.token());
    ServiceTask call = w.task(sp, idBase + "_call", work.start().label(), source, work.start());
    // With a heartbeat the message waits inside a subprocess that carries the heartbeat's timer.
    SubProcess wait = beat == null ? null : w.subProcess(sp, idBase + "_wait", "Wait for the answer", source);
    IntermediateCatchEvent answer = w.messageCatch(wait == null ? sp : wait, idBase + "_callback", wait == null ? "Wait for the answer" : "Answer", source,
        Messages.TASK_TOKEN, "=" + Vars.TASK_TOKEN);
    // With an output mapping only this one variable leaves the event: the message's own stay there.
    w.output(answer, "={output: " + Vars.TASK_OUTPUT + ", error: " + Vars.TASK_ERROR + ", cause: " + Vars.TASK_CAUSE + "}",
        Vars.CALLBACK);
    ServiceTask apply = w.task(sp, idBase + "_answer", cb.answer().label(), source, cb.answer());
    w.flow(sp, start, token, null);
    w.flow(sp, token, call, null);
    if (beat == null) {
      w.flow(sp, call, answer, null);
      w.flow(sp, answer, apply, null);
    } else {
      heartbeats(sp, wait, idBase, source, call, answer, apply, beat);
    }
    w.flow(sp, apply, w.end(sp, idBase + "_end", "Done", source), null);
    return sp;
  }

  /**
   * A callback with HeartbeatSeconds: the wait for the answer is a subprocess with a HeartbeatSeconds
   * timer; a {@value Messages#TASK_HEARTBEAT} message with the token (SendTaskHeartbeat) interrupts
   * it and enters it again, which restarts the timer; when the timer fires, the work fails with a
   * heartbeat timeout. An answer published in the instant between is kept by its time to live.
   */
  private void heartbeats(SubProcess sp, SubProcess wait, String idBase, String source, ServiceTask call,
      IntermediateCatchEvent answer, ServiceTask apply, Heartbeat beat) {
    ExclusiveGateway again = w.xor(sp, idBase + "_alive", null, null);
    StartEvent begin = w.start(wait, idBase + "_wait_start", "Start", null);
    w.flow(wait, begin, answer, null);
    w.flow(wait, answer, w.end(wait, idBase + "_wait_end", "Answered", null), null);
    w.flow(sp, call, again, null);
    w.flow(sp, again, wait, null);
    w.flow(sp, wait, apply, null);
    BoundaryEvent alive = w.messageBoundary(sp, wait, idBase + "_heartbeat", "Heartbeat", Messages.TASK_HEARTBEAT,
        "=" + Vars.TASK_TOKEN);
    w.property(alive, BpmnWriter.SOURCE_PROPERTY, source);
    w.flow(sp, alive, again, null);
    BoundaryEvent silent = w.timerBoundary(sp, wait, idBase + "_no_heartbeat", beat.label(), beat.expression());
    w.property(silent, BpmnWriter.SOURCE_PROPERTY, source);
    IntermediateThrowEvent mark = w.mark(sp, idBase + "_heartbeat_timed_out", "Heartbeat timed out", source);
    w.output(mark, "=\"" + HEARTBEAT_TIMEOUT + "\"", Vars.ERROR);
    w.output(mark, "=null", Vars.CAUSE);
    w.flow(sp, silent, mark, null);
    w.flow(sp, mark, w.errorEnd(sp, idBase + "_heartbeat_end", HEARTBEAT_TIMEOUT, source, HEARTBEAT_TIMEOUT), null);
  }

  /** Work of several phases: a subprocess that runs them one after the other. */
  private Activity phases(BaseElement scope, String idBase, String source, String label, Work work, Heartbeat beat) {
    SubProcess sp = w.subProcess(scope, idBase, label, source);
    FlowNode last = w.start(sp, idBase + "_start", "Start", source);
    int i = 1;
    for (Work phase = work; phase != null; phase = phase.then(), i++) {
      Work one = new Work(phase.start(), phase.waitLoop());
      Activity a = beat == null ? emit(sp, idBase + "_" + i, source, one) : phaseWithHeartbeat(sp, idBase + "_" + i, source, one, beat);
      a.setName(phase.start() != null ? phase.start().label() : phase.waitLoop().poll().label());
      w.flow(sp, last, a, null);
      last = a;
    }
    var end = w.end(sp, idBase + "_end", "Done", source);
    w.flow(sp, last, end, null);
    return sp;
  }

  private Activity phaseWithHeartbeat(SubProcess sp, String id, String source, Work one, Heartbeat beat) {
    if (one.waitLoop() != null) {
      return loop(sp, id, source, Names.humanize(source), one, beat);
    }
    ServiceTask call = w.task(sp, id, Names.humanize(source), source, one.start());
    heartbeat(sp, call, source, beat);
    return call;
  }

  /** The poll interval as a timer expression, slowing down after some polls when the source does. */
  static String interval(Wait wait) {
    if (wait.slowInterval() == null) {
      return wait.interval().toString();
    }
    return "=if " + Vars.POLL_COUNT + " < " + wait.slowAfterPolls() + " then duration(\"" + wait.interval()
        + "\") else duration(\"" + wait.slowInterval() + "\")";
  }

  /** A tracked loop's timer: the slow fallback its poll job set, else the source's interval. */
  static String trackedInterval(Wait wait) {
    String source = wait.slowInterval() == null ? "duration(\"" + wait.interval() + "\")" : "(" + interval(wait).substring(1) + ")";
    return "=if " + Vars.WAIT_DELAY + " = null then " + source + " else duration(" + Vars.WAIT_DELAY + ")";
  }

  static String human(Duration d) {
    long s = d.toSeconds();
    if (s % 86400 == 0 && s > 0) {
      return s / 86400 + " d";
    }
    if (s % 3600 == 0 && s > 0) {
      return s / 3600 + " h";
    }
    if (s % 60 == 0 && s > 0) {
      return s / 60 + " min";
    }
    return s + " s";
  }
}
