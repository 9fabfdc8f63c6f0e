package io.flowport.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** EMR's timestamps as the SDK's JSON gives them, to the millisecond (as EMR's own listings compare them). */
public final class EmrTimes {

  /** Epoch seconds (the SDK's JSON) or ISO-8601 text; null when neither. */
  public static Instant instant(JsonNode n) {
    if (n.isNumber()) {
      return Instant.ofEpochMilli(Math.round(n.asDouble() * 1000));
    }
    try {
      return n.isTextual() ? Instant.parse(n.asText()) : null;
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  private EmrTimes() {}
}
