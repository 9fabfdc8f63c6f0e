package io.flowport.bpmn;

import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Gateway;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.core.options.PortSide;
import org.eclipse.elk.graph.ElkConnectableShape;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkGraphElement;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.ElkPort;
import org.eclipse.elk.graph.ElkShape;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * The ELK graph of a process: one node per flow node (an expanded subprocess holds its children),
 * a port on the host's lower border per boundary event, one edge per sequence flow, and labels
 * sized as bpmn-js draws them. Elements are added in document order, which keeps ELK's result
 * stable.
 */
final class ElkGraphBuilder {

  static final double TASK_W = 100;
  static final double TASK_H = 80;
  static final double GATEWAY = 50;
  private static final double BOUNDARY_GAP = 10;

  final ElkNode root = ElkGraphUtil.createGraph();
  /** The ELK shape of each flow node: a node, or a port for a boundary event. */
  final Map<FlowNode, ElkShape> shapes = new LinkedHashMap<>();
  final Map<SequenceFlow, ElkEdge> edges = new LinkedHashMap<>();
  /** The external label of an event, gateway or named sequence flow. */
  final Map<BaseElement, ElkLabel> labels = new HashMap<>();
  private final Map<FlowNode, ElkPort> in = new HashMap<>();
  private final Map<FlowNode, ElkPort> out = new HashMap<>();

  ElkGraphBuilder(BaseElement process) {
    ElkSettings.container(root, true);
    addChildren(root, process);
  }

  private void addChildren(ElkNode graph, BaseElement container) {
    Map<FlowNode, List<BoundaryEvent>> attached = new LinkedHashMap<>();
    for (BoundaryEvent b : container.getChildElementsByType(BoundaryEvent.class)) {
      attached.computeIfAbsent(b.getAttachedTo(), h -> new ArrayList<>()).add(b);
    }
    for (FlowNode n : container.getChildElementsByType(FlowNode.class)) {
      if (!(n instanceof BoundaryEvent)) {
        node(graph, n, attached.getOrDefault(n, List.of()));
      }
    }
    attached.forEach((host, events) -> {
      for (int i = 0; i < events.size(); i++) {
        boundary((ElkNode) shapes.get(host), events.get(i), host instanceof SubProcess ? -1 : i, events);
      }
    });
    for (SequenceFlow f : container.getChildElementsByType(SequenceFlow.class)) {
      ElkConnectableShape source = f.getSource() instanceof BoundaryEvent b ? (ElkPort) shapes.get(b) : out.get(f.getSource());
      ElkEdge e = ElkGraphUtil.createSimpleEdge(source, in.get(f.getTarget()));
      e.setIdentifier(f.getId());
      edges.put(f, e);
      ElkLabel l = label(f, e);
      if (l != null) {
        ElkSettings.edgeLabel(l);
      }
    }
  }

  private void node(ElkNode graph, FlowNode n, List<BoundaryEvent> boundaries) {
    ElkNode node = ElkGraphUtil.createNode(graph);
    node.setIdentifier(n.getId());
    shapes.put(n, node);
    if (n instanceof SubProcess sp) {
      ElkSettings.container(node, false);
      ElkSettings.subProcess(node, boundaryGap(boundaries));
      addChildren(node, sp);
      ports(n, node, null);
    } else if (n instanceof Activity) {
      // Wide enough for its boundary events side by side.
      int count = boundaries.size();
      double w = Math.max(TASK_W, count * ElkSettings.EVENT + (count - 1) * boundaryGap(boundaries) + 2 * BOUNDARY_GAP);
      ElkSettings.node(node, w, TASK_H);
      ports(n, node, new double[] {w, TASK_H});
    } else {
      double size = n instanceof Gateway ? GATEWAY : ElkSettings.EVENT;
      ElkSettings.node(node, size, size);
      ports(n, node, new double[] {size, size});
      label(n, node);
    }
  }

  /**
   * The space between a host's boundary events. ELK puts the labels of two beside their outer
   * sides, but from three on all to the right, below the next event: there, the gap must hold the
   * label, or the next event's flow runs through it.
   */
  private static double boundaryGap(List<BoundaryEvent> events) {
    double gap = BOUNDARY_GAP;
    for (int i = 0; events.size() > 2 && i < events.size() - 1; i++) {
      String name = events.get(i).getName();
      gap = Math.max(gap, name == null || name.isBlank() ? 0 : LabelText.size(name)[0] + 8);
    }
    return gap;
  }

  /**
   * A boundary event as a port straddling its host's lower border. On a task, the {@code index}-th
   * of {@code events} is placed here, the group centred; on a subprocess, whose size ELK finds, ELK
   * places it ({@code index} -1).
   */
  private void boundary(ElkNode host, BoundaryEvent b, int index, List<BoundaryEvent> events) {
    ElkPort port = ElkGraphUtil.createPort(host);
    port.setIdentifier(b.getId());
    ElkSettings.boundaryPort(port);
    if (index >= 0) {
      double gap = boundaryGap(events);
      double group = events.size() * ElkSettings.EVENT + (events.size() - 1) * gap;
      double x = (host.getWidth() - group) / 2 + index * (ElkSettings.EVENT + gap);
      port.setLocation(x, host.getHeight() - ElkSettings.EVENT / 2);
    }
    shapes.put(b, port);
    label(b, port);
  }

  /**
   * One port where flows come in and one where they leave, in the middle of the left and right
   * sides (a circle's or diamond's corners) when the size is known; ELK places them otherwise.
   */
  private void ports(FlowNode n, ElkNode node, double[] size) {
    ElkPort i = ElkGraphUtil.createPort(node);
    ElkPort o = ElkGraphUtil.createPort(node);
    double w = size == null ? 0 : size[0];
    double y = size == null ? 0 : size[1] / 2;
    ElkSettings.flowPort(i, PortSide.WEST, 0, y);
    ElkSettings.flowPort(o, PortSide.EAST, w, y);
    in.put(n, i);
    out.put(n, o);
  }

  private ElkLabel label(BaseElement element, ElkGraphElement owner) {
    String name = element.getAttributeValue("name");
    if (name == null || name.isBlank()) {
      return null;
    }
    ElkLabel l = ElkGraphUtil.createLabel(name, owner);
    double[] size = LabelText.size(name);
    l.setDimensions(size[0], size[1]);
    labels.put(element, l);
    return l;
  }
}
