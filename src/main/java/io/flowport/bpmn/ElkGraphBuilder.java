package io.flowport.bpmn;

import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Gateway;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
    for (FlowNode n : container.getChildElementsByType(FlowNode.class)) {
      if (!(n instanceof BoundaryEvent)) {
        node(graph, n);
      }
    }
    for (BoundaryEvent b : container.getChildElementsByType(BoundaryEvent.class)) {
      ElkPort port = ElkGraphUtil.createPort((ElkNode) shapes.get(b.getAttachedTo()));
      ElkSettings.boundaryPort(port);
      port.setIdentifier(b.getId());
      shapes.put(b, port);
      label(b, port);
    }
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

  private void node(ElkNode graph, FlowNode n) {
    ElkNode node = ElkGraphUtil.createNode(graph);
    node.setIdentifier(n.getId());
    shapes.put(n, node);
    if (n instanceof SubProcess sp) {
      ElkSettings.container(node, false);
      ElkSettings.subProcess(node);
      addChildren(node, sp);
      ports(n, node, null);
    } else if (n instanceof Activity) {
      ElkSettings.node(node, TASK_W, TASK_H, false);
      ports(n, node, null);
    } else {
      double size = n instanceof Gateway ? GATEWAY : ElkSettings.EVENT;
      ElkSettings.node(node, size, size, true);
      // Flows meet a circle or diamond at its left and right corners.
      ports(n, node, size);
      label(n, node);
    }
  }

  /** One port where flows come in and one where they leave; at fixed corners when size is given. */
  private void ports(FlowNode n, ElkNode node, Double size) {
    ElkPort i = ElkGraphUtil.createPort(node);
    ElkPort o = ElkGraphUtil.createPort(node);
    ElkSettings.flowPort(i, PortSide.WEST, 0, size == null ? 0 : size / 2);
    ElkSettings.flowPort(o, PortSide.EAST, size == null ? 0 : size, size == null ? 0 : size / 2);
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
