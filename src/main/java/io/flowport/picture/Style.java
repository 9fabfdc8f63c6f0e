package io.flowport.picture;

/** How a mark is stroked and filled; {@code dash} is an SVG dash array ("4 3") or null. */
public record Style(Ink stroke, double width, Ink fill, String dash) {

  static Style line(double width) {
    return new Style(Ink.LINE, width, Ink.NONE, null);
  }

  /** A closed outline on white, which hides what is behind it. */
  static Style outline(double width) {
    return new Style(Ink.LINE, width, Ink.PAPER, null);
  }

  static Style solid() {
    return new Style(Ink.NONE, 0, Ink.LINE, null);
  }

  Style dashed(String dashArray) {
    return new Style(stroke, width, fill, dashArray);
  }

  Style filled(Ink ink) {
    return new Style(stroke, width, ink, dash);
  }
}
