package io.flowport.runtime.airflow.jinja;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python's printf-style {@code str % args} for %s, %r, %d, %i, %f and %% with the flags
 * {@code -0+ }, a width and a precision ({@code '%02d' % month} is common in DAGs).
 */
final class PyFormat {

  private static final Pattern SPEC =
      Pattern.compile("%([-0+ ]*)(\\d*)(?:\\.(\\d+))?([a-zA-Z%])?");

  private PyFormat() {}

  static String percent(String format, Object args) {
    if (args instanceof Map && format.contains("%(")) {
      throw TemplateRenderException.unsupported("'%(name)s' formatting is not supported");
    }
    List<Object> values = args instanceof PyTuple t ? t.items()
        : java.util.Collections.singletonList(args);
    StringBuilder out = new StringBuilder();
    int next = 0;
    int pos = 0;
    Matcher m = SPEC.matcher(format);
    while (m.find(pos)) {
      out.append(format, pos, m.start());
      pos = m.end();
      String conv = m.group(4);
      if (conv == null) {
        throw TemplateRenderException.valueError("incomplete format");
      }
      if (conv.equals("%")) {
        out.append('%');
        continue;
      }
      if (!"srdifF".contains(conv)) {
        throw TemplateRenderException.unsupported(
            "the printf-style conversion '%" + conv + "' is not supported");
      }
      if (next >= values.size()) {
        throw TemplateRenderException.typeError("not enough arguments for format string");
      }
      String flags = m.group(1);
      Integer precision = m.group(3) == null ? null : Integer.valueOf(m.group(3));
      String body = convert(conv, values.get(next++), flags, precision);
      int width = m.group(2).isEmpty() ? 0 : Integer.parseInt(m.group(2));
      out.append(pad(body, width, flags, !conv.equals("s") && !conv.equals("r")));
    }
    out.append(format.substring(pos));
    boolean single = !(args instanceof PyTuple) && !(args instanceof Map);
    if (next < values.size() && !(single && next == 1)) {
      throw TemplateRenderException.typeError(
          "not all arguments converted during string formatting");
    }
    return out.toString();
  }

  private static String convert(String conv, Object v, String flags, Integer precision) {
    if (conv.equals("s") || conv.equals("r")) {
      String s = conv.equals("s") ? Py.str(v) : Py.repr(v);
      return precision == null ? s : s.substring(0, Math.min(s.length(), precision));
    }
    if (v instanceof Undefined u) {
      throw u.fail();
    }
    if (!Py.isNumber(v)) {
      throw TemplateRenderException.typeError(conv.equals("d") || conv.equals("i")
          ? "%" + conv + " format: a real number is required, not " + Py.typeName(v)
          : "must be real number, not " + Py.typeName(v));
    }
    String digits;
    boolean negative;
    if (conv.equals("d") || conv.equals("i")) {
      java.math.BigInteger b = Py.isFloat(v) ? new BigDecimal(Py.dbl(v)).toBigInteger()
          : Py.bigInt(v);
      negative = b.signum() < 0;
      digits = b.abs().toString();
    } else {
      double d = Py.dbl(v);
      negative = d < 0 || (d == 0 && 1 / d < 0);
      digits = Double.isNaN(d) ? "nan" : Double.isInfinite(d) ? "inf"
          : new BigDecimal(Math.abs(d)).setScale(precision == null ? 6 : precision,
              RoundingMode.HALF_EVEN).toPlainString();
    }
    String sign = negative ? "-" : flags.contains("+") ? "+" : flags.contains(" ") ? " " : "";
    return sign + digits;
  }

  private static String pad(String body, int width, String flags, boolean numeric) {
    if (body.length() >= width) {
      return body;
    }
    String fill = " ".repeat(width - body.length());
    if (flags.contains("-")) {
      return body + fill;
    }
    if (numeric && flags.contains("0")) {
      int signLength = body.startsWith("-") || body.startsWith("+") || body.startsWith(" ") ? 1 : 0;
      return body.substring(0, signLength) + "0".repeat(width - body.length())
          + body.substring(signLength);
    }
    return fill + body;
  }
}
