package io.flowport.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.dc.Bounds;
import io.camunda.zeebe.model.bpmn.instance.di.Waypoint;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The DI of every generated diagram: complete, orthogonal, boundary events on their host, edges
 * clear of labels and other shapes, stable. (Overlapping shapes and labels are BpmnToolsTest's.)
 */
class DiLayoutTest {

  private static Map<String, String> diagrams;

  @BeforeAll
  static void convert() throws Exception {
    diagrams = LayoutSources.convertAll();
  }

  @Test
  void sameInputGivesByteIdenticalBpmn() throws Exception {
    Map<String, String> first = diagrams;
    Map<String, String> second = LayoutSources.convertAll();
    assertThat(second.keySet()).containsExactlyElementsOf(first.keySet());
    first.forEach((name, xml) -> assertThat(second.get(name)).as(name).isEqualTo(xml));
  }

  @Test
  void everyNodeHasAShapeAndEveryFlowAnOrthogonalEdgeBetweenItsEnds() throws Exception {
    SoftAssertions soft = new SoftAssertions();
    for (var e : diagrams.entrySet()) {
      BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(e.getValue().getBytes(StandardCharsets.UTF_8)));
      Map<String, Bounds> shapes = shapes(model);
      for (FlowNode n : model.getModelElementsByType(FlowNode.class)) {
        soft.assertThat(shapes).as("%s: shape of %s", e.getKey(), n.getId()).containsKey(n.getId());
      }
      Map<String, List<Waypoint>> edges = new HashMap<>();
      model.getModelElementsByType(BpmnEdge.class).forEach(d -> edges.put(d.getBpmnElement().getId(), List.copyOf(d.getWaypoints())));
      for (SequenceFlow f : model.getModelElementsByType(SequenceFlow.class)) {
        String what = e.getKey() + ": " + f.getId();
        List<Waypoint> points = edges.getOrDefault(f.getId(), List.of());
        soft.assertThat(points.size()).as("%s: waypoints", what).isGreaterThanOrEqualTo(2);
        if (points.size() < 2) {
          continue;
        }
        for (int i = 1; i < points.size(); i++) {
          Waypoint a = points.get(i - 1);
          Waypoint b = points.get(i);
          soft.assertThat(a.getX().equals(b.getX()) || a.getY().equals(b.getY())).as("%s: segment %d is orthogonal", what, i).isTrue();
        }
        soft.assertThat(onBorder(points.get(0), shapes.get(f.getSource().getId()))).as("%s starts on its source", what).isTrue();
        soft.assertThat(onBorder(points.get(points.size() - 1), shapes.get(f.getTarget().getId()))).as("%s ends on its target", what)
            .isTrue();
      }
    }
    soft.assertAll();
  }

  @Test
  void boundaryEventsSitOnTheirHostsLowerBorderApartAndChildrenInsideTheirSubprocess() throws Exception {
    SoftAssertions soft = new SoftAssertions();
    int boundaries = 0;
    for (var e : diagrams.entrySet()) {
      BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(e.getValue().getBytes(StandardCharsets.UTF_8)));
      Map<String, Bounds> shapes = shapes(model);
      for (BoundaryEvent b : model.getModelElementsByType(BoundaryEvent.class)) {
        boundaries++;
        Bounds s = shapes.get(b.getId());
        Bounds host = shapes.get(b.getAttachedTo().getId());
        double cx = s.getX() + s.getWidth() / 2;
        double cy = s.getY() + s.getHeight() / 2;
        soft.assertThat(cy).as("%s: %s centre on its host's lower border", e.getKey(), b.getId()).isEqualTo(host.getY() + host.getHeight());
        soft.assertThat(cx).as("%s: %s within its host's width", e.getKey(), b.getId())
            .isBetween(host.getX() + s.getWidth() / 2, host.getX() + host.getWidth() - s.getWidth() / 2);
        for (BoundaryEvent other : model.getModelElementsByType(BoundaryEvent.class)) {
          if (other != b && other.getAttachedTo() == b.getAttachedTo()) {
            soft.assertThat(intersect(s, shapes.get(other.getId()))).as("%s: %s and %s overlap", e.getKey(), b.getId(), other.getId())
                .isFalse();
          }
        }
      }
      for (SubProcess sp : model.getModelElementsByType(SubProcess.class)) {
        Bounds outer = shapes.get(sp.getId());
        for (FlowNode child : sp.getChildElementsByType(FlowNode.class)) {
          Bounds in = shapes.get(child.getId());
          soft.assertThat(in.getX() >= outer.getX() && in.getY() >= outer.getY()
              && in.getX() + in.getWidth() <= outer.getX() + outer.getWidth()
              && in.getY() + in.getHeight() <= outer.getY() + outer.getHeight())
              .as("%s: %s inside %s", e.getKey(), child.getId(), sp.getId()).isTrue();
        }
      }
    }
    soft.assertThat(boundaries).as("boundary events checked").isGreaterThan(5);
    soft.assertAll();
  }

  @Test
  void edgesRunThroughNoLabelAndNoShapeButTheirEnds() throws Exception {
    SoftAssertions soft = new SoftAssertions();
    for (var e : diagrams.entrySet()) {
      BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(e.getValue().getBytes(StandardCharsets.UTF_8)));
      Map<String, Bounds> shapes = shapes(model);
      Map<String, Bounds> labels = new HashMap<>();
      model.getModelElementsByType(BpmnShape.class).stream().filter(s -> s.getBpmnLabel() != null)
          .forEach(s -> labels.put(s.getBpmnElement().getId(), s.getBpmnLabel().getBounds()));
      model.getModelElementsByType(BpmnEdge.class).stream().filter(d -> d.getBpmnLabel() != null)
          .forEach(d -> labels.put(d.getBpmnElement().getId(), d.getBpmnLabel().getBounds()));
      for (BpmnEdge d : model.getModelElementsByType(BpmnEdge.class)) {
        SequenceFlow f = (SequenceFlow) d.getBpmnElement();
        List<Waypoint> points = List.copyOf(d.getWaypoints());
        for (int i = 1; i < points.size(); i++) {
          Waypoint a = points.get(i - 1);
          Waypoint b = points.get(i);
          labels.forEach((owner, box) -> soft.assertThat(!owner.equals(f.getId()) && crosses(a, b, box, 0))
              .as("%s: %s runs through the label of %s", e.getKey(), f.getId(), owner).isFalse());
          shapes.forEach((id, box) -> {
            boolean own = id.equals(f.getSource().getId()) || id.equals(f.getTarget().getId()) || encloses(id, f);
            soft.assertThat(!own && crosses(a, b, box, 2)).as("%s: %s runs through %s", e.getKey(), f.getId(), id).isFalse();
          });
        }
      }
    }
    soft.assertAll();
  }

  /** Whether an orthogonal segment passes through the inside of the box shrunk by {@code inset}. */
  private static boolean crosses(Waypoint a, Waypoint b, Bounds box, double inset) {
    double x = box.getX() + inset;
    double y = box.getY() + inset;
    double w = box.getWidth() - 2 * inset;
    double h = box.getHeight() - 2 * inset;
    double x1 = Math.min(a.getX(), b.getX());
    double x2 = Math.max(a.getX(), b.getX());
    double y1 = Math.min(a.getY(), b.getY());
    double y2 = Math.max(a.getY(), b.getY());
    if (y1 == y2) {
      return y < y1 && y1 < y + h && Math.max(x1, x) < Math.min(x2, x + w);
    }
    return x < x1 && x1 < x + w && Math.max(y1, y) < Math.min(y2, y + h);
  }

  /** Whether the element with this id is a subprocess that holds the flow. */
  private static boolean encloses(String id, SequenceFlow f) {
    for (var p = f.getParentElement(); p != null; p = p.getParentElement()) {
      if (p instanceof SubProcess sp && sp.getId().equals(id)) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, Bounds> shapes(BpmnModelInstance model) {
    Map<String, Bounds> shapes = new HashMap<>();
    model.getModelElementsByType(BpmnShape.class).forEach(s -> shapes.put(s.getBpmnElement().getId(), s.getBounds()));
    return shapes;
  }

  /** Within a pixel of the rectangle's outline (coordinates are rounded to whole pixels). */
  private static boolean onBorder(Waypoint p, Bounds b) {
    if (b == null) {
      return false;
    }
    boolean nearOutside = p.getX() >= b.getX() - 1 && p.getX() <= b.getX() + b.getWidth() + 1
        && p.getY() >= b.getY() - 1 && p.getY() <= b.getY() + b.getHeight() + 1;
    boolean deepInside = p.getX() > b.getX() + 1 && p.getX() < b.getX() + b.getWidth() - 1
        && p.getY() > b.getY() + 1 && p.getY() < b.getY() + b.getHeight() - 1;
    return nearOutside && !deepInside;
  }

  private static boolean intersect(Bounds a, Bounds b) {
    return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
        && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
  }
}
