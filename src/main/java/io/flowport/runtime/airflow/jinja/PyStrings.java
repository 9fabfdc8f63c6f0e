package io.flowport.runtime.airflow.jinja;

import java.util.ArrayList;
import java.util.List;

/** Python's str.strip, str.split and str.replace, whose edge cases differ from Java's. */
final class PyStrings {

  private PyStrings() {}

  /** chars == null strips whitespace (str.isspace). */
  static String strip(String s, String chars, boolean left, boolean right) {
    int start = 0;
    int end = s.length();
    while (left && start < end && strips(s.charAt(start), chars)) {
      start++;
    }
    while (right && end > start && strips(s.charAt(end - 1), chars)) {
      end--;
    }
    return s.substring(start, end);
  }

  private static boolean strips(char c, String chars) {
    return chars == null ? Lexer.isSpace(c) : chars.indexOf(c) >= 0;
  }

  /** sep == null splits on runs of whitespace and drops empty strings. */
  static List<Object> split(String s, String sep, long maxsplit) {
    List<Object> out = new ArrayList<>();
    if (sep == null) {
      int i = 0;
      int n = s.length();
      while (true) {
        while (i < n && Lexer.isSpace(s.charAt(i))) {
          i++;
        }
        if (i >= n) {
          return out;
        }
        if (maxsplit >= 0 && out.size() == maxsplit) {
          out.add(Lexer.rstrip(s.substring(i)));
          return out;
        }
        int j = i;
        while (j < n && !Lexer.isSpace(s.charAt(j))) {
          j++;
        }
        out.add(s.substring(i, j));
        i = j;
      }
    }
    if (sep.isEmpty()) {
      throw TemplateRenderException.valueError("empty separator");
    }
    int from = 0;
    while (maxsplit < 0 || out.size() < maxsplit) {
      int idx = s.indexOf(sep, from);
      if (idx < 0) {
        break;
      }
      out.add(s.substring(from, idx));
      from = idx + sep.length();
    }
    out.add(s.substring(from));
    return out;
  }

  static String replace(String s, String old, String replacement, long count) {
    if (count < 0) {
      count = Long.MAX_VALUE;
    }
    StringBuilder sb = new StringBuilder();
    if (old.isEmpty()) {
      // Python inserts the replacement before every character and at the end.
      int[] cps = s.codePoints().toArray();
      long done = 0;
      for (int cp : cps) {
        if (done < count) {
          sb.append(replacement);
          done++;
        }
        sb.appendCodePoint(cp);
      }
      if (done < count) {
        sb.append(replacement);
      }
      return sb.toString();
    }
    int from = 0;
    long done = 0;
    while (done < count) {
      int idx = s.indexOf(old, from);
      if (idx < 0) {
        break;
      }
      sb.append(s, from, idx).append(replacement);
      from = idx + old.length();
      done++;
    }
    return sb.append(s.substring(from)).toString();
  }
}
