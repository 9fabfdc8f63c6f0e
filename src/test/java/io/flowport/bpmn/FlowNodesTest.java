package io.flowport.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** FlowNodes finds exactly the flow nodes the model API does, in every diagram the layout tests check. */
class FlowNodesTest {

  @Test
  void sameNodesAsTheModelApiAndEachOnce() throws Exception {
    for (Map.Entry<String, String> e : LayoutSources.convertAll().entrySet()) {
      BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(e.getValue().getBytes(StandardCharsets.UTF_8)));
      assertThat(FlowNodes.of(model)).as(e.getKey()).doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(model.getModelElementsByType(FlowNode.class));
    }
  }
}
