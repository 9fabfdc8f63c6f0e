package io.flowport.picture;

import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.Association;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.InclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.dc.Bounds;
import io.camunda.zeebe.model.bpmn.instance.di.Waypoint;
import java.util.ArrayList;
import java.util.List;

/**
 * The figure of a BPMN edge: a sequence flow is a line with rounded corners and a filled arrowhead,
 * a slash near its start when it is its gateway's or activity's default, and a small diamond there
 * when it is an activity's conditional flow; other edges (associations, message flows) are dashed.
 */
final class FlowFigures {

  static final double ARROW_LENGTH = 10;
  static final double ARROW_HALF_WIDTH = 4;
  private static final double CORNER = 5;

  private FlowFigures() {}

  static Figure of(BpmnEdge edge) {
    BaseElement e = edge.getBpmnElement();
    List<double[]> points = points(edge);
    List<Mark> marks = new ArrayList<>();
    if (points.size() >= 2) {
      if (e instanceof SequenceFlow f) {
        sequenceFlow(marks, f, points);
      } else {
        marks.add(polyline(points, 0, Style.line(1.5).dashed("6 4")));
        if (!(e instanceof Association)) {
          // Message flows and data associations point at their target.
          marks.add(arrow(points, Style.outline(1)));
        }
      }
    }
    String name = e.getAttributeValue("name");
    if (ShapeFigures.present(name)) {
      Bounds label = edge.getBpmnLabel() == null ? null : edge.getBpmnLabel().getBounds();
      if (label != null) {
        marks.add(Labels.outside(name, label.getX(), label.getY(), label.getWidth()));
      } else if (!points.isEmpty()) {
        double[] mid = middle(points);
        marks.add(Labels.outside(name, mid[0] - 45, mid[1] - Labels.height(name, 90) - 3, 90));
      }
    }
    return new Figure(e.getId(), e.getElementType().getTypeName(), marks);
  }

  private static void sequenceFlow(List<Mark> out, SequenceFlow f, List<double[]> points) {
    // The line stops inside the arrowhead, so its end does not blunt the tip.
    out.add(polyline(points, ARROW_LENGTH - 1, Style.line(1.5)));
    out.add(arrow(points, Style.solid()));
    FlowNode source = f.getSource();
    double[] a = points.get(0);
    double[] u = unit(a, points.get(1));
    double[] n = {-u[1], u[0]};
    if (isDefault(source, f)) {
      double[] m = {a[0] + 10 * u[0], a[1] + 10 * u[1]};
      out.add(Pen.line(Style.line(1.5), m[0] - 3 * u[0] + 5 * n[0], m[1] - 3 * u[1] + 5 * n[1],
          m[0] + 3 * u[0] - 5 * n[0], m[1] + 3 * u[1] - 5 * n[1]));
    } else if (f.getConditionExpression() != null && source instanceof Activity) {
      out.add(Pen.polygon(Style.outline(1), a[0], a[1], a[0] + 8 * u[0] + 4.5 * n[0], a[1] + 8 * u[1] + 4.5 * n[1],
          a[0] + 16 * u[0], a[1] + 16 * u[1], a[0] + 8 * u[0] - 4.5 * n[0], a[1] + 8 * u[1] - 4.5 * n[1]));
    }
  }

  private static boolean isDefault(FlowNode source, SequenceFlow f) {
    SequenceFlow d = switch (source) {
      case ExclusiveGateway g -> g.getDefault();
      case InclusiveGateway g -> g.getDefault();
      case Activity a -> a.getDefault();
      case null, default -> null;
    };
    return d == f;
  }

  /** The waypoints, without repeats (they would have no direction). */
  private static List<double[]> points(BpmnEdge edge) {
    List<double[]> points = new ArrayList<>();
    for (Waypoint w : edge.getWaypoints()) {
      double[] p = {w.getX(), w.getY()};
      if (points.isEmpty() || !same(points.get(points.size() - 1), p)) {
        points.add(p);
      }
    }
    return points;
  }

  /** A line through the points with corners rounded, its end pulled back by {@code shorten}. */
  private static Mark polyline(List<double[]> points, double shorten, Style style) {
    int last = points.size() - 1;
    double[] end = points.get(last);
    double[] before = points.get(last - 1);
    double back = Math.min(shorten, distance(before, end));
    double[] u = unit(before, end);
    Pen pen = Pen.at(points.get(0)[0], points.get(0)[1]);
    for (int i = 1; i < last; i++) {
      double[] p = points.get(i);
      double[] in = unit(points.get(i - 1), p);
      double[] out = unit(p, points.get(i + 1));
      double r1 = Math.min(CORNER, distance(points.get(i - 1), p) / 2);
      double r2 = Math.min(CORNER, distance(p, points.get(i + 1)) / 2);
      pen.to(p[0] - in[0] * r1, p[1] - in[1] * r1).curve(p[0], p[1], p[0] + out[0] * r2, p[1] + out[1] * r2);
    }
    return pen.to(end[0] - u[0] * back, end[1] - u[1] * back).mark(style);
  }

  private static Mark arrow(List<double[]> points, Style style) {
    double[] end = points.get(points.size() - 1);
    double[] u = unit(points.get(points.size() - 2), end);
    double bx = end[0] - u[0] * ARROW_LENGTH;
    double by = end[1] - u[1] * ARROW_LENGTH;
    return Pen.polygon(style, end[0], end[1], bx - u[1] * ARROW_HALF_WIDTH, by + u[0] * ARROW_HALF_WIDTH,
        bx + u[1] * ARROW_HALF_WIDTH, by - u[0] * ARROW_HALF_WIDTH);
  }

  /** The point halfway along the line. */
  private static double[] middle(List<double[]> points) {
    double total = 0;
    for (int i = 1; i < points.size(); i++) {
      total += distance(points.get(i - 1), points.get(i));
    }
    double left = total / 2;
    for (int i = 1; i < points.size(); i++) {
      double d = distance(points.get(i - 1), points.get(i));
      if (left <= d) {
        double[] u = unit(points.get(i - 1), points.get(i));
        return new double[] {points.get(i - 1)[0] + u[0] * left, points.get(i - 1)[1] + u[1] * left};
      }
      left -= d;
    }
    return points.get(0);
  }

  private static double[] unit(double[] a, double[] b) {
    double d = distance(a, b);
    return d == 0 ? new double[] {1, 0} : new double[] {(b[0] - a[0]) / d, (b[1] - a[1]) / d};
  }

  private static double distance(double[] a, double[] b) {
    return StrictMath.hypot(b[0] - a[0], b[1] - a[1]);
  }

  private static boolean same(double[] a, double[] b) {
    return a[0] == b[0] && a[1] == b[1];
  }
}
