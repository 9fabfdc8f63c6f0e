package io.flowport.runtime.airflow.jinja;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Jinja's {@code tojson}: Python {@code json.dumps(value, sort_keys=True[, indent=n])} (ASCII
 * only, Python float spelling, NaN/Infinity allowed) with {@code < > & '} escaped for HTML.
 */
final class Json {

  private Json() {}

  static String tojson(Object value, Object indent) {
    if (indent != null && !Py.isIntLike(indent)) {
      throw TemplateRenderException.unsupported("tojson(indent=...) with a non-int indent");
    }
    StringBuilder sb = new StringBuilder();
    write(sb, value, indent == null ? -1 : Py.bigInt(indent).intValue(), 0);
    return sb.toString().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("'", "\\u0027");
  }

  private static void write(StringBuilder sb, Object v, int indent, int level) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof Boolean b) {
      sb.append(b ? "true" : "false");
    } else if (Py.isInt(v)) {
      sb.append(v);
    } else if (Py.isFloat(v)) {
      sb.append(number(((Number) v).doubleValue()));
    } else if (v instanceof String s) {
      string(sb, s);
    } else if (v instanceof List || v instanceof PyTuple) {
      List<Object> items = v instanceof PyTuple t ? t.items() : new ArrayList<>((List<?>) v);
      if (items.isEmpty()) {
        sb.append("[]");
        return;
      }
      sb.append('[');
      for (int i = 0; i < items.size(); i++) {
        separator(sb, i, indent, level + 1);
        write(sb, items.get(i), indent, level + 1);
      }
      close(sb, ']', indent, level);
    } else if (v instanceof Map<?, ?> m) {
      if (m.isEmpty()) {
        sb.append("{}");
        return;
      }
      List<Object> keys = new ArrayList<>(m.keySet());
      keys.sort((a, b) -> Py.compare("<", a, b) ? -1 : Py.eq(a, b) ? 0 : 1);
      sb.append('{');
      for (int i = 0; i < keys.size(); i++) {
        separator(sb, i, indent, level + 1);
        string(sb, key(keys.get(i)));
        sb.append(": ");
        write(sb, m.get(keys.get(i)), indent, level + 1);
      }
      close(sb, '}', indent, level);
    } else {
      throw TemplateRenderException.typeError(
          "Object of type " + Py.typeName(v) + " is not JSON serializable");
    }
  }

  private static void separator(StringBuilder sb, int i, int indent, int level) {
    if (indent >= 0) {
      sb.append(i == 0 ? "" : ",").append('\n').append(" ".repeat(indent * level));
    } else if (i > 0) {
      sb.append(", ");
    }
  }

  private static void close(StringBuilder sb, char c, int indent, int level) {
    if (indent >= 0) {
      sb.append('\n').append(" ".repeat(indent * level));
    }
    sb.append(c);
  }

  private static String key(Object k) {
    if (k instanceof String s) {
      return s;
    }
    if (k == null || k instanceof Boolean) {
      return k == null ? "null" : ((Boolean) k ? "true" : "false");
    }
    if (Py.isInt(k)) {
      return k.toString();
    }
    if (Py.isFloat(k)) {
      return number(((Number) k).doubleValue());
    }
    throw TemplateRenderException.typeError(
        "keys must be str, int, float, bool or None, not " + Py.typeName(k));
  }

  private static String number(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    return Py.floatRepr(d);
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < ' ' || c > '~') {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
