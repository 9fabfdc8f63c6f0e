package io.flowport.runtime.airflow.jinja;

import java.util.ArrayList;
import java.util.List;

/**
 * The template source as Jinja lexes it (newlines normalised to \n, one trailing newline dropped
 * because Airflow keeps Jinja's keep_trailing_newline=False) plus offset to line/column mapping.
 */
final class SourceText {

  final String text;
  private final int[] lineStarts;

  SourceText(String raw) {
    String s = raw.replace("\r\n", "\n").replace('\r', '\n');
    if (s.endsWith("\n")) {
      s = s.substring(0, s.length() - 1);
    }
    this.text = s;
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
  }

  int line(int offset) {
    int lo = 0;
    int hi = lineStarts.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (lineStarts[mid] <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo + 1;
  }

  int column(int offset) {
    return offset - lineStarts[line(offset) - 1] + 1;
  }

  TemplateSyntaxException error(String message, int offset) {
    return new TemplateSyntaxException("TemplateSyntaxError", message, line(offset), column(offset));
  }

  TemplateSyntaxException unsupported(String message, int offset) {
    return new TemplateSyntaxException("NotImplementedError", message, line(offset), column(offset));
  }
}
