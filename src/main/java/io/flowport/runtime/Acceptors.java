package io.flowport.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates AWS SDK waiter acceptors against a poll response: the first acceptor that matches
 * decides; when none does, the wait goes on.
 */
public final class Acceptors {

  public enum State { SUCCESS, FAILURE, RETRY, PENDING }

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.\\[\\]]+)}");

  public static State evaluate(JsonNode acceptors, JsonNode response) {
    for (JsonNode a : acceptors) {
      List<JsonNode> values = select(response, a.path("argument").asText());
      JsonNode expected = a.path("expected");
      boolean match = switch (a.path("matcher").asText()) {
        case "path" -> values.size() == 1 && matches(values.get(0), expected);
        case "pathAll" -> !values.isEmpty() && values.stream().allMatch(v -> matches(v, expected));
        case "pathAny" -> values.stream().anyMatch(v -> matches(v, expected));
        default -> throw new IllegalArgumentException("unknown matcher " + a.path("matcher").asText());
      };
      if (match) {
        return State.valueOf(a.path("state").asText().toUpperCase());
      }
    }
    return State.PENDING;
  }

  /** Values at a dotted path; {@code Steps[].Status.State} projects over a list. */
  static List<JsonNode> select(JsonNode root, String path) {
    List<JsonNode> current = new ArrayList<>(List.of(root));
    for (String part : path.split("\\.")) {
      boolean project = part.endsWith("[]");
      String key = project ? part.substring(0, part.length() - 2) : part;
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode n : current) {
        JsonNode v = n.path(key);
        if (v.isMissingNode() || v.isNull()) {
          continue;
        }
        if (project) {
          v.forEach(next::add);
        } else {
          next.add(v);
        }
      }
      current = next;
    }
    return current;
  }

  private static boolean matches(JsonNode value, JsonNode expected) {
    if (expected.isArray()) {
      for (JsonNode e : expected) {
        if (e.equals(value) || e.asText().equals(value.asText()) && value.isValueNode()) {
          return true;
        }
      }
      return false;
    }
    return expected.equals(value) || value.isValueNode() && expected.asText().equals(value.asText());
  }

  /** Fills {@code {Dotted.Path}} placeholders from the response; a missing value reads "None". */
  public static String message(String template, JsonNode response) {
    if (template == null) {
      return null;
    }
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      List<JsonNode> v = select(response, m.group(1));
      String text = v.isEmpty() ? "None" : v.get(0).isValueNode() ? v.get(0).asText() : v.get(0).toString();
      m.appendReplacement(out, Matcher.quoteReplacement(text));
    }
    m.appendTail(out);
    return out.toString();
  }

  private Acceptors() {}
}
