package io.flowport.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.TimeDuration;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import io.flowport.runtime.Mocks;
import io.flowport.simulator.SimulatorConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A generated diagram edited as a person in Camunda Modeler would: a shape moved, a task renamed,
 * a timer changed, and a new EMR task made from flowport's DescribeCluster element template; the
 * edited process deploys and runs against the simulator.
 */
@ZeebeProcessTest
class ModelerRoundTripTest {

  private ZeebeTestEngine engine;

  @Test
  void anEditedDiagramWithATaskFromATemplateRunsToSuccess() throws Exception {
    BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("bpmn/emr_job_fixed.bpmn").toFile());

    BpmnShape shape = model.getModelElementsByType(BpmnShape.class).stream()
        .filter(s -> s.getBpmnElement().getId().equals("StartEMRJob_call")).findFirst().orElseThrow();
    shape.getBounds().setX(shape.getBounds().getX() + 40);
    shape.getBounds().setY(shape.getBounds().getY() + 15);
    model.<ServiceTask>getModelElementById("StartEMRJob_call").setName("Start the nightly cluster");
    model.<TimeDuration>getModelElementById("WaitBeforeNextCheck_duration").setTextContent("PT2M");

    // What applying the template to a new task between the machine and its end writes.
    Process process = model.getModelElementsByType(Process.class).iterator().next();
    SubProcess machine = model.getModelElementById("machine");
    EndEvent succeeded = model.getModelElementById("succeeded");
    SequenceFlow old = machine.getOutgoing().stream().filter(f -> f.getTarget() == succeeded).findFirst().orElseThrow();
    process.removeChildElement(old);
    model.getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge.class).stream()
        .filter(e -> e.getBpmnElement() == null || e.getBpmnElement() == old).toList()
        .forEach(e -> e.getParentElement().removeChildElement(e));
    ServiceTask check = model.newInstance(ServiceTask.class);
    check.setId("CheckClusterAfterwards");
    check.setName("Check the cluster afterwards");
    check.setAttributeValueNs("http://camunda.org/schema/zeebe/1.0", "modelerTemplate", "flowport.emr.DescribeCluster");
    check.setAttributeValueNs("http://camunda.org/schema/zeebe/1.0", "modelerTemplateVersion", "1");
    process.addChildElement(check);
    check.builder()
        .zeebeJobType("flowport.emr.DescribeCluster")
        .zeebeTaskHeader("dialect", "template")
        .zeebeTaskHeader("resultVariable", "finalCluster")
        .zeebeInputExpression("output.ClusterId", "request.ClusterId");
    connect(model, process, machine, check);
    connect(model, process, check, succeeded);
    Bpmn.validateModel(model);

    try (Harness h = new Harness(engine, SimulatorConfig.defaults(), Mocks.NONE)) {
      h.runtime.client().newDeployResourceCommand().addResourceStringUtf8(Bpmn.convertToString(model), "edited.bpmn").send().join();
      long instance = h.runtime.client().newCreateInstanceCommand().bpmnProcessId("emr_job_fixed").latestVersion()
          .variables(Map.of()).send().join().getProcessInstanceKey();
      h.runToEnd(instance, Duration.ofSeconds(20), Duration.ofHours(2));
      Map<String, JsonNode> vars = h.variables(instance);
      List<String> completed = h.completed(instance);
      assertThat(completed).contains("StartEMRJob_call", "WaitBeforeNextCheck", "CheckClusterAfterwards", "succeeded");
      String cluster = vars.get("output").path("ClusterId").asText();
      assertThat(cluster).startsWith("j-");
      assertThat(vars.get("finalCluster").path("Cluster").path("Id").asText()).isEqualTo(cluster);
      assertThat(vars.get("finalCluster").path("Cluster").path("Status").path("State").asText()).startsWith("TERMINAT");
      // The edited timer: every wait of the loop is now two minutes.
      List<Long> waits = h.records().stream()
          .filter(r -> r.getIntent() == io.camunda.zeebe.protocol.record.intent.TimerIntent.CREATED
              && r.getValue() instanceof io.camunda.zeebe.protocol.record.value.TimerRecordValue t
              && t.getProcessInstanceKey() == instance && t.getTargetElementId().equals("WaitBeforeNextCheck"))
          .map(r -> ((io.camunda.zeebe.protocol.record.value.TimerRecordValue) r.getValue()).getDueDate() - r.getTimestamp())
          .toList();
      assertThat(waits).isNotEmpty().allSatisfy(ms -> assertThat(ms).isEqualTo(Duration.ofMinutes(2).toMillis()));
    }
  }

  private static void connect(BpmnModelInstance model, Process process, FlowNode from, FlowNode to) {
    SequenceFlow f = model.newInstance(SequenceFlow.class);
    f.setId(from.getId() + "_to_" + to.getId());
    process.addChildElement(f);
    f.setSource(from);
    f.setTarget(to);
    from.getOutgoing().add(f);
    to.getIncoming().add(f);
  }
}
