package io.flowport.runtime.airflow.jinja;

import java.util.List;
import java.util.Map;

/** Python's printf-style {@code str % args}, limited to %s, %r, %d, %i and %%. */
final class PyFormat {

  private PyFormat() {}

  static String percent(String format, Object args) {
    List<Object> values;
    if (args instanceof PyTuple t) {
      values = t.items();
    } else if (args instanceof Map && format.contains("%(")) {
      throw TemplateRenderException.unsupported("'%(name)s' formatting is not supported");
    } else {
      values = java.util.Collections.singletonList(args);
    }
    StringBuilder out = new StringBuilder();
    int next = 0;
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c != '%') {
        out.append(c);
        continue;
      }
      if (i + 1 >= format.length()) {
        throw TemplateRenderException.valueError("incomplete format");
      }
      char spec = format.charAt(++i);
      if (spec == '%') {
        out.append('%');
        continue;
      }
      if (spec != 's' && spec != 'r' && spec != 'd' && spec != 'i') {
        throw TemplateRenderException.unsupported(
            "the printf-style conversion '%" + spec + "' is not supported");
      }
      if (next >= values.size()) {
        throw TemplateRenderException.typeError("not enough arguments for format string");
      }
      Object v = values.get(next++);
      switch (spec) {
        case 's' -> out.append(Py.str(v));
        case 'r' -> out.append(Py.repr(v));
        default -> {
          if (v instanceof Undefined u) {
            throw u.fail();
          }
          if (!Py.isNumber(v)) {
            throw TemplateRenderException.typeError(
                "%" + spec + " format: a real number is required, not " + Py.typeName(v));
          }
          out.append(Py.isFloat(v)
              ? new java.math.BigDecimal(Py.dbl(v)).toBigInteger().toString()
              : Py.bigInt(v).toString());
        }
      }
    }
    if (next < values.size() && args instanceof PyTuple) {
      throw TemplateRenderException.typeError(
          "not all arguments converted during string formatting");
    }
    if (next == 0 && !(args instanceof PyTuple) && !(args instanceof Map)) {
      throw TemplateRenderException.typeError(
          "not all arguments converted during string formatting");
    }
    return out.toString();
  }
}
