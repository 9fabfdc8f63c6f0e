package io.flowport.embedded;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeProperty;
import io.flowport.ir.Names;
import java.util.HashMap;
import java.util.Map;

/**
 * What the run prints about a BPMN element: its name and the source state or task it belongs to
 * (its own {@code zeebe:property source}, or its enclosing element's).
 *
 * @param primary whether the element stands for the source state itself (its id is the state's
 *     id, or it is a further end of a Succeed/Fail state: {@code copy-of}), which is what the trace lists
 */
record ElementInfo(String id, String name, String source, boolean primary) {

  static Map<String, ElementInfo> of(BpmnModelInstance model) {
    Map<String, ElementInfo> out = new HashMap<>();
    for (FlowNode n : io.flowport.bpmn.FlowNodes.of(model)) {
      String source = source(n);
      boolean primary = source != null && ownSource(n) != null
          && (n.getId().equals(Names.ncName(source)) || own(n, "copy-of") != null);
      out.put(n.getId(), new ElementInfo(n.getId(), n.getName(), source, primary));
    }
    return out;
  }

  private static String source(BaseElement e) {
    for (var x = e; x != null; x = x.getParentElement() instanceof BaseElement p ? p : null) {
      String s = ownSource(x);
      if (s != null) {
        return s;
      }
    }
    return null;
  }

  private static String ownSource(BaseElement e) {
    return own(e, "source");
  }

  private static String own(BaseElement e, String property) {
    if (e.getExtensionElements() == null) {
      return null;
    }
    return e.getExtensionElements().getElementsQuery().filterByType(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeProperties.class)
        .list().stream().flatMap(p -> p.getProperties().stream())
        .filter(p -> property.equals(p.getName())).map(ZeebeProperty::getValue).findFirst().orElse(null);
  }
}
