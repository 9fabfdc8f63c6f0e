package io.flowport.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeOutput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeProperty;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.flowport.catalog.Catalog;
import io.flowport.convert.Converters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The BPMN of a callback Task state: the contract apps publish flowport.task-token against. */
class CallbackBpmnTest {

  @TempDir
  Path tmp;

  BpmnModelInstance model(String task) throws Exception {
    Path file = Files.writeString(tmp.resolve("cb.asl.json"),
        "{\"StartAt\": \"Ask operator\", \"States\": {\"Ask operator\": " + task + ", \"Done\": {\"Type\": \"Succeed\"}}}");
    return new BpmnGenerator().generate(new Converters(Catalog.builtIn()).convert(file).get(0).workflow());
  }

  static final String TASK = "{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::sqs:sendMessage.waitForTaskToken\","
      + " \"Parameters\": {\"QueueUrl\": \"q\", \"MessageBody\": {\"token.$\": \"$$.Task.Token\"}}, \"TimeoutSeconds\": 600";

  @Test
  void tokenCallMessageCatchAndAnswerRunInOneSubprocessWithTheirOwnVariables() throws Exception {
    BpmnModelInstance m = model(TASK + ", \"Next\": \"Done\"}");
    SubProcess sp = m.getModelElementById("Ask_operator");
    assertThat(sp).isNotNull();
    assertThat(inputs(sp)).containsExactly("taskToken", "callback");
    List<FlowNode> nodes = List.copyOf(sp.getChildElementsByType(FlowNode.class));
    assertThat(path(m.getModelElementById("Ask_operator_start"))).containsExactly("Ask_operator_start", "Ask_operator_token",
        "Ask_operator_call", "Ask_operator_callback", "Ask_operator_answer", "Ask_operator_end");
    assertThat(nodes).hasSize(6);
    assertThat(nodes).allSatisfy(n -> assertThat(source(n)).as(n.getId()).isEqualTo("Ask operator"));
    assertThat(type(m.getModelElementById("Ask_operator_token"))).isEqualTo("flowport.asl.token");
    assertThat(type(m.getModelElementById("Ask_operator_call"))).isEqualTo("aws.sqs.sendMessage.waitForTaskToken");
    assertThat(type(m.getModelElementById("Ask_operator_answer"))).isEqualTo("flowport.asl.callback");

    IntermediateCatchEvent wait = m.getModelElementById("Ask_operator_callback");
    MessageEventDefinition def = (MessageEventDefinition) wait.getEventDefinitions().iterator().next();
    assertThat(def.getMessage().getName()).isEqualTo("flowport.task-token");
    assertThat(def.getMessage().getExtensionElements().getElementsQuery().filterByType(ZeebeSubscription.class)
        .singleResult().getCorrelationKey()).isEqualTo("=taskToken");
    // One output mapping: the message's own variables stay on the event.
    List<ZeebeOutput> outs = List.copyOf(wait.getExtensionElements().getElementsQuery()
        .filterByType(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping.class).singleResult().getOutputs());
    assertThat(outs).extracting(ZeebeOutput::getTarget).containsExactly("callback");
    assertThat(outs.get(0).getSource()).isEqualTo("={output: taskOutput, error: taskError, cause: taskCause}");
  }

  @Test
  void timeoutSecondsBoundsTheWholeCallbackAndRetryRunsItAgain() throws Exception {
    BpmnModelInstance m = model(TASK + ", \"Retry\": [{\"ErrorEquals\": [\"Busy\"]}], \"Next\": \"Done\"}");
    SubProcess attempt = m.getModelElementById("Ask_operator_attempt");
    assertThat(inputs(attempt)).containsExactly("taskToken", "callback");
    assertThat((Object) m.getModelElementById("Ask_operator_attempt_callback")).isInstanceOf(IntermediateCatchEvent.class);
    var timeout = (io.camunda.zeebe.model.bpmn.instance.BoundaryEvent) m.getModelElementById("Ask_operator_timeout");
    assertThat(timeout.getAttachedTo()).isSameAs(attempt);
    // The one message root element, shared by every callback of the process.
    assertThat(m.getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.Message.class)).hasSize(1);
  }

  /** The ids along the only sequence flow out of each node. */
  static List<String> path(FlowNode from) {
    List<String> ids = new java.util.ArrayList<>();
    for (FlowNode n = from; n != null; n = n.getOutgoing().isEmpty() ? null : n.getOutgoing().iterator().next().getTarget()) {
      assertThat(n.getOutgoing()).hasSizeLessThanOrEqualTo(1);
      ids.add(n.getId());
    }
    return ids;
  }

  static List<String> inputs(BaseElement e) {
    return e.getExtensionElements().getElementsQuery().filterByType(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping.class)
        .singleResult().getInputs().stream().map(ZeebeInput::getTarget).toList();
  }

  static String type(ServiceTask t) {
    return t.getExtensionElements().getElementsQuery().filterByType(ZeebeTaskDefinition.class).singleResult().getType();
  }

  static String source(BaseElement e) {
    if (e.getExtensionElements() == null) {
      return null;
    }
    return e.getExtensionElements().getElementsQuery().filterByType(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeProperties.class)
        .list().stream().flatMap(p -> p.getProperties().stream()).filter(p -> "source".equals(p.getName()))
        .map(ZeebeProperty::getValue).findFirst().orElse(null);
  }
}
