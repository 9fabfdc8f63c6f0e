package io.flowport.airflow.parse;

import io.flowport.airflow.parse.PyValue.*;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.StringJoiner;

/** Python's {@code str()} and {@code repr()} of known values; null when Python's text is unknown. */
final class PyText {

  private PyText() {}

  static String str(PyValue value) {
    return switch (value) {
      case PyStr s -> s.value();
      case PyTimedelta t -> timedelta(t.value());
      case PyDateTime d -> d.timeZone() == null ? datetime(d.value()) : null;
      default -> repr(value);
    };
  }

  static String repr(PyValue value) {
    return switch (value) {
      case PyStr s -> quote(s.value());
      case PyInt i -> i.value().toString();
      case PyFloat f -> floatRepr(f.value());
      case PyBool b -> b.value() ? "True" : "False";
      case PyNone n -> "None";
      case PyList l -> join("[", l.items(), "]");
      case PyTuple t -> t.items().size() == 1 ? "(" + repr(t.items().get(0)) + ",)" : join("(", t.items(), ")");
      case PySet s -> s.items().isEmpty() ? "set()" : join("{", s.items(), "}");
      case PyDict d -> dict(d);
      case PyTimedelta t -> null;
      case PyDateTime d -> null;
      case PyRef r -> null;
      case PyDynamic d -> null;
      case PyXcom x -> null;
    };
  }

  private static String join(String open, List<PyValue> items, String close) {
    StringJoiner joiner = new StringJoiner(", ", open, close);
    for (PyValue item : items) {
      String text = repr(item);
      if (text == null) {
        return null;
      }
      joiner.add(text);
    }
    return joiner.toString();
  }

  private static String dict(PyDict d) {
    StringJoiner joiner = new StringJoiner(", ", "{", "}");
    for (var e : d.entries().entrySet()) {
      String key = repr(e.getKey());
      String value = repr(e.getValue());
      if (key == null || value == null) {
        return null;
      }
      joiner.add(key + ": " + value);
    }
    return joiner.toString();
  }

  static String quote(String s) {
    char q = s.contains("'") && !s.contains("\"") ? '"' : '\'';
    StringBuilder out = new StringBuilder().append(q);
    s.codePoints().forEach(c -> {
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c == q) {
            out.append('\\').appendCodePoint(c);
          } else if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\x%02x", c));
          } else {
            out.appendCodePoint(c);
          }
        }
      }
    });
    return out.append(q).toString();
  }

  /** Python's shortest round-trip float repr: {@code 1.0}, {@code 1e+16}, {@code 1.5e-05}. */
  static String floatRepr(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    if (d == 0) {
      return 1 / d < 0 ? "-0.0" : "0.0";
    }
    BigDecimal exact = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    String digits = exact.unscaledValue().abs().toString();
    int exponent = digits.length() - exact.scale() - 1;
    String sign = d < 0 ? "-" : "";
    if (exponent >= -4 && exponent < 16) {
      String plain = exact.abs().toPlainString();
      return sign + (plain.contains(".") ? plain : plain + ".0");
    }
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
  }

  /** {@code str(timedelta)}: {@code 1 day, 0:00:00}, {@code 0:05:00.250000}. */
  static String timedelta(Duration value) {
    long micros = value.toSeconds() * 1_000_000 + value.toNanosPart() / 1000;
    long days = Math.floorDiv(micros, 86_400_000_000L);
    long rest = Math.floorMod(micros, 86_400_000_000L);
    long seconds = rest / 1_000_000;
    String text = String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    if (rest % 1_000_000 != 0) {
      text += String.format(".%06d", rest % 1_000_000);
    }
    if (days != 0) {
      text = days + (Math.abs(days) == 1 ? " day, " : " days, ") + text;
    }
    return text;
  }

  /** {@code str(datetime)} of a naive datetime: {@code 2023-07-01 00:00:00}. */
  static String datetime(LocalDateTime t) {
    String text = String.format("%04d-%02d-%02d %02d:%02d:%02d",
        t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
    int micros = t.getNano() / 1000;
    return micros == 0 ? text : text + String.format(".%06d", micros);
  }
}
