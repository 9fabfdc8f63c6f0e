package io.flowport.airflow.parse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.treesitter.TSNode;

/**
 * Evaluated call arguments: positional ones after {@code *} expansion and keyword ones after
 * {@code **} expansion, each with the node it was written at.
 */
record CallArgs(List<Passed> positional, Map<String, Passed> keywords) {

  static final CallArgs NONE = new CallArgs(List.of(), Map.of());

  /**
   * {@code node} is the value's expression (or the {@code *}/{@code **} splat it came from);
   * {@code argument} is where the whole argument is written ({@code name=value}).
   */
  record Passed(Obj value, TSNode node, TSNode argument) {}

  CallArgs {
    positional = List.copyOf(positional);
    keywords = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keywords));
  }

  Passed keyword(String name) {
    return keywords.get(name);
  }

  /** The argument passed at {@code index} or as {@code name}, or null. */
  Passed get(int index, String name) {
    Passed byName = keywords.get(name);
    if (byName != null) {
      return byName;
    }
    return index >= 0 && index < positional.size() ? positional.get(index) : null;
  }
}
