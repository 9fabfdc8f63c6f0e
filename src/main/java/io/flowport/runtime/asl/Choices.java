package io.flowport.runtime.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Picks the next state of a Choice state (JSONPath rules): the first rule that matches wins, else
 * Default. Pass the Choice state's effective input (after its InputPath).
 */
public final class Choices {

  /**
   * AWS fails a Choice state that matches nothing and has no Default with {@code States.Runtime} and
   * this cause, not with the spec's {@code States.NoChoiceMatched}.
   */
  public static final String NO_MATCH_CAUSE =
      "Failed to transition out of the state. The state does not point to a next state.";

  private static final Set<String> NOT_OPERATORS = Set.of("Variable", "Next", "Comment", "Assign");

  private Choices() {}

  /**
   * The state a Choice goes to and the Assign that goes with it: the matching rule's own, or for
   * Default the state's top-level Assign (null when there is none).
   */
  public record Decision(String next, JsonNode assign) {}

  public static String next(JsonNode choiceState, JsonNode input, ContextObject ctx) {
    return decide(choiceState, input, ctx).next();
  }

  public static Decision decide(JsonNode choiceState, JsonNode input, ContextObject ctx) {
    for (JsonNode rule : choiceState.path("Choices")) {
      if (matches(rule, input, ctx)) {
        return new Decision(rule.path("Next").asText(), rule.get("Assign"));
      }
    }
    JsonNode fallback = choiceState.get("Default");
    if (fallback != null && fallback.isTextual()) {
      return new Decision(fallback.textValue(), choiceState.get("Assign"));
    }
    throw AslRuntimeException.runtime(NO_MATCH_CAUSE);
  }

  /** Evaluates one rule (And/Or/Not or a comparison) against the input. */
  public static boolean matches(JsonNode rule, JsonNode input, ContextObject ctx) {
    if (rule.has("And")) {
      for (JsonNode r : rule.get("And")) {
        if (!matches(r, input, ctx)) {
          return false;
        }
      }
      return true;
    }
    if (rule.has("Or")) {
      for (JsonNode r : rule.get("Or")) {
        if (matches(r, input, ctx)) {
          return true;
        }
      }
      return false;
    }
    if (rule.has("Not")) {
      return !matches(rule.get("Not"), input, ctx);
    }
    String variable = rule.path("Variable").asText();
    Map.Entry<String, JsonNode> op = operator(rule);
    Optional<JsonNode> value = lookup(variable, input, ctx);
    if (op.getKey().equals("IsPresent")) {
      return value.isPresent() == op.getValue().asBoolean();
    }
    JsonNode actual = value.orElseThrow(() -> invalidPath(variable));
    String name = op.getKey();
    JsonNode expected = op.getValue();
    if (name.endsWith("Path")) {
      String path = expected.asText();
      expected = lookup(path, input, ctx).orElseThrow(() -> invalidPath(path));
      name = name.substring(0, name.length() - "Path".length());
    }
    return ChoiceOperators.test(name, actual, expected);
  }

  private static Map.Entry<String, JsonNode> operator(JsonNode rule) {
    for (Map.Entry<String, JsonNode> e : rule.properties()) {
      if (!NOT_OPERATORS.contains(e.getKey())) {
        return e;
      }
    }
    throw AslRuntimeException.runtime("The choice rule has no comparison operator: " + Json.compact(rule));
  }

  private static Optional<JsonNode> lookup(String path, JsonNode input, ContextObject ctx) {
    try {
      return Optional.of(JsonPaths.find(path, input, ctx));
    } catch (JsonPaths.NotFound e) {
      return Optional.empty();
    }
  }

  private static AslRuntimeException invalidPath(String path) {
    return AslRuntimeException.runtime(
        "Invalid path '" + path + "': The choice state's condition path references an invalid value.");
  }
}
