package io.flowport.bpmn;

import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.IntermediateThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.ParallelGateway;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.flowport.contract.Vars;
import io.flowport.ir.DagTask;
import io.flowport.ir.TaskDag;
import io.flowport.ir.Workflow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Emits an Airflow DAG. Every task is a block that always ends — in success, failed, skipped or
 * upstream_failed, kept in the variable {@code ti_<task>} — so downstream blocks can apply their
 * trigger rules and the run's state follows from the leaves, as in Airflow. Edges with several
 * upstreams meet in parallel joins, as Airflow waits for all upstreams to finish. A TaskGroup is
 * an embedded subprocess holding its tasks' blocks; a task's trigger rule still reads the states
 * of its own upstream tasks, inside the group or not.
 */
final class TaskDagEmitter {

  private final BpmnWriter w;
  private final WorkEmitter work;
  private BranchSkips skips;
  private Set<String> mapped = Set.of();

  TaskDagEmitter(BpmnWriter w) {
    this.w = w;
    this.work = new WorkEmitter(w);
  }

  void emit(Process process, FlowNode first, Workflow workflow, TaskDag dag) {
    skips = new BranchSkips(dag);
    mapped = dag.tasks().stream().filter(t -> t.mapping() != null).map(DagTask::taskId).collect(Collectors.toSet());
    // With a dagrun_timeout the tasks run inside one subprocess that the timeout interrupts.
    SubProcess run = dag.runTimeout() == null ? null : w.subProcess(process, "dag_run", workflow.name(), null);
    BaseElement top = run == null ? process : run;
    Map<String, BaseElement> scopes = new HashMap<>();
    Map<String, SubProcess> subs = new HashMap<>();
    for (TaskDag.Group g : dag.groups()) {
      BaseElement parent = g.parentId() == null ? top : scopes.get(g.parentId());
      SubProcess sp = w.subProcess(parent, g.groupId(), g.label(), g.groupId());
      subs.put(g.groupId(), sp);
      scopes.put(g.groupId(), sp);
    }
    Map<String, FlowNode[]> blocks = new HashMap<>();
    for (DagTask t : dag.tasks()) {
      TaskDag.Group g = dag.groupOf(t.taskId());
      blocks.put(t.taskId(), block(g == null ? top : scopes.get(g.groupId()), t, dag.upstream(t.taskId())));
    }
    List<Level> levels = new ArrayList<>();
    levels.add(level(dag, null, top, blocks, subs));
    for (TaskDag.Group g : dag.groups()) {
      levels.add(level(dag, g.groupId(), subs.get(g.groupId()), blocks, subs));
    }
    levels.forEach(l -> l.ends(dag));
    FlowNode last;
    if (run == null) {
      last = levels.get(0).wire(first, "roots", "leaves");
    } else {
      w.flow(process, first, run, null);
      FlowNode end = levels.get(0).wire(w.start(run, "dag_run_start", "Start", null), "roots", "leaves");
      w.flow(run, end, w.end(run, "dag_run_end", "Done", null), null);
      timeout(process, run, dag);
      last = run;
    }
    for (int i = 1; i < levels.size(); i++) {
      Level l = levels.get(i);
      FlowNode start = w.start(l.scope, l.groupId + "_start", "Start", l.groupId);
      FlowNode end = l.wire(start, l.groupId + "_roots", l.groupId + "_leaves");
      w.flow(l.scope, end, w.end(l.scope, l.groupId + "_end", "Done", l.groupId), null);
    }
    runState(process, last, dag.tasks().stream().filter(t -> dag.downstream(t.taskId()).isEmpty()).toList());
  }

  /**
   * One process or group subprocess: its items are its own tasks and its child groups, in task
   * order; a dependency between tasks under two items is an edge between the items. Items with no
   * upstream item start from the level's start; those with no downstream item end it.
   */
  private final class Level {
    final String groupId;
    final BaseElement scope;
    final List<String> items = new ArrayList<>();
    final List<TaskDag.Edge> edges = new ArrayList<>();
    final Map<String, FlowNode[]> nodes = new HashMap<>();
    final Map<String, FlowNode> in = new HashMap<>();
    final Map<String, FlowNode> out = new HashMap<>();

    Level(String groupId, BaseElement scope) {
      this.groupId = groupId;
      this.scope = scope;
    }

    List<String> ups(String item) {
      return edges.stream().filter(e -> e.downstream().equals(item)).map(TaskDag.Edge::upstream).toList();
    }

    List<String> downs(String item) {
      return edges.stream().filter(e -> e.upstream().equals(item)).map(TaskDag.Edge::downstream).toList();
    }

    /** Where each item's flows arrive (a join when several) and leave (a fork when several). */
    void ends(TaskDag dag) {
      for (String item : items) {
        FlowNode[] b = nodes.get(item);
        String src = source(item);
        if (ups(item).size() > 1) {
          ParallelGateway join = w.and(scope, b[0].getId() + "_upstream", src);
          w.flow(scope, join, b[0], null);
          in.put(item, join);
        } else {
          in.put(item, b[0]);
        }
        if (downs(item).size() > 1) {
          ParallelGateway fork = w.and(scope, b[1].getId() + "_downstream", src);
          w.flow(scope, b[1], fork, null);
          out.put(item, fork);
        } else {
          out.put(item, b[1]);
        }
      }
    }

    /** Flows from {@code first} through the items; returns where they all end. */
    FlowNode wire(FlowNode first, String rootsId, String leavesId) {
      List<String> roots = items.stream().filter(i -> ups(i).isEmpty()).toList();
      List<String> leaves = items.stream().filter(i -> downs(i).isEmpty()).toList();
      FlowNode from = first;
      if (roots.size() > 1) {
        ParallelGateway fork = w.and(scope, rootsId, groupId);
        w.flow(scope, first, fork, null);
        from = fork;
      }
      for (String r : roots) {
        w.flow(scope, from, in.get(r), null);
      }
      for (TaskDag.Edge e : edges) {
        w.flow(scope, out.get(e.upstream()), in.get(e.downstream()), null);
      }
      if (leaves.size() == 1) {
        return out.get(leaves.get(0));
      }
      FlowNode last = w.and(scope, leavesId, groupId);
      for (String l : leaves) {
        w.flow(scope, out.get(l), last, null);
      }
      return last;
    }
  }

  private static final String GROUP = "group:";

  private static String source(String item) {
    return item.startsWith(GROUP) ? item.substring(GROUP.length()) : item;
  }

  private Level level(TaskDag dag, String groupId, BaseElement scope, Map<String, FlowNode[]> blocks, Map<String, SubProcess> subs) {
    Level l = new Level(groupId, scope);
    Map<String, String> itemOf = new HashMap<>();
    for (DagTask t : dag.tasks()) {
      String item = item(dag, t.taskId(), groupId);
      if (item != null) {
        itemOf.put(t.taskId(), item);
        if (!l.items.contains(item)) {
          l.items.add(item);
          SubProcess sp = item.startsWith(GROUP) ? subs.get(source(item)) : null;
          l.nodes.put(item, sp != null ? new FlowNode[] {sp, sp} : blocks.get(item));
        }
      }
    }
    for (TaskDag.Edge e : dag.edges()) {
      String up = itemOf.get(e.upstream());
      String down = itemOf.get(e.downstream());
      TaskDag.Edge edge = new TaskDag.Edge(up, down);
      if (up != null && down != null && !up.equals(down) && !l.edges.contains(edge)) {
        l.edges.add(edge);
      }
    }
    return l;
  }

  /** What stands for the task in the level: itself, the child group holding it, or null when outside. */
  private static String item(TaskDag dag, String taskId, String levelGroupId) {
    List<String> chain = new ArrayList<>();
    for (TaskDag.Group g = dag.groupOf(taskId); g != null; g = g.parentId() == null ? null : dag.group(g.parentId())) {
      chain.add(0, g.groupId());
    }
    int at = levelGroupId == null ? -1 : chain.indexOf(levelGroupId);
    if (levelGroupId != null && at < 0) {
      return null;
    }
    return at + 1 < chain.size() ? GROUP + chain.get(at + 1) : taskId;
  }

  /** Airflow marks a run failed when any leaf task failed or is upstream_failed. */
  /**
   * dagrun_timeout: Airflow's scheduler fails the run and marks every unfinished task skipped
   * (SchedulerJobRunner._schedule_dag_run); the timer interrupts whatever still runs.
   */
  private void timeout(Process process, SubProcess run, TaskDag dag) {
    BoundaryEvent timer = w.timerBoundary(process, run, "dagrun_timeout", "After " + WorkEmitter.human(dag.runTimeout()),
        dag.runTimeout().toString());
    IntermediateThrowEvent timedOut = w.mark(process, "dag_timed_out", "DAG run timed out", null);
    w.output(timedOut, "=\"failed\"", Vars.DAG_STATE);
    for (DagTask t : dag.tasks()) {
      String state = Vars.taskState(t.taskId());
      w.output(timedOut, "=if " + state + " = null then \"skipped\" else " + state, state);
    }
    w.flow(process, timer, timedOut, null);
    w.flow(process, timedOut, w.end(process, "timed_out", "Timed out", null), null);
  }

  private void runState(Process process, FlowNode last, List<DagTask> leaves) {
    ExclusiveGateway state = w.xor(process, "run_state", "Run state?", null);
    w.flow(process, last, state, null);
    String states = "[" + String.join(", ", leaves.stream().map(t -> Vars.taskState(t.taskId())).toList()) + "]";
    // A mapped leaf's state is the list of its instances' states.
    states = leaves.stream().anyMatch(t -> t.mapping() != null) ? "flatten(" + states + ")" : states;
    IntermediateThrowEvent failed = w.mark(process, "dag_failed", "DAG run failed", null);
    w.output(failed, "=\"failed\"", Vars.DAG_STATE);
    IntermediateThrowEvent ok = w.mark(process, "dag_succeeded", "DAG run succeeded", null);
    w.output(ok, "=\"success\"", Vars.DAG_STATE);
    w.flow(process, state, failed, "=some s in " + states + " satisfies (s = \"failed\" or s = \"upstream_failed\")")
        .setName("a leaf task failed");
    w.defaultFlow(process, state, ok).setName("otherwise");
    w.flow(process, failed, w.end(process, "failed", "Failed", null), null);
    w.flow(process, ok, w.end(process, "succeeded", "Succeeded", null), null);
  }

  /** The elements of one task; returns its entry and its exit. */
  private FlowNode[] block(BaseElement p, DagTask t, List<String> upstream) {
    String id = t.taskId();
    String src = t.taskId();
    String state = Vars.taskState(t.taskId());
    String tries = Vars.tryNumber(t.taskId());
    List<FlowNode> ends = new ArrayList<>();
    FlowNode entry;
    IntermediateThrowEvent queued = w.mark(p, id + "_queued", t.label(), src);
    w.output(queued, "=1", tries);
    TriggerRuleFeel feel = TriggerRuleFeel.of(t.triggerRule(), upstream.stream().map(Vars::taskState).toList(),
        upstream.stream().anyMatch(mapped::contains));
    if (upstream.isEmpty() || feel.run() == null) {
      // A root task always runs, as do all_done and always once the upstream join lets it.
      entry = queued;
    } else {
      ExclusiveGateway rule = w.xor(p, id + "_rule", "Trigger rule: " + t.triggerRule(), src);
      w.flow(p, rule, queued, "=" + feel.run()).setName(TriggerRuleFeel.describe(t.triggerRule()));
      IntermediateThrowEvent notRun = w.mark(p, id + "_not_run",
          t.triggerRule().equals("all_success") ? "Upstream failed or skipped" : "Not run", src);
      w.output(notRun, "=" + feel.notRun(), state);
      w.defaultFlow(p, rule, notRun).setName("otherwise");
      ends.add(notRun);
      entry = rule;
    }
    if (t.mapping() != null) {
      mapped(p, t, queued, ends);
    } else {
      IntermediateThrowEvent success = w.mark(p, id + "_success", "Succeeded", src);
      w.output(success, "=\"success\"", state);
      // A branching task decides, as it succeeds, which downstream tasks are skipped.
      skips.outputs(id).forEach((target, value) -> w.output(success, "=" + value, Vars.taskState(target)));
      ends.add(success);
      if (t.work() == null) {
        w.flow(p, queued, success, null);
      } else {
        attempt(p, t, queued, success, ends);
      }
    }
    if (ends.size() == 1 && !skips.skippable(id)) {
      return new FlowNode[] {entry, ends.get(0)}; // one way out: no merge gateway
    }
    ExclusiveGateway done = w.xor(p, id + "_ended", null, src);
    ends.forEach(e -> w.flow(p, e, done, null));
    if (skips.skippable(id)) {
      // Skipped by a branch upstream: the task stays skipped, whatever its trigger rule says.
      ExclusiveGateway skipped = w.xor(p, id + "_branch", "Skipped by a branch?", src);
      w.flow(p, skipped, done, "=" + state + " = \"skipped\"").setName("yes");
      w.defaultFlow(p, skipped, entry).setName("no");
      entry = skipped;
    }
    return new FlowNode[] {entry, done};
  }

  /**
   * A mapped task: its instances' inputs are computed once; none skips the task, as Airflow does;
   * otherwise a parallel multi-instance subprocess runs each instance's try and retry loop with
   * its own (local) try number, state and XCom, so a failing instance ends on its own. Afterwards the
   * task's state is the list of instance states and its XCom the list of their XComs (those that
   * pushed one) in map index order, as downstream tasks see them in Airflow.
   */
  private void mapped(BaseElement p, DagTask t, IntermediateThrowEvent queued, List<FlowNode> ends) {
    String id = t.taskId();
    String src = t.taskId();
    String state = Vars.taskState(id);
    String xcom = Vars.xcom(id);
    String items = Vars.mapItems(id);
    String results = Vars.mapResults(id);
    w.output(queued, "=" + t.mapping().items(), items);
    ExclusiveGateway any = w.xor(p, id + "_map", "Anything to map?", src);
    w.flow(p, queued, any, null);
    IntermediateThrowEvent empty = w.mark(p, id + "_empty", "Nothing to map", src);
    w.output(empty, "=\"skipped\"", state);
    w.flow(p, any, empty, "=count(" + items + ") = 0").setName("no");
    ends.add(empty);
    SubProcess each = w.subProcess(p, id + "_instances", t.label() + " (mapped)", src);
    w.multiInstance(each, false, "=" + items, Vars.MAP_ITEM, results, "={state: " + state + ", xcom: " + xcom + "}");
    w.input(each, "=loopCounter - 1", Vars.MAP_INDEX);
    w.input(each, "=1", Vars.tryNumber(id));
    w.input(each, "=null", state);
    w.input(each, "=null", xcom);
    if (t.retryBackoff() != null) {
      w.input(each, "=null", Vars.retryDelay(id));
    }
    w.defaultFlow(p, any, each).setName("yes");
    FlowNode start = w.start(each, id + "_instance", "Instance", src);
    IntermediateThrowEvent success = w.mark(each, id + "_success", "Succeeded", src);
    w.output(success, "=\"success\"", state);
    List<FlowNode> instanceEnds = new ArrayList<>(List.of(success));
    if (t.work() == null) {
      w.flow(each, start, success, null);
    } else {
      attempt(each, t, start, success, instanceEnds);
    }
    FlowNode last = success;
    if (instanceEnds.size() > 1) {
      last = w.xor(each, id + "_instance_ended", null, src);
      for (FlowNode e : instanceEnds) {
        w.flow(each, e, last, null);
      }
    }
    w.flow(each, last, w.end(each, id + "_instance_end", "Instance done", src), null);
    IntermediateThrowEvent collected = w.mark(p, id + "_collected", "Instances done", src);
    w.output(collected, "=for r in " + results + " return r.state", state);
    w.output(collected, "=for r in " + results + "[item.xcom != null] return r.xcom", xcom);
    w.flow(p, each, collected, null);
    ends.add(collected);
  }

  private void attempt(BaseElement p, DagTask t, FlowNode queued, FlowNode success, List<FlowNode> ends) {
    String id = t.taskId();
    String src = t.taskId();
    String state = Vars.taskState(t.taskId());
    String tries = Vars.tryNumber(t.taskId());
    Activity a = work.emit(p, id, src, t.label(), t.work());
    // A retry loop comes back before the try; without retries there is nothing to merge.
    FlowNode again = a;
    if (t.retries() > 0) {
      again = w.xor(p, id + "_try", null, src);
      w.flow(p, again, a, null);
    }
    w.flow(p, queued, again, null);
    w.flow(p, a, success, null);

    IntermediateThrowEvent failed = w.mark(p, id + "_failed", "Failed", src);
    w.output(failed, "=\"failed\"", state);
    ends.add(failed);

    BoundaryEvent error = w.errorBoundary(p, a, id + "_error", "Error");
    w.output(error, "=" + Vars.ERROR, Vars.ERROR);
    w.output(error, "=" + Vars.CAUSE, Vars.CAUSE);
    FlowNode failure = error;
    boolean softFail = t.softFail() && t.work().sensorTimeout() != null;
    if (t.executionTimeout() != null) {
      BoundaryEvent timeout = w.timerBoundary(p, a, id + "_execution_timeout", "After " + WorkEmitter.human(t.executionTimeout()),
          t.executionTimeout().toString());
      IntermediateThrowEvent timedOut = w.mark(p, id + "_timed_out", "Execution timed out", src);
      w.output(timedOut, "=\"AirflowTaskTimeout\"", Vars.ERROR);
      w.output(timedOut, "=\"Timeout, PID: 0\"", Vars.CAUSE);
      w.flow(p, timeout, timedOut, null);
      if (softFail) {
        // soft_fail: AirflowTaskTimeout while poking becomes AirflowSkipException, with no retry.
        w.output(timedOut, "=\"skipped\"", state);
        ends.add(timedOut);
      } else {
        ExclusiveGateway either = w.xor(p, id + "_try_failed", null, src);
        w.flow(p, error, either, null);
        w.flow(p, timedOut, either, null);
        failure = either;
      }
    }
    if (t.retries() > 0) {
      ExclusiveGateway retry = w.xor(p, id + "_retry", "Retries left?", src);
      w.flow(p, failure, retry, null);
      IntermediateThrowEvent next = w.mark(p, id + "_up_for_retry", "Up for retry", src);
      w.output(next, "=" + tries + " + 1", tries);
      IntermediateCatchEvent delay;
      if (t.retryBackoff() == null) {
        w.flow(p, retry, next, "=" + tries + " <= " + t.retries()).setName("yes");
        w.defaultFlow(p, retry, failed).setName("no");
        delay = w.timer(p, id + "_retry_delay", "Wait " + WorkEmitter.human(t.retryDelay()), src, t.retryDelay().toString());
      } else {
        // Exponential back-off: a job computes Airflow's delay for the try that failed, before the count moves on.
        ServiceTask backoff = w.task(p, id + "_retry_backoff", t.retryBackoff().label(), src, t.retryBackoff());
        w.flow(p, retry, backoff, "=" + tries + " <= " + t.retries()).setName("yes");
        w.defaultFlow(p, retry, failed).setName("no");
        w.flow(p, backoff, next, null);
        delay = w.timer(p, id + "_retry_delay", "Wait the back-off", src, "=duration(" + Vars.retryDelay(id) + ")");
      }
      w.flow(p, next, delay, null);
      w.flow(p, delay, again, null);
    } else {
      w.flow(p, failure, failed, null);
    }
    var sensorTimeout = t.work().sensorTimeout();
    if (sensorTimeout != null) {
      // A sensor's timeout fails the task without retries (AirflowSensorTimeout).
      BoundaryEvent timeout = w.timerBoundary(p, a, id + "_sensor_timeout", "After " + WorkEmitter.human(sensorTimeout),
          sensorTimeout.toString());
      IntermediateThrowEvent timedOut = w.mark(p, id + "_sensor_timed_out", softFail ? "Sensor timed out: skipped" : "Sensor timed out", src);
      if (!softFail) {
        w.output(timedOut, "=\"AirflowSensorTimeout\"", Vars.ERROR);
        w.output(timedOut, "=\"Sensor has timed out; run duration of " + sensorTimeout.toSeconds()
            + " seconds is more than the specified timeout of " + sensorTimeout.toSeconds() + ".\"", Vars.CAUSE);
      }
      w.output(timedOut, softFail ? "=\"skipped\"" : "=\"failed\"", state);
      w.flow(p, timeout, timedOut, null);
      ends.add(timedOut);
    }
  }
}
