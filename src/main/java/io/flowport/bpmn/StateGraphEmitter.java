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
import io.flowport.ir.Call;
import io.flowport.ir.Limits;
import io.flowport.ir.Names;
import io.flowport.ir.StateGraph;
import io.flowport.ir.Step;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

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
      if (incoming.getOrDefault(step.name(), 0) > 1 && !terminal(step)) {
        ExclusiveGateway join = w.xor(scope, entry.getId() + "_join", null, null);
        w.flow(scope, join, entry, null);
        entry = join;
      }
      entries.put(step.name(), entry);
    }
    w.flow(scope, start, entries.get(graph.entry()), null);
    Set<String> reached = new HashSet<>(Set.of(graph.entry()));
    for (Piece piece : pieces.values()) {
      for (Piece.Exit exit : piece.exits()) {
        FlowNode to = entries.get(exit.target());
        Step target = graph.step(exit.target());
        if (terminal(target) && !reached.add(exit.target())) {
          // Each further way into a Succeed or Fail state gets its own end: the same outcome, and
          // no flow back across the whole diagram (thousands of them made the layout run out of memory).
          to = piece(scope, target).entry();
          // Tools (the run's trace among them) count entering any copy as entering the state.
          w.property(to, BpmnWriter.COPY_OF_PROPERTY, entries.get(exit.target()).getId());
        }
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
      case Step.Task t -> task(scope, t);
      case Step.Parallel p -> activity(scope, p.name(), Limits.NONE, p.next(), p.onError(), p.catchTargets(),
          (sc, aid) -> parallel(sc, aid, p));
      case Step.Map m -> activity(scope, m.name(), Limits.NONE, m.next(), m.onError(), m.catchTargets(),
          (sc, aid) -> map(sc, aid, m));
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
        // A data-dependent wait: the job before the timer computes it.
        String duration = d.duration() == null ? "=duration(" + Vars.ASL_WAIT + ")" : d.duration().toString();
        FlowNode timer = w.timer(scope, d.transform() == null ? id : id + "_timer", label, d.name(), duration);
        if (d.transform() != null) {
          first = w.task(scope, id, label, d.name(), d.transform());
          w.flow(scope, first, timer, null);
        } else {
          first = timer;
        }
        yield new Piece(first, exitOrEnd(scope, timer, d.next(), d.name()));
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
        if (f.transform() != null) {
          // ErrorPath/CausePath: the job sets error and cause; the end event throws what it set.
          ServiceTask t = w.task(scope, id, label, f.name(), f.transform());
          String code = "=if " + Vars.ERROR + " = null then \"States.Fail\" else " + Vars.ERROR;
          w.flow(scope, t, w.errorEnd(scope, id + "_end", "Failed", f.name(), code), null);
          yield new Piece(t, List.of());
        }
        IntermediateThrowEvent mark = w.mark(scope, id, label, f.name());
        w.output(mark, f.error() == null ? "=null" : "=" + feelString(f.error()), Vars.ERROR);
        w.output(mark, f.cause() == null ? "=null" : "=" + feelString(f.cause()), Vars.CAUSE);
        String code = f.error() == null ? "States.Fail" : f.error();
        w.flow(scope, mark, w.errorEnd(scope, id + "_end", "Failed", f.name(), code), null);
        yield new Piece(mark, List.of());
      }
    };
  }

  /** A Task state; a job reads the limits taken from its input first (into locals of the scope). */
  private Piece task(BaseElement scope, Step.Task t) {
    Limits limits = t.limits();
    Piece piece = activity(scope, t.name(), limits, t.next(), t.onError(), t.catchTargets(),
        (sc, aid) -> work.emit(sc, aid, t.name(), t.work(), limits));
    // With Retry/Catch the limits are read inside each attempt, where the state's Retry and Catch see
    // the read's error (a JSONata TimeoutSeconds expression fails with States.QueryEvaluationError).
    if (limits.read() == null || t.onError() != null) {
      return piece;
    }
    ServiceTask read = w.task(scope, t.name() + "_limits", limits.read().label(), t.name(), limits.read());
    w.flow(scope, read, piece.entry(), null);
    return new Piece(read, piece.exits());
  }

  private static boolean terminal(Step step) {
    return step instanceof Step.Fail || step instanceof Step.Succeed;
  }

  /**
   * A state that does something (Task, Parallel, Map), emitted by {@code emit} with the given id.
   * Without Retry/Catch its errors (and its timeout) end the enclosing scope with that error.
   */
  private Piece activity(BaseElement scope, String name, Limits timeout, String next, Call onError,
      List<String> catchTargets, BiFunction<BaseElement, String, Activity> emit) {
    if (onError != null) {
      return guarded(scope, name, timeout, next, onError, catchTargets, emit);
    }
    Activity a = emit.apply(scope, name);
    FlowNode timedOut = timeout(scope, a, name, timeout);
    if (timedOut != null) {
      w.flow(scope, timedOut, w.errorEnd(scope, name + "_timeout_end", "States.Timeout", name, "States.Timeout"), null);
    }
    if (timeout.hasHeartbeat() && !(a instanceof ServiceTask)) {
      // Without Retry/Catch a heartbeat timeout fails the execution as Step Functions reports it: States.Timeout.
      BoundaryEvent b = w.errorBoundary(scope, a, name + "_heartbeat_timeout", "No heartbeat", WorkEmitter.HEARTBEAT_TIMEOUT);
      w.property(b, BpmnWriter.SOURCE_PROPERTY, name);
      IntermediateThrowEvent mark = w.mark(scope, name + "_heartbeat_timed_out", "Timed out", name);
      w.output(mark, "=\"States.Timeout\"", Vars.ERROR);
      w.output(mark, "=null", Vars.CAUSE);
      w.flow(scope, b, mark, null);
      w.flow(scope, mark, w.errorEnd(scope, name + "_heartbeat_end", "States.Timeout", name, "States.Timeout"), null);
    }
    return new Piece(a, exitOrEnd(scope, a, next, name));
  }

  /** TimeoutSeconds: an interrupting timer boundary that records States.Timeout; returns where it leads. */
  private FlowNode timeout(BaseElement scope, Activity a, String name, Limits limits) {
    if (!limits.hasTimeout()) {
      return null;
    }
    BoundaryEvent b = limits.timeout() != null
        ? w.timerBoundary(scope, a, name + "_timeout", "After " + WorkEmitter.human(limits.timeout()), limits.timeout().toString())
        : w.timerBoundary(scope, a, name + "_timeout", "After TimeoutSecondsPath", "=duration(" + Vars.ASL_TIMEOUT + ")");
    w.property(b, BpmnWriter.SOURCE_PROPERTY, name);
    IntermediateThrowEvent mark = w.mark(scope, name + "_timed_out", "Timed out", name);
    w.output(mark, "=\"States.Timeout\"", Vars.ERROR);
    w.output(mark, "=null", Vars.CAUSE);
    w.flow(scope, b, mark, null);
    return mark;
  }

  /**
   * A state with Retry/Catch: a subprocess that runs the state's work, catches every error (and its
   * timeout) with one boundary, and asks a job what Step Functions would do: retry after a
   * back-off (the whole work again), go to a Catcher's state, or fail.
   */
  private Piece guarded(BaseElement scope, String id, Limits timeout, String next, Call onError,
      List<String> catchTargets, BiFunction<BaseElement, String, Activity> emit) {
    SubProcess sp = w.subProcess(scope, id, Names.humanize(id), id);
    w.input(sp, "={}", Vars.ASL_RETRY_COUNTS);
    w.input(sp, "=null", Vars.ASL_ERROR_ACTION);
    w.input(sp, "=null", Vars.ASL_RETRY_DELAY);
    w.input(sp, "=null", Vars.ASL_CATCH_NEXT);
    w.output(sp, "=" + Vars.ASL_CATCH_NEXT, Vars.ASL_CATCH_NEXT);
    StartEvent start = w.start(sp, id + "_begin", "Start", null);
    ExclusiveGateway again = w.xor(sp, id + "_try", null, null);
    Activity a = emit.apply(sp, id + "_attempt");
    w.flow(sp, start, again, null);
    List<FlowNode> failures = new ArrayList<>();
    if (timeout.read() != null) {
      ServiceTask read = w.task(sp, id + "_limits", timeout.read().label(), id, timeout.read());
      w.flow(sp, again, read, null);
      w.flow(sp, read, a, null);
      BoundaryEvent readError = w.errorBoundary(sp, read, id + "_limits_error", "Error");
      w.output(readError, "=" + Vars.ERROR, Vars.ERROR);
      w.output(readError, "=" + Vars.CAUSE, Vars.CAUSE);
      failures.add(readError);
    } else {
      w.flow(sp, again, a, null);
    }
    w.flow(sp, a, w.end(sp, id + "_done", "Done", null), null);
    BoundaryEvent error = w.errorBoundary(sp, a, id + "_error", "Error");
    w.output(error, "=" + Vars.ERROR, Vars.ERROR);
    w.output(error, "=" + Vars.CAUSE, Vars.CAUSE);
    failures.add(error);
    ServiceTask handle = w.task(sp, id + "_handle", "Retry or catch?", id, onError);
    FlowNode timedOut = timeout(sp, a, id, timeout);
    if (timedOut != null) {
      failures.add(timedOut);
    }
    if (failures.size() > 1) {
      ExclusiveGateway failed = w.xor(sp, id + "_failed", null, null);
      failures.forEach(f -> w.flow(sp, f, failed, null));
      w.flow(sp, failed, handle, null);
    } else {
      w.flow(sp, error, handle, null);
    }
    ExclusiveGateway decide = w.xor(sp, id + "_decide", "Retry, catch or fail?", id);
    w.flow(sp, handle, decide, null);
    var backoff = w.timer(sp, id + "_backoff", "Back off", id, "=duration(" + Vars.ASL_RETRY_DELAY + ")");
    w.flow(sp, decide, backoff, "=" + Vars.ASL_ERROR_ACTION + " = \"retry\"").setName("retry");
    w.flow(sp, backoff, again, null);
    w.flow(sp, decide, w.end(sp, id + "_caught", "Caught", null), "=" + Vars.ASL_ERROR_ACTION + " = \"catch\"").setName("catch");
    w.defaultFlow(sp, decide, w.errorEnd(sp, id + "_fail", "Failed", id, "flowport.TaskFailed")).setName("fail");
    if (catchTargets.isEmpty() || next != null && catchTargets.stream().allMatch(next::equals)) {
      // Caught or not, the state goes on to Next: no routing gateway (bpmnlint: superfluous-gateway).
      return new Piece(sp, exitOrEnd(scope, sp, next, id));
    }
    ExclusiveGateway route = w.xor(scope, id + "_route", "Caught?", id);
    w.flow(scope, sp, route, null);
    List<Piece.Exit> exits = new ArrayList<>();
    for (String target : catchTargets) {
      if (!target.equals(next)) {
        exits.add(new Piece.Exit(route, target, "=" + Vars.ASL_CATCH_NEXT + " = " + feelString(target), false));
      }
    }
    if (next != null) {
      exits.add(new Piece.Exit(route, next, null, true));
    } else {
      w.defaultFlow(scope, route, w.end(scope, id + "_end", "End", id)).setName("not caught");
    }
    return new Piece(sp, exits);
  }

  /**
   * A Parallel state: a subprocess that computes the branches' input, runs one subprocess per
   * branch between a parallel split and join (each with its own {@code payload}), and collects
   * their outputs, in branch order, into the state's output.
   */
  private Activity parallel(BaseElement scope, String id, Step.Parallel p) {
    SubProcess sp = w.subProcess(scope, id, Names.humanize(p.name()), p.name());
    w.input(sp, "=null", Vars.ASL_BRANCH_INPUT);
    for (int i = 0; i < p.branches().size(); i++) {
      w.input(sp, "=null", Vars.aslBranch(i));
    }
    StartEvent start = w.start(sp, id + "_start", "Start", null);
    ServiceTask prepare = w.task(sp, id + "_input", p.prepare().label(), p.name(), p.prepare());
    ServiceTask collect = w.task(sp, id + "_collect", p.collect().label(), p.name(), p.collect());
    // One branch needs no split and join (bpmnlint: superfluous-gateway).
    boolean single = p.branches().size() == 1;
    FlowNode fork = single ? prepare : w.and(sp, id + "_fork", null);
    FlowNode join = single ? collect : w.and(sp, id + "_join", null);
    for (int i = 0; i < p.branches().size(); i++) {
      SubProcess b = w.subProcess(sp, id + "_branch_" + (i + 1), "Branch " + (i + 1), null);
      w.input(b, "=" + Vars.ASL_BRANCH_INPUT, Vars.PAYLOAD);
      locals(b, p.branches().get(i));
      w.output(b, "=" + Vars.PAYLOAD, Vars.aslBranch(i));
      new StateGraphEmitter(w).emit(b, w.start(b, b.getId() + "_start", "Start", null), p.branches().get(i));
      w.flow(sp, fork, b, null);
      w.flow(sp, b, join, null);
    }
    w.flow(sp, start, prepare, null);
    if (!single) {
      w.flow(sp, prepare, fork, null);
      w.flow(sp, join, collect, null);
    }
    w.flow(sp, collect, w.end(sp, id + "_end", "Done", null), null);
    return sp;
  }

  /**
   * A Map state: a subprocess that lists the iterations' inputs, runs the iterator as a
   * multi-instance subprocess over them (parallel, sequential, or a sequential loop over parallel
   * batches for a MaxConcurrency above 1), and collects the outputs, in item order.
   */
  private Activity map(BaseElement scope, String id, Step.Map m) {
    SubProcess sp = w.subProcess(scope, id, Names.humanize(m.name()), m.name());
    w.input(sp, "=null", Vars.ASL_ITEMS);
    w.input(sp, "=null", Vars.ASL_RESULTS);
    StartEvent start = w.start(sp, id + "_start", "Start", null);
    ServiceTask prepare = w.task(sp, id + "_items", m.prepare().label(), m.name(), m.prepare());
    Activity loop;
    if (m.batched()) {
      SubProcess batch = w.subProcess(sp, id + "_batch", "Each batch", null);
      w.multiInstance(batch, true, "=" + Vars.ASL_ITEMS, Vars.ASL_BATCH, Vars.ASL_RESULTS, "=" + Vars.ASL_BATCH_RESULTS);
      w.input(batch, "=null", Vars.ASL_BATCH_RESULTS);
      StartEvent first = w.start(batch, id + "_batch_start", "Start", null);
      SubProcess each = iteration(batch, id, m, false, Vars.ASL_BATCH, Vars.ASL_BATCH_RESULTS);
      w.flow(batch, first, each, null);
      w.flow(batch, each, w.end(batch, id + "_batch_end", "Done", null), null);
      loop = batch;
    } else {
      loop = iteration(sp, id, m, m.maxConcurrency() == 1, Vars.ASL_ITEMS, Vars.ASL_RESULTS);
    }
    ServiceTask collect = w.task(sp, id + "_collect", m.collect().label(), m.name(), m.collect());
    w.flow(sp, start, prepare, null);
    w.flow(sp, prepare, loop, null);
    w.flow(sp, loop, collect, null);
    w.flow(sp, collect, w.end(sp, id + "_end", "Done", null), null);
    return sp;
  }

  /** The iterator as a multi-instance subprocess: each iteration's input and output is its own {@code payload}. */
  private SubProcess iteration(BaseElement scope, String id, Step.Map m, boolean sequential, String items, String results) {
    SubProcess each = w.subProcess(scope, id + "_iteration", "Each item", null);
    w.multiInstance(each, sequential, "=" + items, Vars.PAYLOAD, results, "=" + Vars.PAYLOAD);
    locals(each, m.iterator());
    new StateGraphEmitter(w).emit(each, w.start(each, each.getId() + "_start", "Start", null), m.iterator());
    return each;
  }

  /** Variables a branch or iteration keeps to itself, so that concurrent ones do not see each other's. */
  private void locals(SubProcess scope, StateGraph graph) {
    if (!graph.variables().isEmpty()) {
      // The outer variables, copied: this scope's states assign names of their own, which stay inside.
      w.input(scope, "=" + Vars.ASL_VARS, Vars.ASL_VARS);
    }
    w.input(scope, "=null", Vars.ASL_NEXT);
    w.input(scope, "=null", Vars.ASL_CATCH_NEXT);
    w.input(scope, "=null", Vars.ASL_WAIT);
    if (graph.steps().stream().anyMatch(s -> s instanceof Step.Task t && t.limits().read() != null)) {
      w.input(scope, "=null", Vars.ASL_TIMEOUT);
      w.input(scope, "=null", Vars.ASL_HEARTBEAT);
    }
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
