package io.flowport.runtime.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Values a Wait, Fail or Task state takes from its input: how long to wait, which error to raise, time limits. */
public final class StateValues {

  private static final Intrinsics INTRINSICS = Intrinsics.standard();

  /** The error and cause of a Fail state; either may be null, as in ASL. */
  public record Failure(String error, String cause) {}

  /**
   * How long a Wait state with SecondsPath, Timestamp or TimestampPath waits from {@code now};
   * a timestamp in the past waits for nothing, as in Step Functions.
   */
  public static Duration waitFor(JsonNode state, JsonNode input, ContextObject ctx, Instant now) {
    if (state.has("SecondsPath")) {
      JsonNode seconds = PayloadTemplate.readField(state.get("SecondsPath").asText(), input, ctx, "SecondsPath");
      if (!seconds.isIntegralNumber() || !seconds.canConvertToLong() || seconds.asLong() < 0) {
        throw invalid(state, "SecondsPath", seconds, "a non-negative integer");
      }
      return Duration.ofSeconds(seconds.asLong());
    }
    OffsetDateTime until;
    if (state.has("TimestampPath")) {
      JsonNode ts = PayloadTemplate.readField(state.get("TimestampPath").asText(), input, ctx, "TimestampPath");
      until = Timestamps.parse(ts);
      if (until == null) {
        throw invalid(state, "TimestampPath", ts, "an RFC 3339 timestamp");
      }
    } else {
      until = Timestamps.parse(state.path("Timestamp").asText(null));
    }
    if (until == null) {
      throw new IllegalArgumentException("Wait state without a data-dependent duration: " + state);
    }
    Duration d = Duration.between(now, until.toInstant());
    return d.isNegative() ? Duration.ZERO : d;
  }

  /**
   * A Task state's TimeoutSecondsPath or HeartbeatSecondsPath, read from the state's input (not
   * the Parameters' output): a positive integer of seconds, else States.Runtime. Null when absent.
   */
  public static Duration limit(JsonNode state, String pathField, JsonNode input, ContextObject ctx) {
    if (!state.has(pathField)) {
      return null;
    }
    JsonNode seconds = PayloadTemplate.readField(state.get(pathField).asText(), input, ctx, pathField);
    if (!seconds.isIntegralNumber() || !seconds.canConvertToLong() || seconds.asLong() <= 0) {
      throw invalid(state, pathField, seconds, "a positive integer");
    }
    return Duration.ofSeconds(seconds.asLong());
  }

  /** The error and cause of a Fail state, ErrorPath and CausePath evaluated against its input. */
  public static Failure failure(JsonNode state, JsonNode input, ContextObject ctx) {
    return new Failure(text(state, "Error", "ErrorPath", input, ctx), text(state, "Cause", "CausePath", input, ctx));
  }

  private static String text(JsonNode state, String field, String pathField, JsonNode input, ContextObject ctx) {
    if (!state.has(pathField)) {
      return state.path(field).asText(null);
    }
    String expression = state.get(pathField).asText();
    JsonNode v = Intrinsics.isIntrinsic(expression) ? INTRINSICS.evaluate(expression, input, ctx, pathField)
        : PayloadTemplate.readField(expression, input, ctx, pathField);
    if (!v.isTextual()) {
      throw invalid(state, pathField, v, "a string");
    }
    return v.textValue();
  }

  private static AslRuntimeException invalid(JsonNode state, String field, JsonNode value, String expected) {
    return AslRuntimeException.runtime("The JSONPath '" + state.get(field).asText() + "' specified for the field '" + field
        + "' returned " + Json.compact(value) + ", but it must be " + expected);
  }

  private StateValues() {}
}
