package io.flowport.picture;

import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Participant;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnPlane;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.di.DiagramElement;
import io.flowport.diag.BadInputException;
import io.flowport.diag.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every flow node and sequence flow of the diagram's process has a shape or edge: a picture that
 * silently leaves some out would mislead. The inside of a collapsed subprocess is drawn on a plane
 * of its own (Modeler's drill-down), so it is not asked for here.
 */
final class DiCheck {

  private final Map<BaseElement, BpmnShape> shapes = new HashMap<>();
  private final Set<BaseElement> edges = new HashSet<>();
  private final List<String> missing = new ArrayList<>();
  private int total;

  private DiCheck() {}

  static void complete(BpmnPlane plane, Path source) {
    DiCheck check = new DiCheck();
    for (DiagramElement d : plane.getDiagramElements()) {
      if (d instanceof BpmnShape s && s.getBounds() != null && s.getBpmnElement() != null) {
        check.shapes.put(s.getBpmnElement(), s);
      } else if (d instanceof BpmnEdge e && e.getWaypoints().size() >= 2 && e.getBpmnElement() != null) {
        check.edges.add(e.getBpmnElement());
      }
    }
    BaseElement root = plane.getBpmnElement();
    if (root instanceof Process || root instanceof SubProcess) {
      check.scope(root);
    } else if (root != null) {
      root.getChildElementsByType(Participant.class).stream().filter(p -> p.getProcess() != null)
          .forEach(p -> check.scope(p.getProcess()));
    }
    if (!check.missing.isEmpty()) {
      throw new BadInputException(SourceLocation.file(source), "cannot draw the diagram: " + check.missing.size() + " of "
          + check.total + " flow nodes and sequence flows have no shape or edge in the BPMN DI (first: '"
          + check.missing.get(0) + "')");
    }
  }

  private void scope(BaseElement scope) {
    for (FlowNode n : scope.getChildElementsByType(FlowNode.class)) {
      total++;
      BpmnShape shape = shapes.get(n);
      if (shape == null) {
        missing.add(n.getId());
      } else if (n instanceof SubProcess && shape.isExpanded()) {
        scope(n);
      }
    }
    for (SequenceFlow f : scope.getChildElementsByType(SequenceFlow.class)) {
      total++;
      if (!edges.contains(f)) {
        missing.add(f.getId());
      }
    }
  }
}
