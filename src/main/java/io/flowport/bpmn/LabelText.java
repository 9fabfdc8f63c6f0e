package io.flowport.bpmn;

import java.util.ArrayList;
import java.util.List;

/**
 * The size bpmn-js gives an external label (events, gateways, sequence flows): 11px Arial, wrapped
 * at 90px, 1.2 line height. Layout reserves exactly that space, so label bounds in the DI match
 * the drawn text and do not overlap anything.
 */
final class LabelText {

  static final double MAX_WIDTH = 90;
  static final double LINE_HEIGHT = 11 * 1.2;
  private static final double FONT = 11 / 1000.0;

  /** Arial advance widths (1/1000 em) for ASCII 32..126; Liberation Sans, Chromium's Arial on Linux, matches them. */
  private static final int[] WIDTHS = {
      278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space ! " # $ % & ' ( ) * + , - . /
      556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0-9 : ; < = > ?
      1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ A-O
      667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P-Z [ \ ] ^ _
      333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` a-o
      556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584}; // p-z { | } ~

  private LabelText() {}

  /** Width and height of the label's text box. */
  static double[] size(String text) {
    List<Double> lines = lines(text);
    double w = lines.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    return new double[] {Math.ceil(w), Math.ceil(lines.size() * LINE_HEIGHT)};
  }

  /** Line widths after greedy word wrapping, as diagram-js's text layout does. */
  private static List<Double> lines(String text) {
    List<Double> lines = new ArrayList<>();
    double line = -1;
    for (String word : text.trim().split("\\s+")) {
      double w = width(word);
      double joined = line < 0 ? w : line + width(" ") + w;
      if (joined <= MAX_WIDTH || line < 0) {
        line = joined;
      } else {
        lines.add(line);
        line = w;
      }
      // A word wider than the box is broken inside.
      while (line > MAX_WIDTH) {
        lines.add(MAX_WIDTH);
        line -= MAX_WIDTH;
      }
    }
    lines.add(Math.max(line, 0));
    return lines;
  }

  static double width(String s) {
    double w = 0;
    for (char c : s.toCharArray()) {
      w += (c >= 32 && c <= 126 ? WIDTHS[c - 32] : 556) * FONT;
    }
    return w;
  }
}
