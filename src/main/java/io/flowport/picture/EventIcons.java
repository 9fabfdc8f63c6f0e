package io.flowport.picture;

import io.camunda.zeebe.model.bpmn.instance.CancelEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.CompensateEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ConditionalEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EscalationEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.LinkEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.SignalEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.TerminateEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import java.util.List;

/**
 * The marker inside an event circle, for an event of diameter 36 scaled by {@code k}: outlined when
 * the event catches, filled when it throws (end events included). Simple shapes in the spirit of
 * bpmn-js's, not copies of its paths.
 */
final class EventIcons {

  private EventIcons() {}

  static void draw(List<Mark> out, EventDefinition def, double cx, double cy, double k, boolean filled) {
    Style body = filled ? Style.outline(1).filled(Ink.LINE) : Style.outline(1);
    switch (def) {
      case TimerEventDefinition t -> clock(out, cx, cy, k);
      case MessageEventDefinition m -> envelope(out, cx, cy, k, filled);
      case ErrorEventDefinition e -> out.add(shape(body, cx, cy, k, -8, 8, -3.5, -6, 1.5, 2.5, 7.5, -8.5, 3, 6, -1.5, -2.5));
      case SignalEventDefinition s -> out.add(shape(body, cx, cy, k, 0, -10, 9, 6, -9, 6));
      case EscalationEventDefinition e -> out.add(shape(body, cx, cy, k, 0, -10, 7, 8, 0, 2, -7, 8));
      case LinkEventDefinition l -> out.add(shape(body, cx, cy, k, -8, -3, 1, -3, 1, -7.5, 8.5, 0, 1, 7.5, 1, 3, -8, 3));
      case CompensateEventDefinition c -> {
        out.add(shape(body, cx, cy, k, -9, 0, 0, -6, 0, 6));
        out.add(shape(body, cx, cy, k, 0, 0, 9, -6, 9, 6));
      }
      case TerminateEventDefinition t -> out.add(new Mark.Circle(cx, cy, 11 * k, Style.solid()));
      case ConditionalEventDefinition c -> page(out, cx, cy, k);
      case CancelEventDefinition c -> {
        out.add(Pen.line(Style.line(3), cx - 6 * k, cy - 6 * k, cx + 6 * k, cy + 6 * k));
        out.add(Pen.line(Style.line(3), cx + 6 * k, cy - 6 * k, cx - 6 * k, cy + 6 * k));
      }
      default -> {
        // Other definitions have no marker here: the circle alone still shows the event.
      }
    }
  }

  /** A closed shape through points given relative to the centre, in units of a 36px event. */
  private static Mark shape(Style style, double cx, double cy, double k, double... xy) {
    double[] at = new double[xy.length];
    for (int i = 0; i < xy.length; i += 2) {
      at[i] = cx + xy[i] * k;
      at[i + 1] = cy + xy[i + 1] * k;
    }
    return Pen.polygon(style, at);
  }

  private static void clock(List<Mark> out, double cx, double cy, double k) {
    double r = 11 * k;
    out.add(new Mark.Circle(cx, cy, r, Style.outline(1.5)));
    for (int h = 0; h < 12; h++) {
      // StrictMath: the same digits on every machine, so the SVG bytes are too.
      double a = StrictMath.toRadians(h * 30);
      double sin = StrictMath.sin(a);
      double cos = StrictMath.cos(a);
      out.add(Pen.line(Style.line(1), cx + sin * r * 0.72, cy - cos * r * 0.72, cx + sin * r * 0.9, cy - cos * r * 0.9));
    }
    out.add(Pen.at(cx + 1.5 * k, cy - 7.5 * k).to(cx, cy).to(cx + 5.5 * k, cy + 1 * k).mark(Style.line(1.2)));
  }

  private static void envelope(List<Mark> out, double cx, double cy, double k, boolean filled) {
    double x = cx - 9 * k;
    double y = cy - 6 * k;
    out.add(new Mark.Box(x, y, 18 * k, 12 * k, 0, filled ? Style.outline(1).filled(Ink.LINE) : Style.outline(1)));
    Style flap = filled ? new Style(Ink.PAPER, 1, Ink.NONE, null) : Style.line(1);
    out.add(Pen.at(x, y).to(cx, cy + 1 * k).to(x + 18 * k, y).mark(flap));
  }

  private static void page(List<Mark> out, double cx, double cy, double k) {
    out.add(new Mark.Box(cx - 6 * k, cy - 8 * k, 12 * k, 16 * k, 0, Style.outline(1)));
    for (int i = 0; i < 4; i++) {
      double y = cy + (-4.5 + 3 * i) * k;
      out.add(Pen.line(Style.line(1), cx - 4 * k, y, cx + 4 * k, y));
    }
  }
}
