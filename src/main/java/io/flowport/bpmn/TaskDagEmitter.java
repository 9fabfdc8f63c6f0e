package io.flowport.bpmn;

import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.IntermediateThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.ParallelGateway;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.flowport.contract.Vars;
import io.flowport.ir.DagTask;
import io.flowport.ir.TaskDag;
import io.flowport.ir.Workflow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Emits an Airflow DAG. Every task is a block that always ends — in success, failed, skipped or
 * upstream_failed, kept in the variable {@code ti_<task>} — so downstream blocks can apply their
 * trigger rules and the run's state follows from the leaves, as in Airflow. Edges with several
 * upstreams meet in parallel joins, as Airflow waits for all upstreams to finish.
 */
final class TaskDagEmitter {

  private final BpmnWriter w;
  private final WorkEmitter work;

  TaskDagEmitter(BpmnWriter w) {
    this.w = w;
    this.work = new WorkEmitter(w);
  }

  void emit(Process process, FlowNode first, Workflow workflow, TaskDag dag) {
    Map<String, FlowNode[]> blocks = new HashMap<>();
    for (DagTask t : dag.tasks()) {
      blocks.put(t.taskId(), block(process, t, dag.upstream(t.taskId())));
    }
    // Where each task's flows arrive (a join when several) and leave (a fork when several).
    Map<String, FlowNode> in = new HashMap<>();
    Map<String, FlowNode> out = new HashMap<>();
    for (DagTask t : dag.tasks()) {
      FlowNode[] b = blocks.get(t.taskId());
      int ups = dag.upstream(t.taskId()).size();
      if (ups > 1) {
        ParallelGateway join = w.and(process, b[0].getId() + "_upstream", t.taskId());
        w.flow(process, join, b[0], null);
        in.put(t.taskId(), join);
      } else {
        in.put(t.taskId(), b[0]);
      }
      int downs = dag.downstream(t.taskId()).size();
      if (downs > 1) {
        ParallelGateway fork = w.and(process, b[1].getId() + "_downstream", t.taskId());
        w.flow(process, b[1], fork, null);
        out.put(t.taskId(), fork);
      } else {
        out.put(t.taskId(), b[1]);
      }
    }
    List<DagTask> roots = dag.tasks().stream().filter(t -> dag.upstream(t.taskId()).isEmpty()).toList();
    List<DagTask> leaves = dag.tasks().stream().filter(t -> dag.downstream(t.taskId()).isEmpty()).toList();
    FlowNode from = first;
    if (roots.size() > 1) {
      ParallelGateway fork = w.and(process, "roots", null);
      w.flow(process, first, fork, null);
      from = fork;
    }
    for (DagTask r : roots) {
      w.flow(process, from, in.get(r.taskId()), null);
    }
    for (TaskDag.Edge e : dag.edges()) {
      w.flow(process, out.get(e.upstream()), in.get(e.downstream()), null);
    }
    FlowNode last;
    if (leaves.size() > 1) {
      last = w.and(process, "leaves", null);
      for (DagTask l : leaves) {
        w.flow(process, out.get(l.taskId()), last, null);
      }
    } else {
      last = out.get(leaves.get(0).taskId());
    }
    runState(process, last, leaves);
  }

  /** Airflow marks a run failed when any leaf task failed or is upstream_failed. */
  private void runState(Process process, FlowNode last, List<DagTask> leaves) {
    ExclusiveGateway state = w.xor(process, "run_state", "Run state?", null);
    w.flow(process, last, state, null);
    String states = "[" + String.join(", ", leaves.stream().map(t -> Vars.taskState(t.taskId())).toList()) + "]";
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
  private FlowNode[] block(Process p, DagTask t, List<String> upstream) {
    String id = t.taskId();
    String src = t.taskId();
    String state = Vars.taskState(t.taskId());
    String tries = Vars.tryNumber(t.taskId());
    List<FlowNode> ends = new ArrayList<>();
    FlowNode entry;
    IntermediateThrowEvent queued = w.mark(p, id + "_queued", t.label(), src);
    w.output(queued, "=1", tries);
    TriggerRuleFeel feel = TriggerRuleFeel.of(t.triggerRule(), upstream.stream().map(Vars::taskState).toList());
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
    IntermediateThrowEvent success = w.mark(p, id + "_success", "Succeeded", src);
    w.output(success, "=\"success\"", state);
    ends.add(success);
    if (t.work() == null) {
      w.flow(p, queued, success, null);
    } else {
      attempt(p, t, queued, success, ends);
    }
    ExclusiveGateway done = w.xor(p, id + "_ended", null, src);
    ends.forEach(e -> w.flow(p, e, done, null));
    return new FlowNode[] {entry, done};
  }

  private void attempt(Process p, DagTask t, FlowNode queued, FlowNode success, List<FlowNode> ends) {
    String id = t.taskId();
    String src = t.taskId();
    String state = Vars.taskState(t.taskId());
    String tries = Vars.tryNumber(t.taskId());
    ExclusiveGateway again = w.xor(p, id + "_try", null, src);
    w.flow(p, queued, again, null);
    Activity a = work.emit(p, id, src, t.work());
    w.flow(p, again, a, null);
    w.flow(p, a, success, null);

    IntermediateThrowEvent failed = w.mark(p, id + "_failed", "Failed", src);
    w.output(failed, "=\"failed\"", state);
    ends.add(failed);

    BoundaryEvent error = w.errorBoundary(p, a, id + "_error", "Error");
    w.output(error, "=" + Vars.ERROR, Vars.ERROR);
    w.output(error, "=" + Vars.CAUSE, Vars.CAUSE);
    FlowNode failure = error;
    if (t.executionTimeout() != null) {
      BoundaryEvent timeout = w.timerBoundary(p, a, id + "_execution_timeout", "After " + WorkEmitter.human(t.executionTimeout()),
          t.executionTimeout().toString());
      IntermediateThrowEvent timedOut = w.mark(p, id + "_timed_out", "Execution timed out", src);
      w.output(timedOut, "=\"AirflowTaskTimeout\"", Vars.ERROR);
      w.output(timedOut, "=\"Timeout, PID: 0\"", Vars.CAUSE);
      w.flow(p, timeout, timedOut, null);
      ExclusiveGateway either = w.xor(p, id + "_try_failed", null, src);
      w.flow(p, error, either, null);
      w.flow(p, timedOut, either, null);
      failure = either;
    }
    if (t.retries() > 0) {
      ExclusiveGateway retry = w.xor(p, id + "_retry", "Retries left?", src);
      w.flow(p, failure, retry, null);
      IntermediateThrowEvent next = w.mark(p, id + "_up_for_retry", "Up for retry", src);
      w.output(next, "=" + tries + " + 1", tries);
      w.flow(p, retry, next, "=" + tries + " <= " + t.retries()).setName("yes");
      w.defaultFlow(p, retry, failed).setName("no");
      var delay = w.timer(p, id + "_retry_delay", "Wait " + WorkEmitter.human(t.retryDelay()), src, t.retryDelay().toString());
      w.flow(p, next, delay, null);
      w.flow(p, delay, again, null);
    } else {
      w.flow(p, failure, failed, null);
    }
    var sensorTimeout = t.work().waitLoop() == null ? null : t.work().waitLoop().timeout();
    if (sensorTimeout != null) {
      // A sensor's timeout fails the task without retries (AirflowSensorTimeout).
      BoundaryEvent timeout = w.timerBoundary(p, a, id + "_sensor_timeout", "After " + WorkEmitter.human(sensorTimeout),
          sensorTimeout.toString());
      IntermediateThrowEvent timedOut = w.mark(p, id + "_sensor_timed_out", "Sensor timed out", src);
      w.output(timedOut, "=\"AirflowSensorTimeout\"", Vars.ERROR);
      w.output(timedOut, "=\"Sensor has timed out; run duration of " + sensorTimeout.toSeconds()
          + " seconds is more than the specified timeout of " + sensorTimeout.toSeconds() + ".\"", Vars.CAUSE);
      w.output(timedOut, "=\"failed\"", state);
      w.flow(p, timeout, timedOut, null);
      ends.add(timedOut);
    }
  }
}
