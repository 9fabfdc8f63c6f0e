package io.flowport.runtime.asl;

import java.util.ArrayList;
import java.util.List;

/**
 * A reference path parsed into steps: {@code $} (or {@code $$}, or a workflow variable
 * {@code $name}), then {@code .name}, {@code ['name']} or {@code [n]}. Reference paths name one
 * node, so ResultPath can write to it and Choice can read it.
 *
 * @param variable the workflow variable the path starts from, or null
 */
record ReferencePath(String text, boolean context, String variable, List<Object> steps) {

  /** Steps are field names (String) or array indexes (Integer). */
  static ReferencePath parse(String text) {
    if (text == null || !text.startsWith("$")) {
      throw new AslSyntaxException(String.valueOf(text), 0, "A path must start with '$'");
    }
    boolean context = text.startsWith("$$");
    String variable = JsonPaths.isVariablePath(text) ? JsonPaths.variableName(text) : null;
    int i = context ? 2 : variable != null ? 1 + variable.length() : 1;
    List<Object> steps = new ArrayList<>();
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '.') {
        int start = ++i;
        while (i < text.length() && isNameChar(text.charAt(i))) {
          i++;
        }
        if (i == start) {
          throw new AslSyntaxException(text, start, "Expected a field name");
        }
        steps.add(text.substring(start, i));
      } else if (c == '[') {
        i = bracket(text, i + 1, steps);
      } else {
        throw new AslSyntaxException(text, i,
            "Reference paths allow only .name, ['name'] and [n] steps, found '" + c + "'");
      }
    }
    return new ReferencePath(text, context, variable, List.copyOf(steps));
  }

  private static int bracket(String text, int i, List<Object> steps) {
    if (i < text.length() && (text.charAt(i) == '\'' || text.charAt(i) == '"')) {
      char quote = text.charAt(i);
      StringBuilder name = new StringBuilder();
      int j = i + 1;
      while (j < text.length() && text.charAt(j) != quote) {
        if (text.charAt(j) == '\\' && j + 1 < text.length()) {
          j++;
        }
        name.append(text.charAt(j++));
      }
      if (j + 1 >= text.length() || text.charAt(j + 1) != ']') {
        throw new AslSyntaxException(text, i, "Unclosed bracket field name");
      }
      steps.add(name.toString());
      return j + 2;
    }
    int j = i;
    while (j < text.length() && Character.isDigit(text.charAt(j))) {
      j++;
    }
    if (j == i || j >= text.length() || text.charAt(j) != ']') {
      throw new AslSyntaxException(text, i,
          "Reference paths allow only ['name'] or a non-negative [n] inside brackets");
    }
    steps.add(Integer.parseInt(text.substring(i, j)));
    return j + 1;
  }

  private static boolean isNameChar(char c) {
    return !Character.isWhitespace(c) && ".[]'\"*@?(),:$".indexOf(c) < 0;
  }
}
