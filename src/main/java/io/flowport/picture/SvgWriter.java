package io.flowport.picture;

import io.flowport.picture.Mark.Segment;

/**
 * A picture as SVG text: one {@code <g>} per BPMN element with the element's id, so tools and
 * tests find it. The same picture always gives the same bytes: numbers have at most two decimals
 * in one fixed format, and nothing depends on the time or the machine.
 */
public final class SvgWriter {

  /** Arial is the font the labels were measured in; any sans-serif is the fallback. */
  static final String FONT = "Arial, sans-serif";

  private final StringBuilder out = new StringBuilder();

  private SvgWriter() {}

  public static String svg(Picture p) {
    SvgWriter w = new SvgWriter();
    w.out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    w.out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(num(p.width())).append("\" height=\"")
        .append(num(p.height())).append("\" viewBox=\"").append(num(p.x())).append(' ').append(num(p.y())).append(' ')
        .append(num(p.width())).append(' ').append(num(p.height())).append("\" font-family=\"").append(FONT)
        .append("\">\n");
    w.out.append("<rect x=\"").append(num(p.x())).append("\" y=\"").append(num(p.y())).append("\" width=\"")
        .append(num(p.width())).append("\" height=\"").append(num(p.height())).append("\" fill=\"")
        .append(Ink.PAPER.svg).append("\"/>\n");
    for (Figure f : p.figures()) {
      w.out.append("<g id=\"").append(escape(f.id())).append("\" class=\"").append(escape(f.type())).append("\">\n");
      f.marks().forEach(w::mark);
      w.out.append("</g>\n");
    }
    w.out.append("</svg>\n");
    return w.out.toString();
  }

  private void mark(Mark m) {
    switch (m) {
      case Mark.Box b -> {
        out.append("<rect x=\"").append(num(b.x())).append("\" y=\"").append(num(b.y())).append("\" width=\"")
            .append(num(b.w())).append("\" height=\"").append(num(b.h())).append('"');
        if (b.r() > 0) {
          out.append(" rx=\"").append(num(b.r())).append('"');
        }
        style(b.style());
      }
      case Mark.Circle c -> {
        out.append("<circle cx=\"").append(num(c.cx())).append("\" cy=\"").append(num(c.cy())).append("\" r=\"")
            .append(num(c.r())).append('"');
        style(c.style());
      }
      case Mark.Path p -> {
        out.append("<path d=\"");
        for (Segment s : p.segments()) {
          out.append(s.op());
          for (int i = 0; i < s.xy().length; i++) {
            out.append(i == 0 ? "" : " ").append(num(s.xy()[i]));
          }
        }
        out.append('"');
        style(p.style());
      }
      case Mark.Text t -> text(t);
    }
  }

  private void style(Style s) {
    out.append(" fill=\"").append(s.fill().svg).append('"');
    if (s.stroke() != Ink.NONE) {
      out.append(" stroke=\"").append(s.stroke().svg).append("\" stroke-width=\"").append(num(s.width())).append('"');
      if (s.dash() != null) {
        out.append(" stroke-dasharray=\"").append(s.dash()).append('"');
      }
    }
    out.append("/>\n");
  }

  private void text(Mark.Text t) {
    out.append("<text font-size=\"").append(num(t.size())).append("\" fill=\"").append(Ink.LINE.svg).append('"');
    if (t.centred()) {
      out.append(" text-anchor=\"middle\"");
    }
    out.append('>');
    double y = t.baseline();
    for (Mark.Line l : t.lines()) {
      out.append("<tspan x=\"").append(num(t.x())).append("\" y=\"").append(num(y)).append("\">").append(escape(l.text()))
          .append("</tspan>");
      y += t.lineHeight();
    }
    out.append("</text>\n");
  }

  /** At most two decimals, no trailing zeros, no exponent, no "-0": the same text on every machine. */
  static String num(double v) {
    long hundredths = Math.round(v * 100);
    String sign = hundredths < 0 ? "-" : "";
    long a = Math.abs(hundredths);
    long whole = a / 100;
    long frac = a % 100;
    if (frac == 0) {
      return sign + whole;
    }
    return sign + whole + "." + (frac % 10 == 0 ? String.valueOf(frac / 10) : (frac < 10 ? "0" : "") + frac);
  }

  /** XML text or attribute value; characters XML 1.0 cannot hold become spaces. */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        default -> b.append(c < 0x20 || c == 0xFFFE || c == 0xFFFF ? ' ' : c);
      }
    }
    return b.toString();
  }
}
