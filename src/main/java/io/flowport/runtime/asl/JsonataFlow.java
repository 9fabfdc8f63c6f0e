package io.flowport.runtime.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The data flow of a JSONata state (AWS developer guide, "Transforming data with JSONata"):
 * Arguments (default: the state input) is what the task or the branches get; Output (default:
 * the result, or the input where a state has none; a Catcher's: the error output) is the state's
 * output; Assign and Output are both evaluated with the variables as the state found them. The
 * state's JSON carries {@code "QueryLanguage": "JSONata"} (the converter writes it on every
 * JSONata state, inherited or not).
 */
public final class JsonataFlow {

  private JsonataFlow() {}

  /** A state whose fields are JSONata. */
  public static boolean is(JsonNode state) {
    return state != null && "JSONata".equals(state.path("QueryLanguage").asText());
  }

  /**
   * What a Task's integration or a Parallel's branches get: Arguments; without it a Parallel's
   * branches get the state input and a Task no arguments ({@code {}}: the CDK's "Default: No
   * arguments", and LocalStack's state_task and state_parallel).
   */
  public static JsonNode arguments(JsonNode state, JsonNode input, ContextObject ctx) {
    if (state.has("Arguments")) {
      return Jsonata.template(state.get("Arguments"), "Arguments", Jsonata.States.of(input, ctx));
    }
    return "Parallel".equals(state.path("Type").asText()) ? input : Json.NODES.objectNode();
  }

  /** The state output: Output over $states.input and $states.result (null: the state has no result). */
  public static JsonNode output(JsonNode state, JsonNode input, JsonNode result, ContextObject ctx) {
    Jsonata.States states = Jsonata.States.of(input, ctx).withResult(result);
    if (state.has("Output")) {
      return Jsonata.template(state.get("Output"), "Output", states);
    }
    return (result == null ? input : result).deepCopy();
  }

  /** The variables after an Assign (null: none), every value read with the variables the state found. */
  public static ObjectNode assign(JsonNode assign, Jsonata.States states, String name) {
    if (assign == null || !assign.isObject()) {
      return null;
    }
    ObjectNode values = Json.NODES.objectNode();
    for (Map.Entry<String, JsonNode> e : assign.properties()) {
      values.set(e.getKey(), Jsonata.template(e.getValue(), "Assign/" + e.getKey(), states));
    }
    return Variables.store(values, states.ctx(), name);
  }

  /** A Choice's decision: the next state, the output and the Assign that go with the rule taken (or Default). */
  public record Decision(String next, JsonNode output, JsonNode assign) {}

  /** The first rule whose Condition is true, else Default; Output and Assign are the rule's, or the state's for Default. */
  public static Decision choose(JsonNode state, JsonNode input, ContextObject ctx) {
    Jsonata.States states = Jsonata.States.of(input, ctx);
    JsonNode rules = state.path("Choices");
    for (int i = 0; i < rules.size(); i++) {
      JsonNode rule = rules.get(i);
      if (condition(rule.get("Condition"), states)) {
        return new Decision(rule.path("Next").asText(), output(rule, input, null, ctx), rule.get("Assign"));
      }
    }
    JsonNode fallback = state.get("Default");
    if (fallback != null && fallback.isTextual()) {
      return new Decision(fallback.textValue(), output(state, input, null, ctx), state.get("Assign"));
    }
    throw AslRuntimeException.runtime(Choices.NO_MATCH_CAUSE);
  }

  private static boolean condition(JsonNode condition, Jsonata.States states) {
    JsonNode v = Jsonata.template(condition, "Condition", states);
    if (!v.isBoolean()) {
      throw unexpected(condition, "Condition", "boolean", v);
    }
    return v.booleanValue();
  }

  /** A Map's iteration inputs: Items (default: the input, which must be an array), each through ItemSelector. */
  public static ArrayNode items(JsonNode state, JsonNode input, ContextObject ctx) {
    Jsonata.States states = Jsonata.States.of(input, ctx);
    JsonNode items;
    if (state.has("Items")) {
      items = Jsonata.template(state.get("Items"), "Items", states);
      if (!items.isArray()) {
        throw unexpected(state.get("Items"), "Items", "array", items);
      }
    } else {
      items = input;
      if (!items.isArray()) {
        throw AslRuntimeException.runtime("Map state input must be an array but was: " + Json.compact(items));
      }
    }
    ArrayNode out = Json.NODES.arrayNode();
    JsonNode selector = state.get("ItemSelector");
    for (int i = 0; i < items.size(); i++) {
      out.add(selector == null ? items.get(i).deepCopy()
          : Jsonata.template(selector, "ItemSelector", states.withContext(withItem(ctx, i, items.get(i)))));
    }
    return out;
  }

  /** A Map's MaxConcurrency when it is an expression: a non-negative integer. */
  public static int maxConcurrency(JsonNode state, JsonNode input, ContextObject ctx) {
    JsonNode v = Jsonata.template(state.get("MaxConcurrency"), "MaxConcurrency", Jsonata.States.of(input, ctx));
    if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 0) {
      throw unexpected(state.get("MaxConcurrency"), "MaxConcurrency", "non-negative integer", v);
    }
    return v.asInt();
  }

  /** How long a Wait with a Seconds or Timestamp expression waits from {@code now}. */
  public static Duration waitFor(JsonNode state, JsonNode input, ContextObject ctx, Instant now) {
    Jsonata.States states = Jsonata.States.of(input, ctx);
    if (state.has("Seconds")) {
      JsonNode seconds = Jsonata.template(state.get("Seconds"), "Seconds", states);
      if (!seconds.isIntegralNumber() || !seconds.canConvertToLong() || seconds.asLong() < 0) {
        throw unexpected(state.get("Seconds"), "Seconds", "non-negative integer", seconds);
      }
      return Duration.ofSeconds(seconds.asLong());
    }
    JsonNode ts = Jsonata.template(state.get("Timestamp"), "Timestamp", states);
    OffsetDateTime until = Timestamps.parse(ts);
    if (until == null) {
      // AWS's cause (LocalStack's AWS-recorded wait_timestamp_jsonata snapshots).
      throw new AslRuntimeException(Jsonata.QUERY_EVALUATION_ERROR,
          "The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: " + ts.asText(Json.compact(ts)));
    }
    Duration d = Duration.between(now, until.toInstant());
    return d.isNegative() ? Duration.ZERO : d;
  }

  /** A Fail state's Error and Cause, literals or expressions that give strings. */
  public static StateValues.Failure failure(JsonNode state, JsonNode input, ContextObject ctx) {
    Jsonata.States states = Jsonata.States.of(input, ctx);
    return new StateValues.Failure(text(state, "Error", states), text(state, "Cause", states));
  }

  private static String text(JsonNode state, String field, Jsonata.States states) {
    if (!state.has(field)) {
      return null;
    }
    JsonNode v = Jsonata.template(state.get(field), field, states);
    if (!v.isTextual()) {
      throw unexpected(state.get(field), field, "string", v);
    }
    return v.textValue();
  }

  /** A Task's TimeoutSeconds or HeartbeatSeconds when it is an expression: a positive integer. Null when it is not one. */
  public static Duration limit(JsonNode state, String field, JsonNode input, ContextObject ctx) {
    if (!Jsonata.isExpression(state.get(field))) {
      return null;
    }
    JsonNode v = Jsonata.template(state.get(field), field, Jsonata.States.of(input, ctx));
    if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() <= 0) {
      throw unexpected(state.get(field), field, "positive integer", v);
    }
    return Duration.ofSeconds(v.asLong());
  }

  /** A Catcher's output: its Output over $states.input and $states.errorOutput, else the error output. */
  public static JsonNode catchOutput(JsonNode catcher, JsonNode input, JsonNode errorOutput, ContextObject ctx) {
    if (!catcher.has("Output")) {
      return errorOutput.deepCopy();
    }
    return Jsonata.template(catcher.get("Output"), "Output", Jsonata.States.of(input, ctx).withErrorOutput(errorOutput));
  }

  /** AWS's words for a value of the wrong type (its Items cause, LocalStack's AWS-recorded snapshots). */
  private static AslRuntimeException unexpected(JsonNode field, String name, String expected, JsonNode value) {
    String expr = Jsonata.isExpression(field) ? Jsonata.body(field.textValue()) : Json.compact(field);
    return new AslRuntimeException(Jsonata.QUERY_EVALUATION_ERROR, "The JSONata expression '" + expr + "' specified for the field '"
        + name + "' returned an unexpected result type. Expected '" + expected + "', but was '" + type(value) + "' for value: "
        + Json.compact(value));
  }

  private static String type(JsonNode v) {
    return v.isNull() ? "null" : v.isBoolean() ? "boolean" : v.isNumber() ? "number" : v.isTextual() ? "string"
        : v.isArray() ? "array" : "object";
  }

  private static ContextObject withItem(ContextObject ctx, int index, JsonNode value) {
    ObjectNode json = ctx.json().deepCopy();
    ObjectNode item = json.putObject("Map").putObject("Item");
    item.put("Index", index);
    item.set("Value", value);
    return new ContextObject(json, ctx.variables());
  }
}
