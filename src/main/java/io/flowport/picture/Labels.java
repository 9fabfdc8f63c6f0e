package io.flowport.picture;

import io.flowport.bpmn.LabelText;
import java.util.List;

/**
 * Where names go, as bpmn-js puts them: inside an activity (12px, 5px padding, centred; at the top
 * of an expanded subprocess), or in an external label's box (11px, from its top). Lines are wrapped
 * by {@link LabelText}, the rule the layout sized the boxes with, so the text fits them.
 */
final class Labels {

  static final double PADDING = 5;

  private Labels() {}

  /** The smallest size a name inside a box is shrunk to when its lines do not fit the box's height. */
  static final double MIN_SIZE = 8;

  /**
   * A name inside a box, in the middle or (a subprocess title) at the top. bpmn-js lets a name too
   * long for a task run over its border; here it gets a smaller font instead, down to 8px, so the
   * picture stays readable.
   */
  static Mark.Text inside(String name, double x, double y, double w, double h, boolean top) {
    double size = LabelText.EMBEDDED_SIZE;
    List<Mark.Line> lines = wrap(name, w - 2 * PADDING, size);
    while (!top && size > MIN_SIZE && lines.size() * size * LabelText.LINE_SPACING > h - 2 * PADDING) {
      size--;
      lines = wrap(name, w - 2 * PADDING, size);
    }
    double lineHeight = size * LabelText.LINE_SPACING;
    double textTop = y + PADDING + (top ? 0 : (h - lines.size() * lineHeight - 2 * PADDING) / 2);
    return text(lines, x + w / 2, textTop, size, true);
  }

  /** A name in an external label box, which is as wide as the text's widest line. */
  static Mark.Text outside(String name, double x, double y, double w) {
    List<Mark.Line> lines = wrap(name, w > 0 ? w : LabelText.MAX_WIDTH, LabelText.EXTERNAL_SIZE);
    return text(lines, x + w / 2, y, LabelText.EXTERNAL_SIZE, true);
  }

  /** A text annotation: left-aligned from its top-left corner. */
  static Mark.Text annotation(String text, double x, double y, double w) {
    double size = LabelText.EMBEDDED_SIZE;
    return text(wrap(text, w - 2 * PADDING, size), x + PADDING, y + PADDING, size, false);
  }

  /** The height of the text of an external label: for one placed without DI bounds. */
  static double height(String name, double w) {
    return wrap(name, w, LabelText.EXTERNAL_SIZE).size() * LabelText.EXTERNAL_SIZE * LabelText.LINE_SPACING;
  }

  private static List<Mark.Line> wrap(String name, double width, double size) {
    return LabelText.lines(name, width, size).stream().map(l -> new Mark.Line(l.text(), l.width())).toList();
  }

  // diagram-js puts the first baseline a line height below the top, less a quarter of it.
  private static Mark.Text text(List<Mark.Line> lines, double x, double top, double size, boolean centred) {
    double lineHeight = size * LabelText.LINE_SPACING;
    return new Mark.Text(lines, x, top + lineHeight * 0.75, size, lineHeight, centred);
  }
}
