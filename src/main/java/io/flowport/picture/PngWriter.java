package io.flowport.picture;

import io.flowport.picture.Mark.Segment;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * A picture as PNG, drawn with Java2D off screen: antialiased, on white, {@code scale} pixels per
 * diagram pixel. Text uses the logical font SansSerif, so glyphs differ between machines; a line
 * wider than Arial's width of it is squeezed to that width, so it stays where the SVG has it.
 */
public final class PngWriter {

  /** Pixels per diagram pixel by default: sharper than the DI's 1:1 on today's screens. */
  public static final double SCALE = 1.5;
  /** The most pixels on a side; a larger diagram is drawn smaller to fit (common viewers stop near here). */
  public static final int MAX_SIDE = 16_384;
  /** The most pixels in all, about 256 MB of image memory. */
  public static final long MAX_PIXELS = 64L * 1024 * 1024;

  static {
    // No display is needed or wanted: a CLI on a server has none.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private PngWriter() {}

  /** The PNG file's bytes. */
  public static byte[] png(Picture p, double scale) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ImageIO.write(image(p, scale), "png", bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The scale the picture is drawn at: {@code scale}, or less when the image would be too large. */
  public static double fit(Picture p, double scale) {
    double s = Math.min(scale, Math.min(MAX_SIDE / p.width(), MAX_SIDE / p.height()));
    return Math.min(s, Math.sqrt(MAX_PIXELS / (p.width() * p.height())));
  }

  public static BufferedImage image(Picture p, double scale) {
    double s = fit(p, scale);
    int w = Math.max(1, (int) Math.ceil(p.width() * s - 1e-9));
    int h = Math.max(1, (int) Math.ceil(p.height() * s - 1e-9));
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.setColor(color(Ink.PAPER));
      g.fillRect(0, 0, w, h);
      g.scale(s, s);
      g.translate(-p.x(), -p.y());
      for (Figure f : p.figures()) {
        for (Mark m : f.marks()) {
          draw(g, m);
        }
      }
    } finally {
      g.dispose();
    }
    return img;
  }

  private static void draw(Graphics2D g, Mark m) {
    switch (m) {
      case Mark.Box b -> paint(g, b.r() > 0 ? new RoundRectangle2D.Double(b.x(), b.y(), b.w(), b.h(), 2 * b.r(), 2 * b.r())
          : new Rectangle2D.Double(b.x(), b.y(), b.w(), b.h()), b.style());
      case Mark.Circle c -> paint(g, new Ellipse2D.Double(c.cx() - c.r(), c.cy() - c.r(), 2 * c.r(), 2 * c.r()), c.style());
      case Mark.Path p -> paint(g, path(p), p.style());
      case Mark.Text t -> text(g, t);
    }
  }

  private static Shape path(Mark.Path p) {
    Path2D.Double path = new Path2D.Double();
    for (Segment s : p.segments()) {
      double[] a = s.xy();
      switch (s.op()) {
        case 'M' -> path.moveTo(a[0], a[1]);
        case 'L' -> path.lineTo(a[0], a[1]);
        case 'Q' -> path.quadTo(a[0], a[1], a[2], a[3]);
        case 'Z' -> path.closePath();
        default -> throw new IllegalStateException("path command " + s.op());
      }
    }
    return path;
  }

  private static void paint(Graphics2D g, Shape shape, Style s) {
    if (s.fill() != Ink.NONE) {
      g.setColor(color(s.fill()));
      g.fill(shape);
    }
    if (s.stroke() != Ink.NONE) {
      g.setColor(color(s.stroke()));
      // SVG's defaults: butt caps, mitred joins with limit 4.
      float[] dash = s.dash() == null ? null : dashes(s.dash());
      g.setStroke(new BasicStroke((float) s.width(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 4f, dash, 0f));
      g.draw(shape);
    }
  }

  private static void text(Graphics2D g, Mark.Text t) {
    Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 1).deriveFont((float) t.size());
    g.setFont(font);
    g.setColor(color(Ink.LINE));
    FontRenderContext frc = g.getFontRenderContext();
    double y = t.baseline();
    for (Mark.Line l : t.lines()) {
      double actual = font.getStringBounds(l.text(), frc).getWidth();
      double squeeze = actual > l.width() && actual > 0 ? l.width() / actual : 1;
      double left = t.centred() ? t.x() - actual * squeeze / 2 : t.x();
      AffineTransform saved = g.getTransform();
      g.translate(left, y);
      g.scale(squeeze, 1);
      g.drawString(l.text(), 0f, 0f);
      g.setTransform(saved);
      y += t.lineHeight();
    }
  }

  private static float[] dashes(String dash) {
    String[] parts = dash.trim().split("[ ,]+");
    float[] out = new float[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = Float.parseFloat(parts[i]);
    }
    return out;
  }

  private static Color color(Ink ink) {
    return new Color(ink.rgb);
  }
}
