package io.flowport.picture;

import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.BusinessRuleTask;
import io.camunda.zeebe.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;
import io.camunda.zeebe.model.bpmn.instance.ScriptTask;
import io.camunda.zeebe.model.bpmn.instance.SendTask;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import java.util.List;

/** The type icon in a task's top-left corner and the markers at the bottom of an activity. */
final class TaskIcons {

  private TaskIcons() {}

  /** The icon of the task's type, if it has one; (x, y) is the task's top-left corner. */
  static void type(List<Mark> out, Activity a, double x, double y) {
    switch (a) {
      case ServiceTask s -> gear(out, x + 15, y + 15);
      case UserTask u -> {
        out.add(Pen.at(x + 8, y + 25).curve(x + 8, y + 17, x + 15, y + 17).curve(x + 22, y + 17, x + 22, y + 25).close()
            .mark(Style.outline(1)));
        out.add(new Mark.Circle(x + 15, y + 12, 4, Style.outline(1)));
      }
      case SendTask s -> envelope(out, x + 8, y + 9, true);
      case ReceiveTask r -> envelope(out, x + 8, y + 9, false);
      case BusinessRuleTask b -> {
        out.add(new Mark.Box(x + 8, y + 8, 17, 13, 0, Style.outline(1)));
        out.add(new Mark.Box(x + 8, y + 8, 17, 4, 0, Style.outline(1).filled(Ink.LINE)));
        out.add(Pen.line(Style.line(1), x + 8, y + 16.5, x + 25, y + 16.5));
        out.add(Pen.line(Style.line(1), x + 13, y + 12, x + 13, y + 21));
      }
      case ScriptTask s -> {
        out.add(new Mark.Box(x + 9, y + 7, 13, 16, 0, Style.outline(1)));
        for (int i = 0; i < 3; i++) {
          out.add(Pen.line(Style.line(1), x + 11.5, y + 11 + 4 * i, x + 19.5, y + 11 + 4 * i));
        }
      }
      default -> {
        // A plain task, a manual task, a subprocess: no icon.
      }
    }
  }

  /**
   * The markers centred at the bottom of an activity ({@code cx}, {@code bottom}): three bars for
   * multi-instance (upright: parallel, lying: sequential) and a boxed plus for a collapsed subprocess.
   */
  static void bottom(List<Mark> out, Activity a, double cx, double bottom, boolean collapsed) {
    boolean multi = a.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics;
    double shift = multi && collapsed ? 10 : 0;
    if (multi) {
      double x = cx - shift - 5.5;
      double y = bottom - 17;
      boolean sequential = ((MultiInstanceLoopCharacteristics) a.getLoopCharacteristics()).isSequential();
      for (int i = 0; i < 3; i++) {
        out.add(sequential
            ? new Mark.Box(x, y + 4.5 * i, 11, 2, 0, Style.solid())
            : new Mark.Box(x + 4.5 * i, y, 2, 11, 0, Style.solid()));
      }
    }
    if (collapsed) {
      double x = cx + shift - 7;
      double y = bottom - 18;
      out.add(new Mark.Box(x, y, 14, 14, 0, Style.outline(1)));
      out.add(Pen.line(Style.line(1.5), x + 7, y + 3, x + 7, y + 11));
      out.add(Pen.line(Style.line(1.5), x + 3, y + 7, x + 11, y + 7));
    }
  }

  /** A cog of eight teeth with a hole, centred on (cx, cy). */
  private static void gear(List<Mark> out, double cx, double cy) {
    double[] xy = new double[8 * 4 * 2];
    int i = 0;
    for (int tooth = 0; tooth < 8; tooth++) {
      double a = tooth * 45;
      for (double[] p : new double[][] {{a - 17.5, 5}, {a - 9, 7.5}, {a + 9, 7.5}, {a + 17.5, 5}}) {
        double rad = StrictMath.toRadians(p[0]);
        xy[i++] = cx + StrictMath.cos(rad) * p[1];
        xy[i++] = cy + StrictMath.sin(rad) * p[1];
      }
    }
    out.add(Pen.polygon(Style.outline(1), xy));
    out.add(new Mark.Circle(cx, cy, 2.5, Style.outline(1)));
  }

  private static void envelope(List<Mark> out, double x, double y, boolean filled) {
    out.add(new Mark.Box(x, y, 16, 11, 0, filled ? Style.outline(1).filled(Ink.LINE) : Style.outline(1)));
    Style flap = filled ? new Style(Ink.PAPER, 1, Ink.NONE, null) : Style.line(1);
    out.add(Pen.at(x, y).to(x + 8, y + 6).to(x + 16, y).mark(flap));
  }
}
