package io.flowport.bpmn;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.Documentation;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeProperty;
import io.flowport.report.Finding;
import io.flowport.report.Report;
import io.flowport.report.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts each state's or task's own comment, and the conversion report's warnings, review notes
 * and to-dos, into the diagram as the documentation of the element each concerns (the outermost activity of that state or task), like
 * the Camunda 7 to 8 converter does: Modeler shows them where the user edits.
 */
final class ElementNotes {

  static void annotate(BpmnModelInstance model, Map<String, String> comments, Report report) {
    Map<String, FlowNode> outermost = new LinkedHashMap<>();
    for (FlowNode node : FlowNodes.of(model)) {
      String source = property(node, BpmnWriter.SOURCE_PROPERTY);
      if (source == null || property(node, BpmnWriter.COPY_OF_PROPERTY) != null) {
        continue;
      }
      // The state's activity (its subprocess when it has one, which comes first), else its first node.
      FlowNode known = outermost.get(source);
      if (known == null || (node instanceof Activity && !(known instanceof Activity))) {
        outermost.put(source, node);
      }
    }
    Map<FlowNode, List<String>> notes = new LinkedHashMap<>();
    // The source's own comment first, then what the conversion found.
    comments.forEach((source, text) -> {
      FlowNode node = outermost.get(source);
      if (node != null) {
        notes.computeIfAbsent(node, n -> new ArrayList<>()).add(text);
      }
    });
    for (Finding f : report.findings()) {
      FlowNode node = f.element() == null ? null : outermost.get(f.element());
      if (node != null && f.code().severity() != Severity.INFO) {
        notes.computeIfAbsent(node, n -> new ArrayList<>()).add(f.code().id() + " " + f.code().severity().name().toLowerCase()
            + ": " + f.text() + (f.fix() == null ? "" : " Fix: " + f.fix()));
      }
    }
    notes.forEach((node, lines) -> {
      Documentation d = model.newInstance(Documentation.class);
      d.setAttributeValue("id", node.getId() + "_notes", true);
      d.setTextContent(String.join("\n", lines));
      node.getDomElement().insertChildElementAfter(d.getDomElement(), null);
    });
  }

  private static String property(FlowNode node, String name) {
    return node.getChildElementsByType(io.camunda.zeebe.model.bpmn.instance.ExtensionElements.class).stream()
        .flatMap(e -> e.getChildElementsByType(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeProperties.class).stream())
        .flatMap(p -> p.getProperties().stream())
        .filter(p -> name.equals(p.getName())).map(ZeebeProperty::getValue).findFirst().orElse(null);
  }

  private ElementNotes() {}
}
