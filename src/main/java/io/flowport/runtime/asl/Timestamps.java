package io.flowport.runtime.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** ASL timestamps: RFC 3339 with an upper-case T and a zone (Z or an offset), as Step Functions requires. */
public final class Timestamps {

  private static final Pattern RFC3339 =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");

  /** The timestamp, or null when the value is not one. */
  public static OffsetDateTime parse(JsonNode node) {
    return node != null && node.isTextual() ? parse(node.textValue()) : null;
  }

  /** The timestamp, or null when the text is not one. */
  public static OffsetDateTime parse(String text) {
    if (text == null || !RFC3339.matcher(text).matches()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  public static boolean isRfc3339(String text) {
    return parse(text) != null;
  }

  private Timestamps() {}
}
