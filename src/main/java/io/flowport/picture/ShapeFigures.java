package io.flowport.picture;

import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.CatchEvent;
import io.camunda.zeebe.model.bpmn.instance.ComplexGateway;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.Event;
import io.camunda.zeebe.model.bpmn.instance.EventBasedGateway;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.Gateway;
import io.camunda.zeebe.model.bpmn.instance.InclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.ParallelGateway;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.TextAnnotation;
import io.camunda.zeebe.model.bpmn.instance.ThrowEvent;
import io.camunda.zeebe.model.bpmn.instance.Transaction;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.dc.Bounds;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The figure of a BPMN shape: activity, event, gateway or text annotation, with its name. */
final class ShapeFigures {

  private ShapeFigures() {}

  static Figure of(BpmnShape shape) {
    BaseElement e = shape.getBpmnElement();
    Bounds b = shape.getBounds();
    double x = b.getX();
    double y = b.getY();
    double w = b.getWidth();
    double h = b.getHeight();
    List<Mark> marks = new ArrayList<>();
    String name = e.getAttributeValue("name");
    switch (e) {
      case Activity a -> activity(marks, a, shape, x, y, w, h, name);
      case Event ev -> {
        event(marks, ev, x, y, w, h);
        external(marks, shape, name, x, y, w, h);
      }
      case Gateway g -> {
        gateway(marks, g, shape, x, y, w, h);
        external(marks, shape, name, x, y, w, h);
      }
      case TextAnnotation t -> {
        marks.add(Pen.at(x + 10, y).to(x, y).to(x, y + h).to(x + 10, y + h).mark(Style.line(1)));
        if (t.getText() != null && !t.getText().getTextContent().isBlank()) {
          marks.add(Labels.annotation(t.getText().getTextContent(), x, y, w));
        }
      }
      default -> {
        // Pools, lanes, data objects and the like: an outline and the name in its corner, so
        // nothing is lost and nothing inside a pool is covered.
        marks.add(new Mark.Box(x, y, w, h, 0, Style.line(1)));
        if (present(name)) {
          marks.add(Labels.annotation(name, x, y, w));
        }
      }
    }
    return new Figure(e.getId(), e.getElementType().getTypeName(), marks);
  }

  private static void activity(List<Mark> out, Activity a, BpmnShape shape, double x, double y, double w, double h,
      String name) {
    boolean expanded = a instanceof SubProcess && shape.isExpanded();
    Style border = Style.outline(a instanceof CallActivity ? 5 : 2);
    if (a instanceof SubProcess sp && sp.triggeredByEvent()) {
      border = Style.outline(1.5).dashed("4 3");
    }
    out.add(new Mark.Box(x, y, w, h, 10, border));
    if (a instanceof Transaction) {
      out.add(new Mark.Box(x + 3, y + 3, w - 6, h - 6, 7, Style.line(1.5)));
    }
    TaskIcons.type(out, a, x, y);
    TaskIcons.bottom(out, a, x + w / 2, y + h, a instanceof SubProcess && !expanded);
    if (present(name)) {
      out.add(Labels.inside(name, x, y, w, h, expanded));
    }
  }

  private static void event(List<Mark> out, Event ev, double x, double y, double w, double h) {
    double cx = x + w / 2;
    double cy = y + h / 2;
    double r = Math.min(w, h) / 2;
    Style ring;
    if (ev instanceof StartEvent s) {
      ring = s.isInterrupting() ? Style.outline(2) : Style.outline(2).dashed("6 3");
    } else if (ev instanceof EndEvent) {
      ring = Style.outline(4);
    } else {
      // Intermediate and boundary events: a double ring, dashed when the boundary does not interrupt.
      ring = ev instanceof BoundaryEvent b && !b.cancelActivity() ? Style.outline(1).dashed("6 3") : Style.outline(1);
    }
    out.add(new Mark.Circle(cx, cy, r, ring));
    if (!(ev instanceof StartEvent) && !(ev instanceof EndEvent)) {
      out.add(new Mark.Circle(cx, cy, r - 3, new Style(ring.stroke(), ring.width(), Ink.NONE, ring.dash())));
    }
    Collection<EventDefinition> defs = ev instanceof CatchEvent c ? c.getEventDefinitions()
        : ev instanceof ThrowEvent t ? t.getEventDefinitions() : List.of();
    if (defs.size() == 1) {
      EventIcons.draw(out, defs.iterator().next(), cx, cy, 2 * r / 36, ev instanceof ThrowEvent);
    }
  }

  private static void gateway(List<Mark> out, Gateway g, BpmnShape shape, double x, double y, double w, double h) {
    double cx = x + w / 2;
    double cy = y + h / 2;
    double k = Math.min(w, h) / 50;
    out.add(Pen.polygon(Style.outline(2), cx, y, x + w, cy, cx, y + h, x, cy));
    switch (g) {
      case ExclusiveGateway xor when shape.isMarkerVisible() -> cross(out, cx, cy, 8.5 * k, 3.5 * k, true);
      case ParallelGateway and -> cross(out, cx, cy, 12 * k, 3.5 * k, false);
      case InclusiveGateway or -> out.add(new Mark.Circle(cx, cy, 11.5 * k, Style.line(2.5 * k)));
      case ComplexGateway c -> {
        cross(out, cx, cy, 11 * k, 3 * k, false);
        cross(out, cx, cy, 8 * k, 3 * k, true);
      }
      case EventBasedGateway ev -> {
        out.add(new Mark.Circle(cx, cy, 14 * k, Style.line(1)));
        out.add(new Mark.Circle(cx, cy, 11.5 * k, Style.line(1)));
        double[] xy = new double[10];
        for (int i = 0; i < 5; i++) {
          double a = StrictMath.toRadians(-90 + 72 * i);
          xy[2 * i] = cx + StrictMath.cos(a) * 7 * k;
          xy[2 * i + 1] = cy + StrictMath.sin(a) * 7 * k;
        }
        out.add(Pen.polygon(Style.line(1.5), xy));
      }
      default -> {
        // An exclusive gateway whose DI hides the marker.
      }
    }
  }

  /** A plus (or, turned, an X) of arms {@code arm} long from the centre. */
  private static void cross(List<Mark> out, double cx, double cy, double arm, double width, boolean diagonal) {
    Style s = Style.line(width);
    if (diagonal) {
      out.add(Pen.line(s, cx - arm, cy - arm, cx + arm, cy + arm));
      out.add(Pen.line(s, cx + arm, cy - arm, cx - arm, cy + arm));
    } else {
      out.add(Pen.line(s, cx, cy - arm, cx, cy + arm));
      out.add(Pen.line(s, cx - arm, cy, cx + arm, cy));
    }
  }

  /** An event's or gateway's name: in its DI label box, else centred below it (bpmn-js's default). */
  private static void external(List<Mark> out, BpmnShape shape, String name, double x, double y, double w, double h) {
    if (!present(name)) {
      return;
    }
    Bounds label = shape.getBpmnLabel() == null ? null : shape.getBpmnLabel().getBounds();
    if (label != null) {
      out.add(Labels.outside(name, label.getX(), label.getY(), label.getWidth()));
    } else {
      out.add(Labels.outside(name, x + w / 2 - 45, y + h + 5, 90));
    }
  }

  static boolean present(String s) {
    return s != null && !s.isBlank();
  }
}
