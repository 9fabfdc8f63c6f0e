package io.flowport.bpmn;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnDiagram;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnLabel;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnPlane;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.dc.Bounds;
import io.camunda.zeebe.model.bpmn.instance.di.Waypoint;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.elk.core.math.KVector;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkGraphElement;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.ElkPort;
import org.eclipse.elk.graph.ElkShape;

/**
 * Writes the laid-out ELK graph as BPMN DI: shapes, edges with their waypoints and label bounds,
 * in absolute whole-pixel coordinates, in document order (shapes of a scope, then its edges).
 */
final class DiWriter {

  /** Where the diagram starts on the canvas. */
  private static final double ORIGIN_X = 150;
  private static final double ORIGIN_Y = 80;

  private final BpmnModelInstance model;
  private final ElkGraphBuilder graph;

  DiWriter(BpmnModelInstance model, ElkGraphBuilder graph) {
    this.model = model;
    this.graph = graph;
  }

  void write(Process process) {
    BpmnDiagram diagram = model.newInstance(BpmnDiagram.class, "BPMNDiagram_1");
    BpmnPlane plane = model.newInstance(BpmnPlane.class, "BPMNPlane_1");
    plane.setBpmnElement(process);
    diagram.setBpmnPlane(plane);
    model.getDefinitions().addChildElement(diagram);
    writeScope(plane, process);
  }

  private void writeScope(BpmnPlane plane, BaseElement scope) {
    for (FlowNode n : scope.getChildElementsByType(FlowNode.class)) {
      shape(plane, n);
      if (n instanceof SubProcess sp) {
        writeScope(plane, sp);
      }
    }
    for (SequenceFlow f : scope.getChildElementsByType(SequenceFlow.class)) {
      edge(plane, f);
    }
  }

  private void shape(BpmnPlane plane, FlowNode n) {
    ElkShape s = graph.shapes.get(n);
    KVector at = absolute(s);
    BpmnShape shape = model.newInstance(BpmnShape.class, n.getId() + "_di");
    shape.setBpmnElement(n);
    shape.setBounds(box(at.x, at.y, s.getWidth(), s.getHeight()));
    if (n instanceof SubProcess) {
      shape.setExpanded(true);
    }
    if (n instanceof ExclusiveGateway) {
      shape.setMarkerVisible(true);
    }
    ElkLabel l = graph.labels.get(n);
    if (l != null) {
      shape.setBpmnLabel(label(n, l, at));
    }
    BpmnWriter.append(plane, shape);
  }

  private void edge(BpmnPlane plane, SequenceFlow f) {
    ElkEdge e = graph.edges.get(f);
    // Edge coordinates are relative to the node that contains the edge.
    KVector origin = absolute(e.getContainingNode());
    ElkEdgeSection section = e.getSections().get(0);
    List<KVector> points = new ArrayList<>();
    points.add(new KVector(section.getStartX(), section.getStartY()));
    section.getBendPoints().forEach(b -> points.add(new KVector(b.getX(), b.getY())));
    points.add(new KVector(section.getEndX(), section.getEndY()));
    BpmnEdge edge = model.newInstance(BpmnEdge.class, f.getId() + "_di");
    edge.setBpmnElement(f);
    for (KVector p : points) {
      Waypoint wp = model.newInstance(Waypoint.class);
      wp.setX(Math.round(origin.x + p.x));
      wp.setY(Math.round(origin.y + p.y));
      edge.getWaypoints().add(wp);
    }
    ElkLabel l = graph.labels.get(f);
    if (l != null) {
      edge.setBpmnLabel(label(f, l, origin));
    }
    BpmnWriter.append(plane, edge);
  }

  private BpmnLabel label(BaseElement owner, ElkLabel l, KVector origin) {
    BpmnLabel label = model.newInstance(BpmnLabel.class, owner.getAttributeValue("id") + "_label");
    label.setBounds(box(origin.x + l.getX(), origin.y + l.getY(), l.getWidth(), l.getHeight()));
    return label;
  }

  /** The top-left corner of a node or port on the canvas. */
  private static KVector absolute(ElkGraphElement e) {
    KVector at = new KVector(ORIGIN_X, ORIGIN_Y);
    for (ElkGraphElement x = e; x != null; x = x.eContainer() instanceof ElkGraphElement p ? p : null) {
      if (x instanceof ElkShape s && !(x instanceof ElkNode n && n.getParent() == null)) {
        at.add(s.getX(), s.getY());
      }
    }
    return at;
  }

  private Bounds box(double x, double y, double w, double h) {
    Bounds b = model.newInstance(Bounds.class);
    b.setX(Math.round(x));
    b.setY(Math.round(y));
    b.setWidth(Math.round(w));
    b.setHeight(Math.round(h));
    return b;
  }
}
