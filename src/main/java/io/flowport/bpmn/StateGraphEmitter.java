package io.flowport.bpmn;

import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.IntermediateThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.flowport.contract.Vars;
import io.flowport.ir.Names;
import io.flowport.ir.StateGraph;
import io.flowport.ir.Step;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Emits a Step Functions state graph into a scope (the machine's body subprocess): one piece per
 * state, then sequence flows along the transitions, with a merge gateway wherever two or more
 * transitions meet so that no task has two incoming flows.
 */
final class StateGraphEmitter {

  private final BpmnWriter w;
  private final WorkEmitter work;

  StateGraphEmitter(BpmnWriter w) {
    this.w = w;
    this.work = new WorkEmitter(w);
  }

  void emit(BaseElement scope, StartEvent start, StateGraph graph) {
    Map<String, Piece> pieces = new LinkedHashMap<>();
    for (Step step : graph.steps()) {
      pieces.put(step.name(), piece(scope, step));
    }
    Map<String, Integer> incoming = new HashMap<>();
    incoming.merge(graph.entry(), 1, Integer::sum);
    pieces.values().forEach(p -> p.exits().forEach(e -> {
      if (e.target() != null) {
        incoming.merge(e.target(), 1, Integer::sum);
      }
    }));
    Map<String, FlowNode> entries = new HashMap<>();
    for (Step step : graph.steps()) {
      FlowNode entry = pieces.get(step.name()).entry();
      if (incoming.getOrDefault(step.name(), 0) > 1) {
        ExclusiveGateway join = w.xor(scope, entry.getId() + "_join", null, null);
        w.flow(scope, join, entry, null);
        entry = join;
      }
      entries.put(step.name(), entry);
    }
    w.flow(scope, start, entries.get(graph.entry()), null);
    for (Piece piece : pieces.values()) {
      for (Piece.Exit exit : piece.exits()) {
        FlowNode to = entries.get(exit.target());
        var flow = exit.isDefault()
            ? w.defaultFlow(scope, (ExclusiveGateway) exit.from(), to)
            : w.flow(scope, exit.from(), to, exit.condition());
        if (exit.condition() != null || exit.isDefault()) {
          flow.setName(Names.humanize(exit.target()));
        }
      }
    }
  }

  private Piece piece(BaseElement scope, Step step) {
    String id = step.name();
    String label = Names.humanize(step.name());
    return switch (step) {
      case Step.Task t -> t.onError() == null ? task(scope, t) : guardedTask(scope, t);
      case Step.Choice c -> {
        ServiceTask decide = w.task(scope, id, label, c.name(), c.decide());
        ExclusiveGateway route = w.xor(scope, id + "_route", "Next state?", c.name());
        w.flow(scope, decide, route, null);
        List<Piece.Exit> exits = new ArrayList<>();
        for (String target : c.targets()) {
          exits.add(new Piece.Exit(route, target, "=" + Vars.ASL_NEXT + " = " + feelString(target), false));
        }
        yield new Piece(decide, exits);
      }
      case Step.Pass p -> {
        FlowNode n = p.transform() == null ? w.mark(scope, id, label, p.name()) : w.task(scope, id, label, p.name(), p.transform());
        yield new Piece(n, exitOrEnd(scope, n, p.next(), p.name()));
      }
      case Step.Delay d -> {
        FlowNode first;
        FlowNode timer = w.timer(scope, d.transform() == null ? id : id + "_timer", label, d.name(), d.duration().toString());
        if (d.transform() != null) {
          first = w.task(scope, id, label, d.name(), d.transform());
          w.flow(scope, first, timer, null);
        } else {
          first = timer;
        }
        yield new Piece(first, List.of(Piece.Exit.to(timer, d.next())));
      }
      case Step.Succeed s -> {
        if (s.transform() == null) {
          yield new Piece(w.end(scope, id, label, s.name()), List.of());
        }
        ServiceTask t = w.task(scope, id, label, s.name(), s.transform());
        w.flow(scope, t, w.end(scope, id + "_end", "Succeeded", s.name()), null);
        yield new Piece(t, List.of());
      }
      case Step.Fail f -> {
        IntermediateThrowEvent mark = w.mark(scope, id, label, f.name());
        w.output(mark, f.error() == null ? "=null" : "=" + feelString(f.error()), Vars.ERROR);
        w.output(mark, f.cause() == null ? "=null" : "=" + feelString(f.cause()), Vars.CAUSE);
        String code = f.error() == null ? "States.Fail" : f.error();
        w.flow(scope, mark, w.errorEnd(scope, id + "_end", "Failed", f.name(), code), null);
        yield new Piece(mark, List.of());
      }
    };
  }

  /** A Task without Retry/Catch: its errors (and its timeout) end the machine. */
  private Piece task(BaseElement scope, Step.Task t) {
    String id = t.name();
    Activity a = work.emit(scope, id, t.name(), t.work());
    FlowNode timedOut = timeout(scope, a, t);
    if (timedOut != null) {
      w.flow(scope, timedOut, w.errorEnd(scope, id + "_timeout_end", "States.Timeout", t.name(), "States.Timeout"), null);
    }
    return new Piece(a, exitOrEnd(scope, a, t.next(), t.name()));
  }

  /** TimeoutSeconds: an interrupting timer boundary that records States.Timeout; returns where it leads. */
  private FlowNode timeout(BaseElement scope, Activity a, Step.Task t) {
    if (t.timeout() == null) {
      return null;
    }
    String id = t.name();
    BoundaryEvent b = w.timerBoundary(scope, a, id + "_timeout", "After " + WorkEmitter.human(t.timeout()), t.timeout().toString());
    w.property(b, BpmnWriter.SOURCE_PROPERTY, t.name());
    IntermediateThrowEvent mark = w.mark(scope, id + "_timed_out", "Timed out", t.name());
    w.output(mark, "=\"States.Timeout\"", Vars.ERROR);
    w.output(mark, "=null", Vars.CAUSE);
    w.flow(scope, b, mark, null);
    return mark;
  }

  /**
   * A Task with Retry/Catch: a subprocess that runs the work, catches every error (and its
   * timeout) with one boundary, and asks a job what Step Functions would do: retry after a
   * back-off (the whole work again), go to a Catcher's state, or fail the machine.
   */
  private Piece guardedTask(BaseElement scope, Step.Task t) {
    String id = t.name();
    SubProcess sp = w.subProcess(scope, id, Names.humanize(id), t.name());
    w.input(sp, "={}", Vars.ASL_RETRY_COUNTS);
    w.input(sp, "=null", Vars.ASL_ERROR_ACTION);
    w.input(sp, "=null", Vars.ASL_RETRY_DELAY);
    w.input(sp, "=null", Vars.ASL_CATCH_NEXT);
    w.output(sp, "=" + Vars.ASL_CATCH_NEXT, Vars.ASL_CATCH_NEXT);
    StartEvent start = w.start(sp, id + "_begin", "Start", null);
    ExclusiveGateway again = w.xor(sp, id + "_try", null, null);
    Activity a = work.emit(sp, id + "_attempt", t.name(), t.work());
    w.flow(sp, start, again, null);
    w.flow(sp, again, a, null);
    w.flow(sp, a, w.end(sp, id + "_done", "Done", null), null);
    BoundaryEvent error = w.errorBoundary(sp, a, id + "_error", "Error");
    w.output(error, "=" + Vars.ERROR, Vars.ERROR);
    w.output(error, "=" + Vars.CAUSE, Vars.CAUSE);
    ServiceTask handle = w.task(sp, id + "_handle", "Retry or catch?", t.name(), t.onError());
    FlowNode timedOut = timeout(sp, a, t);
    if (timedOut != null) {
      ExclusiveGateway failed = w.xor(sp, id + "_failed", null, null);
      w.flow(sp, error, failed, null);
      w.flow(sp, timedOut, failed, null);
      w.flow(sp, failed, handle, null);
    } else {
      w.flow(sp, error, handle, null);
    }
    ExclusiveGateway decide = w.xor(sp, id + "_decide", "Retry, catch or fail?", t.name());
    w.flow(sp, handle, decide, null);
    var backoff = w.timer(sp, id + "_backoff", "Back off", t.name(), "=duration(" + Vars.ASL_RETRY_DELAY + ")");
    w.flow(sp, decide, backoff, "=" + Vars.ASL_ERROR_ACTION + " = \"retry\"").setName("retry");
    w.flow(sp, backoff, again, null);
    w.flow(sp, decide, w.end(sp, id + "_caught", "Caught", null), "=" + Vars.ASL_ERROR_ACTION + " = \"catch\"").setName("catch");
    w.defaultFlow(sp, decide, w.errorEnd(sp, id + "_fail", "Failed", t.name(), "flowport.TaskFailed")).setName("fail");
    if (t.catchTargets().isEmpty()) {
      return new Piece(sp, exitOrEnd(scope, sp, t.next(), t.name()));
    }
    ExclusiveGateway route = w.xor(scope, id + "_route", "Caught?", t.name());
    w.flow(scope, sp, route, null);
    List<Piece.Exit> exits = new ArrayList<>();
    for (String target : t.catchTargets()) {
      if (!target.equals(t.next())) {
        exits.add(new Piece.Exit(route, target, "=" + Vars.ASL_CATCH_NEXT + " = " + feelString(target), false));
      }
    }
    if (t.next() != null) {
      exits.add(new Piece.Exit(route, t.next(), null, true));
    } else {
      w.defaultFlow(scope, route, w.end(scope, id + "_end", "End", t.name())).setName("not caught");
    }
    return new Piece(sp, exits);
  }

  /** The exit to the next state, or — for a state with End: true — an end event of its own. */
  private List<Piece.Exit> exitOrEnd(BaseElement scope, FlowNode from, String next, String source) {
    if (next != null) {
      return List.of(Piece.Exit.to(from, next));
    }
    w.flow(scope, from, w.end(scope, from.getId() + "_end", "End", source), null);
    return List.of();
  }

  static String feelString(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
