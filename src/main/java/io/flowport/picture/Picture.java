package io.flowport.picture;

import java.util.List;

/**
 * A diagram ready to be written as SVG or PNG: its figures in painting order and the area to
 * show, {@code x, y, width, height} in diagram coordinates (the DI's pixels).
 */
public record Picture(double x, double y, double width, double height, List<Figure> figures) {

  /** White space around the diagram. */
  public static final double MARGIN = 20;
}
