package io.flowport.bpmn;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.IntermediateThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.flowport.contract.Vars;
import io.flowport.ir.Schedule;
import io.flowport.ir.StateGraph;
import io.flowport.ir.TaskDag;
import io.flowport.ir.Workflow;
import java.util.ArrayList;
import java.util.List;

/**
 * The back-end: one workflow IR in, one executable Camunda 8 process out, with DI.
 *
 * <p>Every run ends at a named end event: a Step Functions machine runs inside a "body" subprocess
 * whose catch-all error boundary records {@code error}/{@code cause} and ends at "Failed", so an
 * uncaught error never leaves an instance hanging on an incident.
 */
public final class BpmnGenerator {

  public BpmnModelInstance generate(Workflow workflow) {
    return generate(workflow, new io.flowport.report.Report());
  }

  /** The process with each element's source comment and the report's findings as its documentation. */
  public BpmnModelInstance generate(Workflow workflow, io.flowport.report.Report report) {
    BpmnModelInstance model = layout(workflow);
    ElementNotes.annotate(model, workflow.notes(), report);
    return model;
  }

  private BpmnModelInstance layout(Workflow workflow) {
    BpmnWriter w = new BpmnWriter();
    Process process = w.process(workflow.id(), workflow.name());
    w.documentation(process, workflow.description());
    FlowNode first = starts(w, process, workflow.triggers(), workflow.body() instanceof TaskDag);
    switch (workflow.body()) {
      case StateGraph graph -> stateMachine(w, process, first, workflow, graph);
      case TaskDag dag -> new TaskDagEmitter(w).emit(process, first, workflow, dag);
    }
    new DiLayout(w.model).apply(process);
    return w.model;
  }

  public String toXml(Workflow workflow) {
    return io.camunda.zeebe.model.bpmn.Bpmn.convertToString(generate(workflow));
  }

  public String toXml(Workflow workflow, io.flowport.report.Report report) {
    return io.camunda.zeebe.model.bpmn.Bpmn.convertToString(generate(workflow, report));
  }

  /**
   * A none start event (apps and `flowport run` start instances on demand) and a timer start
   * event per schedule; several starts meet in a merge gateway.
   */
  private static FlowNode starts(BpmnWriter w, Process process, List<Schedule> schedules, boolean dagRun) {
    StartEvent manual = w.start(process, "start", "Start", null);
    if (dagRun) {
      // A DAG run's logical date is fixed when it starts: the app's logical_date, else now.
      w.output(manual, "=if " + Vars.LOGICAL_DATE + " = null then now() else " + Vars.LOGICAL_DATE, Vars.LOGICAL_DATE);
    }
    if (schedules.isEmpty()) {
      return manual;
    }
    List<StartEvent> all = new ArrayList<>(List.of(manual));
    for (Schedule s : schedules) {
      StartEvent timer = w.timerStart(process, "schedule", s.description(), s.timeCycle());
      if (dagRun) {
        w.output(timer, "=now()", Vars.LOGICAL_DATE);
      }
      all.add(timer);
    }
    ExclusiveGateway merge = w.xor(process, "started", null, null);
    all.forEach(s -> w.flow(process, s, merge, null));
    return merge;
  }

  private static void stateMachine(BpmnWriter w, Process process, FlowNode first, Workflow workflow, StateGraph graph) {
    SubProcess body = w.subProcess(process, "machine", workflow.name(), null);
    // The execution input: what the app passed as `input`, {} when nothing was passed (as Step Functions).
    w.input(body, "=if " + Vars.INPUT + " = null then {} else " + Vars.INPUT, Vars.PAYLOAD);
    // Engine time, so $$.Execution.StartTime follows the run's clock; the workers format it.
    w.input(body, BpmnWriter.NOW, Vars.ASL_START_TIME);
    w.output(body, "=" + Vars.PAYLOAD, Vars.OUTPUT);
    StartEvent start = w.start(body, "machine_start", "Start", null);
    new StateGraphEmitter(w).emit(body, start, graph);
    w.flow(process, first, body, null);
    w.flow(process, body, w.end(process, "succeeded", "Succeeded", null), null);
    BoundaryEvent failed = failureBoundary(w, process, body);
    EndEvent failedEnd = w.end(process, "failed", "Failed", null);
    w.flow(process, failed, failedEnd, null);
    if (workflow.timeout() != null) {
      // The machine's TimeoutSeconds: outside the body, so no Catch inside sees it.
      BoundaryEvent timer = w.timerBoundary(process, body, "machine_timeout", "After " + WorkEmitter.human(workflow.timeout()),
          workflow.timeout().toString());
      IntermediateThrowEvent mark = w.mark(process, "timed_out", "Timed out", null);
      w.output(mark, "=\"States.Timeout\"", Vars.ERROR);
      w.output(mark, "=null", Vars.CAUSE);
      w.flow(process, timer, mark, null);
      w.flow(process, mark, w.end(process, "timed_out_end", "Timed out", null), null);
    }
  }

  /** Catches every BPMN error of the body and keeps its error name and cause at process level. */
  static BoundaryEvent failureBoundary(BpmnWriter w, BaseElement scope, SubProcess body) {
    BoundaryEvent b = w.errorBoundary(scope, body, body.getId() + "_error", "Error");
    w.output(b, "=" + Vars.ERROR, Vars.ERROR);
    w.output(b, "=" + Vars.CAUSE, Vars.CAUSE);
    return b;
  }
}
