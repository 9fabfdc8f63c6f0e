package io.flowport.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Small helpers to read state definitions. */
final class AslStates {

  /** Where control can go from a state: Next, each Choice rule's Next, and Default, in order. */
  static List<String> successors(JsonNode state) {
    List<String> out = new ArrayList<>();
    if (state.has("Next")) {
      out.add(state.get("Next").asText());
    }
    for (JsonNode rule : state.path("Choices")) {
      add(out, rule.path("Next").asText());
    }
    if (state.has("Default")) {
      add(out, state.get("Default").asText());
    }
    for (JsonNode catcher : state.path("Catch")) {
      add(out, catcher.path("Next").asText());
    }
    return out;
  }

  private static void add(List<String> out, String name) {
    if (!name.isEmpty() && !out.contains(name)) {
      out.add(name);
    }
  }

  /** A path field as a header value: absent → null (default), JSON null → "null", else the path. */
  static String pathHeader(JsonNode state, String field) {
    if (!state.has(field)) {
      return null;
    }
    JsonNode v = state.get(field);
    return v.isNull() ? "null" : v.asText();
  }

  static String type(JsonNode state) {
    return state.path("Type").asText();
  }

  private AslStates() {}
}
