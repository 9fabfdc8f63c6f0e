package io.flowport.picture;

import java.util.List;

/** One drawing primitive, in diagram coordinates. */
public sealed interface Mark {

  /** A rectangle with corners rounded by {@code r}. */
  record Box(double x, double y, double w, double h, double r, Style style) implements Mark {}

  record Circle(double cx, double cy, double r, Style style) implements Mark {}

  record Path(List<Segment> segments, Style style) implements Mark {}

  /**
   * Lines of text, each centred on {@code x} (or starting there), the first on {@code baseline},
   * the next {@code lineHeight} lower. Each line has the width Arial would give it ({@link
   * io.flowport.bpmn.LabelText}), which a renderer with another font squeezes it to.
   */
  record Text(List<Line> lines, double x, double baseline, double size, double lineHeight, boolean centred)
      implements Mark {}

  record Line(String text, double width) {}

  /** A path command: M (move), L (line), Q (quadratic curve: control point, end), Z (close). */
  record Segment(char op, double... xy) {}
}
