package io.flowport.bpmn;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The size bpmn-js gives an external label (events, gateways, sequence flows): 11px Arial, wrapped
 * at 90px, 1.2 line height. Layout reserves exactly that space, so label bounds in the DI match
 * the drawn text and do not overlap anything. The pictures ({@code io.flowport.picture}) wrap
 * names with the same lines, so what they draw fits what the layout reserved.
 */
public final class LabelText {

  /** bpmn-js's font sizes: external labels, and names inside tasks and subprocesses. */
  public static final double EXTERNAL_SIZE = 11;
  public static final double EMBEDDED_SIZE = 12;
  public static final double LINE_SPACING = 1.2;
  public static final double MAX_WIDTH = 90;
  static final double LINE_HEIGHT = EXTERNAL_SIZE * LINE_SPACING;
  /** Chromium kerns a little; a pixel or two keeps bpmn-js from wrapping a line earlier than here. */
  private static final double SLACK = 2;
  private static final String SOFT_BREAK = "\u00AD";

  /** Arial advance widths (1/1000 em) for ASCII 32..126; Liberation Sans, Chromium's Arial on Linux, matches them. */
  private static final int[] WIDTHS = {
      278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space ! " # $ % & ' ( ) * + , - . /
      556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0-9 : ; < = > ?
      1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ A-O
      667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P-Z [ \ ] ^ _
      333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` a-o
      556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584}; // p-z { | } ~

  private LabelText() {}

  /**
   * Width and height of the label's text box: the text wrapped at 90px as Modeler does, then the
   * narrowest width at which bpmn-js, which re-wraps at the label's own width, gets the same lines.
   */
  static double[] size(String text) {
    List<Double> lines = layout(text, MAX_WIDTH);
    double w = Math.ceil(lines.stream().mapToDouble(Double::doubleValue).max().orElse(0)) + SLACK;
    while (w < MAX_WIDTH && layout(text, w).size() > lines.size()) {
      w++;
    }
    return new double[] {w, Math.ceil(lines.size() * LINE_HEIGHT)};
  }

  /** The widths of the lines diagram-js's text layout (util/Text.js) makes at this width. */
  static List<Double> layout(String text, double maxWidth) {
    return lines(text, maxWidth, EXTERNAL_SIZE).stream().map(Line::width).toList();
  }

  /** One line of wrapped text and its width in pixels. */
  public record Line(String text, double width) {}

  /** The lines diagram-js's text layout (util/Text.js) makes of the text at this width and font size. */
  public static List<Line> lines(String text, double maxWidth, double fontSize) {
    Deque<String> pending = new ArrayDeque<>(List.of(text.split("\u00AD?\r?\n", -1)));
    List<Line> lines = new ArrayList<>();
    while (!pending.isEmpty()) {
      String original = pending.pop();
      String fit = original;
      double w;
      while (true) {
        w = width(fit.stripTrailing(), fontSize);
        if (fit.equals(" ") || fit.isEmpty() || w <= maxWidth || fit.length() < 2) {
          break;
        }
        fit = shorten(fit, w, maxWidth);
      }
      if (fit.length() < original.length()) {
        pending.push(original.substring(fit.length()).trim());
      }
      lines.add(new Line(fit.stripTrailing(), w));
    }
    return lines;
  }

  // diagram-js guesses how many characters fit from the width ratio and cuts at a space or hyphen
  // before that; failing that, inside the word.
  private static String shorten(String line, double width, double maxWidth) {
    double length = Math.max(line.length() * (maxWidth / width), 1);
    String cut = semanticShorten(line, length);
    return cut.isEmpty() ? line.substring(0, (int) Math.max(Math.round(length - 1), 1)) : cut;
  }

  private static String semanticShorten(String line, double maxLength) {
    List<String> parts = splitKeepingBreaks(line);
    List<String> kept = new ArrayList<>();
    int length = 0;
    if (parts.size() > 1) {
      for (String part : parts) {
        if (part.isEmpty()) {
          break;
        }
        if (part.length() + length < maxLength) {
          kept.add(part);
          length += part.length();
        } else {
          if ((part.equals("-") || part.equals(SOFT_BREAK)) && !kept.isEmpty()) {
            kept.remove(kept.size() - 1);
          }
          break;
        }
      }
    }
    if (!kept.isEmpty() && kept.get(kept.size() - 1).equals(SOFT_BREAK)) {
      kept.set(kept.size() - 1, "-");
    }
    return String.join("", kept);
  }

  /** JavaScript's {@code line.split(/(\s|-|\u00AD)/g)}: the pieces and, between them, the breaks. */
  private static List<String> splitKeepingBreaks(String line) {
    List<String> parts = new ArrayList<>();
    int from = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (Character.isWhitespace(c) || c == '-' || c == '\u00AD') {
        parts.add(line.substring(from, i));
        parts.add(String.valueOf(c));
        from = i + 1;
      }
    }
    parts.add(line.substring(from));
    return parts;
  }

  /** The width of the text in Arial at this size, in pixels. */
  public static double width(String s, double fontSize) {
    double w = 0;
    for (char c : s.toCharArray()) {
      w += (c >= 32 && c <= 126 ? WIDTHS[c - 32] : 556) * (fontSize / 1000.0);
    }
    return w;
  }
}
