package io.flowport.airflow.parse;

import io.flowport.airflow.parse.PyValue.*;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python's format-spec mini-language ({@code format(value, spec)}) for strings, ints and floats:
 * fill, align, sign, {@code #}, {@code 0}, width, grouping, precision and the types
 * {@code s d b o x X c f F e E %}. Anything else gives null (not known statically).
 */
final class FormatSpec {

  private static final Pattern SPEC = Pattern.compile(
      "(?:(.)?([<>=^]))?([-+ ])?(#)?(0)?(\\d+)?([,_])?(?:\\.(\\d+))?([bcdeEfFosxX%])?", Pattern.DOTALL);

  private FormatSpec() {}

  static String apply(PyValue value, String spec) {
    Matcher m = SPEC.matcher(spec);
    if (!m.matches()) {
      return null;
    }
    String type = m.group(9);
    PyValue v = value;
    if (v instanceof PyBool b && (type != null && !type.equals("s") || !spec.isEmpty() && type == null)) {
      v = PyInt.of(b.value() ? 1 : 0);
    }
    Integer precision = m.group(8) == null ? null : Integer.valueOf(m.group(8));
    String grouping = m.group(7);
    String body;
    boolean numeric = true;
    boolean negative = false;
    switch (v) {
      case PyStr s -> {
        if (type != null && !type.equals("s") || grouping != null) {
          return null;
        }
        numeric = false;
        body = precision == null ? s.value() : truncate(s.value(), precision);
      }
      case PyInt i -> {
        negative = i.value().signum() < 0;
        body = integer(i.value().abs(), type, m.group(4) != null, precision);
      }
      case PyFloat f -> {
        negative = f.value() < 0 || 1 / f.value() < 0;
        body = floating(Math.abs(f.value()), type, precision);
      }
      default -> {
        return spec.isEmpty() ? PyText.str(v) : null;
      }
    }
    if (body == null) {
      return null;
    }
    if (grouping != null) {
      if (type != null && !"dfF%".contains(type)) {
        return null;
      }
      body = group(body, grouping.charAt(0));
    }
    String sign = !numeric ? "" : negative ? "-" : m.group(3) == null || m.group(3).equals("-") ? "" : m.group(3);
    boolean zero = m.group(5) != null;
    String align = m.group(2) != null ? m.group(2) : zero && numeric ? "=" : numeric ? ">" : "<";
    String fill = m.group(1) != null ? m.group(1) : zero && m.group(2) == null ? "0" : " ";
    int width = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
    return pad(sign, body, align, fill, width);
  }

  private static String integer(BigInteger abs, String type, boolean alternate, Integer precision) {
    if (precision != null && (type == null || "dbcoxX".contains(type))) {
      return null;
    }
    if (type == null || type.equals("d")) {
      return abs.toString();
    }
    return switch (type) {
      case "b" -> (alternate ? "0b" : "") + abs.toString(2);
      case "o" -> (alternate ? "0o" : "") + abs.toString(8);
      case "x" -> (alternate ? "0x" : "") + abs.toString(16);
      case "X" -> (alternate ? "0X" : "") + abs.toString(16).toUpperCase();
      case "c" -> Character.toString(abs.intValueExact());
      case "s" -> null;
      default -> floating(abs.doubleValue(), type, precision);
    };
  }

  private static String floating(double abs, String type, Integer precision) {
    if (type == null) {
      return precision == null ? PyText.floatRepr(abs) : null;
    }
    if (Double.isNaN(abs) || Double.isInfinite(abs)) {
      String word = Double.isNaN(abs) ? "nan" : "inf";
      return type.equals("F") || type.equals("E") ? word.toUpperCase() : word;
    }
    int p = precision == null ? 6 : precision;
    return switch (type) {
      case "f", "F" -> new BigDecimal(abs).setScale(p, RoundingMode.HALF_EVEN).toPlainString();
      case "%" -> new BigDecimal(abs).movePointRight(2).setScale(p, RoundingMode.HALF_EVEN).toPlainString() + "%";
      case "e", "E" -> scientific(abs, p, type.equals("E"));
      default -> null;
    };
  }

  private static String scientific(double abs, int precision, boolean upper) {
    BigDecimal value = new BigDecimal(abs);
    int exponent = abs == 0 ? 0 : value.precision() - value.scale() - 1;
    BigDecimal mantissa = value.movePointLeft(exponent).setScale(precision, RoundingMode.HALF_EVEN);
    if (mantissa.compareTo(BigDecimal.TEN) >= 0) {
      exponent++;
      mantissa = value.movePointLeft(exponent).setScale(precision, RoundingMode.HALF_EVEN);
    }
    String text = mantissa.toPlainString() + "e" + (exponent < 0 ? "-" : "+")
        + String.format("%02d", Math.abs(exponent));
    return upper ? text.toUpperCase() : text;
  }

  private static String group(String body, char separator) {
    int dot = body.indexOf('.');
    String whole = dot < 0 ? body : body.substring(0, dot);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < whole.length(); i++) {
      if (i > 0 && (whole.length() - i) % 3 == 0) {
        out.append(separator);
      }
      out.append(whole.charAt(i));
    }
    return out + (dot < 0 ? "" : body.substring(dot));
  }

  private static String truncate(String s, int codePoints) {
    return s.codePointCount(0, s.length()) <= codePoints ? s : s.substring(0, s.offsetByCodePoints(0, codePoints));
  }

  private static String pad(String sign, String body, String align, String fill, int width) {
    int length = sign.length() + body.codePointCount(0, body.length());
    if (length >= width) {
      return sign + body;
    }
    int missing = width - length;
    return switch (align) {
      case "<" -> sign + body + fill.repeat(missing);
      case "^" -> fill.repeat(missing / 2) + sign + body + fill.repeat(missing - missing / 2);
      case "=" -> sign + fill.repeat(missing) + body;
      default -> fill.repeat(missing) + sign + body;
    };
  }
}
