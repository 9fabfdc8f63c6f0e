package io.flowport.asl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A simple JSONPath ({@code $}, {@code $.a.b}, {@code $['a']}, {@code $.a[0]}) split into steps,
 * for static checks. Paths with wildcards, filters or deep scans are not simple; the check skips
 * them rather than guess.
 */
record RefPath(List<Object> steps) {

  static Optional<RefPath> parse(String path) {
    if (path == null || !path.startsWith("$") || path.startsWith("$$")) {
      return Optional.empty();
    }
    List<Object> steps = new ArrayList<>();
    int i = 1;
    while (i < path.length()) {
      char c = path.charAt(i);
      if (c == '.') {
        int j = i + 1;
        while (j < path.length() && path.charAt(j) != '.' && path.charAt(j) != '[') {
          j++;
        }
        String key = path.substring(i + 1, j);
        if (key.isEmpty() || key.equals("*") || key.contains("(")) {
          return Optional.empty();
        }
        steps.add(key);
        i = j;
      } else if (c == '[') {
        int close = path.indexOf(']', i);
        if (close < 0) {
          return Optional.empty();
        }
        String inner = path.substring(i + 1, close).trim();
        if (inner.matches("\\d+")) {
          steps.add(Integer.parseInt(inner));
        } else if (inner.length() >= 2 && (inner.startsWith("'") && inner.endsWith("'") || inner.startsWith("\"") && inner.endsWith("\""))) {
          steps.add(inner.substring(1, inner.length() - 1));
        } else {
          return Optional.empty();
        }
        i = close + 1;
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(new RefPath(steps));
  }
}
