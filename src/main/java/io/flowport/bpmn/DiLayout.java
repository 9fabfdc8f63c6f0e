package io.flowport.bpmn;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.Event;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Gateway;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Diagram interchange for a generated process: a left-to-right layered layout, computed per
 * container (process, then each expanded subprocess inside out), with boundary events on their
 * host's lower border and loops drawn back underneath. Deterministic: the same model always gets
 * the same coordinates.
 */
final class DiLayout {

  private static final int GAP_X = 50;
  private static final int GAP_Y = 70;
  private static final int PAD_X = 30;
  private static final int PAD_TOP = 40;
  private static final int PAD_BOTTOM = 30;
  private static final int LOOP_LANE = 25;

  private final BpmnModelInstance model;
  private final Map<FlowNode, int[]> bounds = new HashMap<>();
  private final Map<BaseElement, Layered> layouts = new HashMap<>();

  DiLayout(BpmnModelInstance model) {
    this.model = model;
  }

  void apply(Process process) {
    Layered root = measure(process);
    place(process, root, 160, 80);
    write(process);
  }

  /** The layout of one container's direct children, relative to its top-left corner. */
  private static final class Layered {
    final Map<FlowNode, int[]> rel = new LinkedHashMap<>();
    final Set<SequenceFlow> backEdges = new HashSet<>();
    int width;
    int height;
    int loopBase;
  }

  private int[] size(FlowNode n) {
    if (n instanceof SubProcess sp) {
      Layered l = layouts.get(sp);
      return new int[] {l.width, l.height};
    }
    if (n instanceof Activity) {
      return new int[] {100, 80};
    }
    if (n instanceof Gateway) {
      return new int[] {50, 50};
    }
    return new int[] {36, 36};
  }

  private Layered measure(BaseElement container) {
    List<FlowNode> nodes = new ArrayList<>();
    for (FlowNode n : container.getChildElementsByType(FlowNode.class)) {
      if (n instanceof SubProcess sp) {
        measure(sp);
      }
      if (!(n instanceof BoundaryEvent)) {
        nodes.add(n);
      }
    }
    Layered l = new Layered();
    layouts.put(container, l);
    Map<FlowNode, List<FlowNode>> succ = new LinkedHashMap<>();
    for (FlowNode n : nodes) {
      succ.put(n, new ArrayList<>());
    }
    for (FlowNode n : nodes) {
      for (SequenceFlow f : n.getOutgoing()) {
        succ.get(n).add(f.getTarget());
      }
      for (BoundaryEvent b : boundaries(container, n)) {
        for (SequenceFlow f : b.getOutgoing()) {
          succ.get(n).add(f.getTarget());
        }
      }
    }
    // Depth-first from the sources marks the edges that close loops.
    Set<FlowNode> done = new HashSet<>();
    Set<FlowNode> onStack = new HashSet<>();
    Set<List<FlowNode>> back = new HashSet<>();
    List<FlowNode> order = new ArrayList<>();
    for (FlowNode n : nodes) {
      if (n.getIncoming().isEmpty()) {
        dfs(n, succ, done, onStack, back, order);
      }
    }
    for (FlowNode n : nodes) {
      dfs(n, succ, done, onStack, back, order);
    }
    Map<FlowNode, Integer> layer = new HashMap<>();
    for (int i = order.size() - 1; i >= 0; i--) {
      FlowNode n = order.get(i);
      layer.putIfAbsent(n, 0);
      for (FlowNode s : succ.get(n)) {
        if (!back.contains(List.of(n, s))) {
          layer.merge(s, layer.get(n) + 1, Math::max);
        }
      }
    }
    // Rows: a node takes its first predecessor's row when free, else the next free row below.
    List<FlowNode> byLayer = new ArrayList<>(order);
    java.util.Collections.reverse(byLayer);
    byLayer.sort(java.util.Comparator.comparingInt(layer::get));
    Map<FlowNode, Integer> row = new HashMap<>();
    Map<Integer, Set<Integer>> taken = new HashMap<>();
    for (FlowNode n : byLayer) {
      int preferred = 0;
      for (FlowNode p : byLayer) {
        if (row.containsKey(p) && succ.get(p).contains(n) && !back.contains(List.of(p, n))) {
          boolean viaBoundary = p.getOutgoing().stream().noneMatch(f -> f.getTarget() == n);
          preferred = row.get(p) + (viaBoundary ? 1 : 0);
          break;
        }
      }
      Set<Integer> used = taken.computeIfAbsent(layer.get(n), k -> new HashSet<>());
      int r = preferred;
      while (used.contains(r)) {
        r++;
      }
      used.add(r);
      row.put(n, r);
    }
    int layers = layer.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
    int rows = row.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
    int[] layerW = new int[layers];
    int[] rowH = new int[rows];
    for (FlowNode n : nodes) {
      int[] s = size(n);
      layerW[layer.get(n)] = Math.max(layerW[layer.get(n)], s[0]);
      rowH[row.get(n)] = Math.max(rowH[row.get(n)], s[1]);
    }
    int[] layerX = new int[layers];
    int x = PAD_X;
    for (int i = 0; i < layers; i++) {
      layerX[i] = x;
      x += layerW[i] + GAP_X;
    }
    int[] rowY = new int[rows];
    int y = PAD_TOP;
    for (int i = 0; i < rows; i++) {
      rowY[i] = y;
      y += rowH[i] + GAP_Y;
    }
    for (FlowNode n : nodes) {
      int[] s = size(n);
      int li = layer.get(n);
      int ri = row.get(n);
      l.rel.put(n, new int[] {layerX[li] + (layerW[li] - s[0]) / 2, rowY[ri] + (rowH[ri] - s[1]) / 2, s[0], s[1]});
    }
    for (FlowNode n : nodes) {
      for (SequenceFlow f : n.getOutgoing()) {
        if (back.contains(List.of(n, f.getTarget()))) {
          l.backEdges.add(f);
        }
      }
    }
    l.width = x - GAP_X + PAD_X;
    l.loopBase = y - GAP_Y + 20;
    l.height = l.loopBase + l.backEdges.size() * LOOP_LANE + PAD_BOTTOM;
    return l;
  }

  private static void dfs(FlowNode n, Map<FlowNode, List<FlowNode>> succ, Set<FlowNode> done, Set<FlowNode> onStack,
      Set<List<FlowNode>> back, List<FlowNode> order) {
    if (done.contains(n) || !succ.containsKey(n)) {
      return;
    }
    done.add(n);
    onStack.add(n);
    for (FlowNode s : succ.get(n)) {
      if (onStack.contains(s)) {
        back.add(List.of(n, s));
      } else {
        dfs(s, succ, done, onStack, back, order);
      }
    }
    onStack.remove(n);
    order.add(n);
  }

  private static List<BoundaryEvent> boundaries(BaseElement container, FlowNode host) {
    return container.getChildElementsByType(BoundaryEvent.class).stream().filter(b -> b.getAttachedTo() == host).toList();
  }

  private void place(BaseElement container, Layered l, int ox, int oy) {
    for (var e : l.rel.entrySet()) {
      int[] r = e.getValue();
      int[] abs = {ox + r[0], oy + r[1], r[2], r[3]};
      bounds.put(e.getKey(), abs);
      if (e.getKey() instanceof SubProcess sp) {
        place(sp, layouts.get(sp), abs[0], abs[1]);
      }
      List<BoundaryEvent> bs = boundaries(container, e.getKey());
      for (int i = 0; i < bs.size(); i++) {
        bounds.put(bs.get(i), new int[] {abs[0] + abs[2] - 56 - i * 56, abs[1] + abs[3] - 18, 36, 36});
      }
    }
  }

  private void write(Process process) {
    BpmnDiagram diagram = model.newInstance(BpmnDiagram.class);
    diagram.setId("BPMNDiagram_1");
    BpmnPlane plane = model.newInstance(BpmnPlane.class);
    plane.setId("BPMNPlane_1");
    plane.setBpmnElement(process);
    diagram.setBpmnPlane(plane);
    model.getDefinitions().addChildElement(diagram);
    writeContainer(plane, process);
  }

  private void writeContainer(BpmnPlane plane, BaseElement container) {
    Layered l = layouts.get(container);
    for (FlowNode n : container.getChildElementsByType(FlowNode.class)) {
      shape(plane, n);
      if (n instanceof SubProcess sp) {
        writeContainer(plane, sp);
      }
    }
    int lane = 0;
    for (SequenceFlow f : container.getChildElementsByType(SequenceFlow.class)) {
      edge(plane, f, l.backEdges.contains(f) ? l : null, lane);
      if (l.backEdges.contains(f)) {
        lane++;
      }
    }
  }

  private void shape(BpmnPlane plane, FlowNode n) {
    int[] b = bounds.get(n);
    BpmnShape shape = model.newInstance(BpmnShape.class);
    shape.setId(n.getId() + "_di");
    shape.setBpmnElement(n);
    shape.setBounds(box(b[0], b[1], b[2], b[3]));
    if (n instanceof SubProcess) {
      shape.setExpanded(true);
    }
    if (n instanceof ExclusiveGateway) {
      shape.setMarkerVisible(true);
    }
    if ((n instanceof Event || n instanceof Gateway) && n.getName() != null && !n.getName().isEmpty()) {
      BpmnLabel label = model.newInstance(BpmnLabel.class);
      label.setId(n.getId() + "_label");
      int w = Math.max(b[2] + 40, Math.min(160, n.getName().length() * 7));
      int lines = Math.max(1, (n.getName().length() * 7 + w - 1) / w);
      label.setBounds(box(b[0] + b[2] / 2 - w / 2, b[1] + b[3] + 6, w, 14 * lines));
      shape.setBpmnLabel(label);
    }
    plane.addChildElement(shape);
  }

  private void edge(BpmnPlane plane, SequenceFlow f, Layered loopOwner, int lane) {
    int[] s = bounds.get(f.getSource());
    int[] t = bounds.get(f.getTarget());
    List<int[]> points = new ArrayList<>();
    if (loopOwner != null) {
      int sx = s[0] + s[2] / 2;
      int tx = t[0] + t[2] / 2;
      int yb = parentTop(f) + loopOwner.loopBase + lane * LOOP_LANE;
      points.add(new int[] {sx, s[1] + s[3]});
      points.add(new int[] {sx, yb});
      points.add(new int[] {tx, yb});
      points.add(new int[] {tx, t[1] + t[3]});
    } else if (f.getSource() instanceof BoundaryEvent || f.getSource() instanceof Gateway && t[1] + t[3] / 2 != s[1] + s[3] / 2) {
      int sx = s[0] + s[2] / 2;
      int ty = t[1] + t[3] / 2;
      boolean below = ty > s[1] + s[3];
      points.add(new int[] {sx, below ? s[1] + s[3] : s[1]});
      points.add(new int[] {sx, ty});
      points.add(new int[] {t[0], ty});
    } else {
      int sx = s[0] + s[2];
      int sy = s[1] + s[3] / 2;
      int tx = t[0];
      int ty = t[1] + t[3] / 2;
      points.add(new int[] {sx, sy});
      if (sy != ty) {
        int mx = tx - GAP_X / 2;
        points.add(new int[] {mx, sy});
        points.add(new int[] {mx, ty});
      }
      points.add(new int[] {tx, ty});
    }
    BpmnEdge edge = model.newInstance(BpmnEdge.class);
    edge.setId(f.getId() + "_di");
    edge.setBpmnElement(f);
    for (int[] p : points) {
      Waypoint wp = model.newInstance(Waypoint.class);
      wp.setX(p[0]);
      wp.setY(p[1]);
      edge.getWaypoints().add(wp);
    }
    plane.addChildElement(edge);
  }

  /** The absolute top of the container that holds a flow (0-based offset of its layout). */
  private int parentTop(SequenceFlow f) {
    BaseElement parent = (BaseElement) f.getParentElement();
    if (parent instanceof SubProcess sp) {
      return bounds.get(sp)[1];
    }
    return 80;
  }

  private Bounds box(int x, int y, int w, int h) {
    Bounds b = model.newInstance(Bounds.class);
    b.setX(x);
    b.setY(y);
    b.setWidth(w);
    b.setHeight(h);
    return b;
  }
}
