package io.flowport.picture;

import java.util.List;

/**
 * The area a picture shows: the DI's boxes (shapes, waypoints, label bounds) and everything drawn,
 * to whole pixels, with a margin.
 */
final class Extent {

  private double minX = Double.POSITIVE_INFINITY;
  private double minY = Double.POSITIVE_INFINITY;
  private double maxX = Double.NEGATIVE_INFINITY;
  private double maxY = Double.NEGATIVE_INFINITY;

  private Extent() {}

  /** {@code boxes}: x, y, width, height each. */
  static Picture frame(List<Figure> figures, List<double[]> boxes) {
    Extent e = new Extent();
    for (double[] b : boxes) {
      e.add(b[0], b[1]);
      e.add(b[0] + b[2], b[1] + b[3]);
    }
    figures.forEach(f -> f.marks().forEach(e::add));
    if (e.minX > e.maxX) {
      e.add(0, 0);
    }
    double x = Math.floor(e.minX) - Picture.MARGIN;
    double y = Math.floor(e.minY) - Picture.MARGIN;
    return new Picture(x, y, Math.ceil(e.maxX) + Picture.MARGIN - x, Math.ceil(e.maxY) + Picture.MARGIN - y,
        List.copyOf(figures));
  }

  // Stroke widths are left to the margin: what is measured is the geometry, as in the DI.
  private void add(Mark m) {
    switch (m) {
      case Mark.Box b -> {
        add(b.x(), b.y());
        add(b.x() + b.w(), b.y() + b.h());
      }
      case Mark.Circle c -> {
        add(c.cx() - c.r(), c.cy() - c.r());
        add(c.cx() + c.r(), c.cy() + c.r());
      }
      case Mark.Path p -> p.segments().forEach(s -> {
        for (int i = 0; i + 1 < s.xy().length; i += 2) {
          add(s.xy()[i], s.xy()[i + 1]);
        }
      });
      case Mark.Text t -> {
        double top = t.baseline() - 0.75 * t.lineHeight();
        for (Mark.Line l : t.lines()) {
          double left = t.centred() ? t.x() - l.width() / 2 : t.x();
          add(left, top);
          add(left + l.width(), top + t.lineHeight());
          top += t.lineHeight();
        }
      }
    }
  }

  private void add(double x, double y) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
}
