package io.flowport.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.flowport.catalog.Catalog;
import io.flowport.convert.Converters;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Fail or Succeed state reached from several places gets an end of its own per way in. */
class TerminalStatesTest {

  @TempDir
  Path tmp;

  @Test
  void eachWayIntoAFailStateEndsOnItsOwnWithTheSameSource() throws Exception {
    Path file = Files.writeString(tmp.resolve("two_ways.asl.json"), """
        {"StartAt": "Check", "States": {
          "Check": {"Type": "Choice", "Choices": [{"Variable": "$.a", "IsPresent": true, "Next": "Failed"}], "Default": "Pass"},
          "Pass": {"Type": "Pass", "Next": "Again?"},
          "Again?": {"Type": "Choice", "Choices": [{"Variable": "$.b", "IsPresent": true, "Next": "Failed"}], "Default": "Done"},
          "Done": {"Type": "Succeed"},
          "Failed": {"Type": "Fail", "Error": "Bad.Input"}}}""");
    BpmnModelInstance model = new BpmnGenerator().generate(new Converters(Catalog.builtIn()).convert(file).get(0).workflow());
    long failEnds = model.getModelElementsByType(EndEvent.class).stream()
        .filter(e -> "Failed".equals(source(e)) && !e.getEventDefinitions().isEmpty()).count();
    assertThat(failEnds).isEqualTo(2);
    // No join gateway in front of the Fail state: nothing flows back across the diagram.
    assertThat(model.getModelElementsByType(ExclusiveGateway.class)).noneMatch(g -> g.getId().startsWith("Failed"));
  }

  private static String source(FlowNode n) {
    var props = n.getExtensionElements() == null ? null
        : n.getExtensionElements().getElementsQuery().filterByType(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeProperties.class)
            .singleResult();
    return props == null ? null : props.getProperties().stream().filter(p -> "source".equals(p.getName()))
        .map(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeProperty::getValue).findFirst().orElse(null);
  }
}
