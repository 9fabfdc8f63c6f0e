package io.flowport.picture;

import io.flowport.picture.Mark.Segment;
import java.util.ArrayList;
import java.util.List;

/** Builds a path: {@code Pen.at(x, y).to(x2, y2).close().mark(style)}. */
final class Pen {

  private final List<Segment> segments = new ArrayList<>();

  private Pen() {}

  static Pen at(double x, double y) {
    return new Pen().move(x, y);
  }

  /** A closed polygon through the points {x0, y0, x1, y1, ...}. */
  static Mark polygon(Style style, double... xy) {
    Pen pen = at(xy[0], xy[1]);
    for (int i = 2; i < xy.length; i += 2) {
      pen.to(xy[i], xy[i + 1]);
    }
    return pen.close().mark(style);
  }

  static Mark line(Style style, double x1, double y1, double x2, double y2) {
    return at(x1, y1).to(x2, y2).mark(style);
  }

  Pen move(double x, double y) {
    segments.add(new Segment('M', x, y));
    return this;
  }

  Pen to(double x, double y) {
    segments.add(new Segment('L', x, y));
    return this;
  }

  Pen curve(double cx, double cy, double x, double y) {
    segments.add(new Segment('Q', cx, cy, x, y));
    return this;
  }

  Pen close() {
    segments.add(new Segment('Z'));
    return this;
  }

  Mark mark(Style style) {
    return new Mark.Path(List.copyOf(segments), style);
  }
}
