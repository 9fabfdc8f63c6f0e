package io.flowport.runtime.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;

/** Comparison operators of Choice rules; a value of the wrong type makes the comparison false. */
final class ChoiceOperators {

  /** RFC 3339 as AWS accepts it: uppercase T, and Z or a numeric offset. */
  private ChoiceOperators() {}

  static boolean test(String op, JsonNode actual, JsonNode expected) {
    return switch (op) {
      case "IsNull" -> actual.isNull() == expected.asBoolean();
      case "IsString" -> actual.isTextual() == expected.asBoolean();
      case "IsNumeric" -> actual.isNumber() == expected.asBoolean();
      case "IsBoolean" -> actual.isBoolean() == expected.asBoolean();
      case "IsTimestamp" -> (timestamp(actual) != null) == expected.asBoolean();
      case "BooleanEquals" -> actual.isBoolean() && expected.isBoolean()
          && actual.booleanValue() == expected.booleanValue();
      case "StringMatches" -> actual.isTextual() && expected.isTextual()
          && wildcard(expected.textValue()).matcher(actual.textValue()).matches();
      default -> compare(op, actual, expected);
    };
  }

  private static boolean compare(String op, JsonNode actual, JsonNode expected) {
    Integer cmp;
    String relation;
    if (op.startsWith("String")) {
      cmp = actual.isTextual() && expected.isTextual() ? actual.textValue().compareTo(expected.textValue()) : null;
      relation = op.substring("String".length());
    } else if (op.startsWith("Numeric")) {
      cmp = actual.isNumber() && expected.isNumber()
          ? actual.decimalValue().compareTo(expected.decimalValue()) : null;
      relation = op.substring("Numeric".length());
    } else if (op.startsWith("Timestamp")) {
      OffsetDateTime a = timestamp(actual);
      OffsetDateTime b = timestamp(expected);
      cmp = a != null && b != null ? a.toInstant().compareTo(b.toInstant()) : null;
      relation = op.substring("Timestamp".length());
    } else {
      throw AslRuntimeException.runtime("Unknown choice operator '" + op + "'");
    }
    if (cmp == null) {
      return false;
    }
    return switch (relation) {
      case "Equals" -> cmp == 0;
      case "LessThan" -> cmp < 0;
      case "GreaterThan" -> cmp > 0;
      case "LessThanEquals" -> cmp <= 0;
      case "GreaterThanEquals" -> cmp >= 0;
      default -> throw AslRuntimeException.runtime("Unknown choice operator '" + op + "'");
    };
  }

  static OffsetDateTime timestamp(JsonNode node) {
    return Timestamps.parse(node);
  }

  /** {@code *} matches any run of characters; {@code \*} and {@code \\} are literal. */
  static Pattern wildcard(String pattern) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        literal.append(pattern.charAt(++i));
      } else if (c == '*') {
        regex.append(Pattern.quote(literal.toString())).append(".*");
        literal.setLength(0);
      } else {
        literal.append(c);
      }
    }
    regex.append(Pattern.quote(literal.toString()));
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
