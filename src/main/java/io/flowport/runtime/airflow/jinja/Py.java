package io.flowport.runtime.airflow.jinja;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Python semantics for the JSON-like values templates see: {@code str()}, {@code repr()},
 * truthiness, {@code ==}, ordering, {@code len()}, iteration and {@code in}. Airflow prints
 * rendered values with {@code str()}, so these must match CPython character for character.
 */
final class Py {

  /** Returned by {@link #dictGet} for a missing key (null is Python's None). */
  static final Object NOT_FOUND = new Object();

  private Py() {}

  // ---- types ----

  static boolean isInt(Object o) {
    return o instanceof Integer || o instanceof Long || o instanceof BigInteger
        || o instanceof Short || o instanceof Byte;
  }

  /** int or bool: bool is a subclass of int in Python. */
  static boolean isIntLike(Object o) {
    return isInt(o) || o instanceof Boolean;
  }

  static boolean isFloat(Object o) {
    return o instanceof Double || o instanceof Float || o instanceof BigDecimal;
  }

  static boolean isNumber(Object o) {
    return isIntLike(o) || isFloat(o);
  }

  static BigInteger bigInt(Object o) {
    if (o instanceof BigInteger b) {
      return b;
    }
    if (o instanceof Boolean b) {
      return b ? BigInteger.ONE : BigInteger.ZERO;
    }
    return BigInteger.valueOf(((Number) o).longValue());
  }

  static double dbl(Object o) {
    if (o instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (o instanceof BigInteger b) {
      double d = b.doubleValue();
      if (Double.isInfinite(d)) {
        throw new TemplateRenderException("OverflowError", "int too large to convert to float");
      }
      return d;
    }
    return ((Number) o).doubleValue();
  }

  /** A Python int as the narrowest Java type: Long when it fits. */
  static Object intValue(BigInteger b) {
    return b.bitLength() < 64 ? (Object) b.longValue() : b;
  }

  static String typeName(Object o) {
    if (o == null) {
      return "NoneType";
    } else if (o instanceof String) {
      return "str";
    } else if (o instanceof Boolean) {
      return "bool";
    } else if (isInt(o)) {
      return "int";
    } else if (isFloat(o)) {
      return "float";
    } else if (o instanceof Map) {
      return "dict";
    } else if (o instanceof List) {
      return "list";
    } else if (o instanceof PyTuple) {
      return "tuple";
    } else if (o instanceof Undefined u) {
      return u.strict() ? "StrictUndefined" : "Undefined";
    } else if (o instanceof HostObject h) {
      return h.typeName();
    } else if (o instanceof Builtin b) {
      return b.pythonType();
    } else if (o instanceof PyCallable) {
      return "function";
    }
    return o.getClass().getSimpleName();
  }

  /** jinja2.utils.object_type_repr: {@code 'dict object'}, {@code 'None'}, module-qualified. */
  static String typeRepr(Object o) {
    if (o == null) {
      return "None";
    }
    if (o instanceof Undefined) {
      return "jinja2.runtime." + typeName(o) + " object";
    }
    if (o instanceof HostObject h && !"builtins".equals(h.typeModule())) {
      return h.typeModule() + "." + h.typeName() + " object";
    }
    return typeName(o) + " object";
  }

  // ---- str / repr ----

  static String str(Object o) {
    if (o instanceof String s) {
      return s;
    }
    if (o instanceof Undefined u) {
      u.failIfStrict();
      return "";
    }
    if (o instanceof HostObject h) {
      return h.str();
    }
    return repr(o);
  }

  static String repr(Object o) {
    if (o == null) {
      return "None";
    } else if (o instanceof String s) {
      return strRepr(s);
    } else if (o instanceof Boolean b) {
      return b ? "True" : "False";
    } else if (isInt(o)) {
      return o.toString();
    } else if (isFloat(o)) {
      return floatRepr(((Number) o).doubleValue());
    } else if (o instanceof Map<?, ?> m) {
      StringBuilder sb = new StringBuilder("{");
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        sb.append(first ? "" : ", ").append(repr(e.getKey())).append(": ").append(repr(e.getValue()));
        first = false;
      }
      return sb.append('}').toString();
    } else if (o instanceof List<?> l) {
      return "[" + joinRepr(l) + "]";
    } else if (o instanceof PyTuple t) {
      return "(" + joinRepr(t.items()) + (t.items().size() == 1 ? ",)" : ")");
    } else if (o instanceof Undefined) {
      return "Undefined"; // Undefined.__repr__: printing [foo] does not raise
    } else if (o instanceof HostObject h) {
      return h.repr();
    } else if (o instanceof Builtin b) {
      throw TemplateRenderException.unsupported("printing the callable " + b.qualifiedName()
          + " is not supported (Python prints its memory address)");
    } else if (o instanceof PyCallable) {
      throw TemplateRenderException.unsupported(
          "printing a callable is not supported (Python prints its memory address)");
    }
    throw TemplateRenderException.unsupported(
        "a " + o.getClass().getName() + " value has no Python equivalent");
  }

  private static String joinRepr(List<?> items) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < items.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(repr(items.get(i)));
    }
    return sb.toString();
  }

  /** CPython's unicode_repr: single quotes unless the text has ' and no ". */
  static String strRepr(String s) {
    char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder sb = new StringBuilder().append(quote);
    s.codePoints().forEach(c -> {
      if (c == quote || c == '\\') {
        sb.append('\\').appendCodePoint(c);
      } else if (c == '\t') {
        sb.append("\\t");
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\r') {
        sb.append("\\r");
      } else if (c < ' ' || c == 0x7f) {
        sb.append(String.format("\\x%02x", c));
      } else if (c < 0x7f || isPrintable(c)) {
        sb.appendCodePoint(c);
      } else if (c <= 0xff) {
        sb.append(String.format("\\x%02x", c));
      } else if (c <= 0xffff) {
        sb.append(String.format("\\u%04x", c));
      } else {
        sb.append(String.format("\\U%08x", c));
      }
    });
    return sb.append(quote).toString();
  }

  /** str.isprintable for one code point: not a control, format, separator or unassigned. */
  private static boolean isPrintable(int c) {
    if (c == ' ') {
      return true;
    }
    return switch (Character.getType(c)) {
      case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
          Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
          Character.SPACE_SEPARATOR -> false;
      default -> true;
    };
  }

  /** float.__repr__: shortest round-trip digits, exponent form outside 1e-4 <= |x| < 1e16. */
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
    // Double.toString gives the shortest round-trip digits since JDK 19.
    BigDecimal bd = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
    String digits = bd.unscaledValue().toString();
    int n = digits.length();
    int decpt = n - bd.scale();
    StringBuilder sb = new StringBuilder(d < 0 ? "-" : "");
    if (decpt > -4 && decpt <= 16) {
      if (decpt <= 0) {
        sb.append("0.").append("0".repeat(-decpt)).append(digits);
      } else if (decpt >= n) {
        sb.append(digits).append("0".repeat(decpt - n)).append(".0");
      } else {
        sb.append(digits, 0, decpt).append('.').append(digits, decpt, n);
      }
    } else {
      int exp = decpt - 1;
      sb.append(digits.charAt(0));
      if (n > 1) {
        sb.append('.').append(digits, 1, n);
      }
      sb.append('e').append(exp < 0 ? '-' : '+').append(String.format("%02d", Math.abs(exp)));
    }
    return sb.toString();
  }

  // ---- truth, equality, ordering ----

  static boolean truthy(Object o) {
    if (o == null) {
      return false;
    } else if (o instanceof Boolean b) {
      return b;
    } else if (isInt(o)) {
      return bigInt(o).signum() != 0;
    } else if (isFloat(o)) {
      return ((Number) o).doubleValue() != 0;
    } else if (o instanceof String s) {
      return !s.isEmpty();
    } else if (o instanceof Map<?, ?> m) {
      return !m.isEmpty();
    } else if (o instanceof List<?> l) {
      return !l.isEmpty();
    } else if (o instanceof PyTuple t) {
      return !t.items().isEmpty();
    } else if (o instanceof Undefined u) {
      u.failIfStrict();
      return false;
    } else if (o instanceof PySequence s) {
      return !s.items().isEmpty();
    } else if (o instanceof HostObject h) {
      return h.truthy();
    }
    return true;
  }

  static boolean eq(Object a, Object b) {
    if (a instanceof Undefined u) {
      u.failIfStrict();
      return b instanceof Undefined v && !v.strict();
    }
    if (b instanceof Undefined u) {
      u.failIfStrict();
      return false;
    }
    if (a == null || b == null) {
      return a == b;
    }
    if (isNumber(a) && isNumber(b)) {
      return numCompare(a, b) == 0;
    }
    if (a instanceof String || b instanceof String) {
      return a.equals(b);
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      return seqEq(x, y);
    }
    if (a instanceof PyTuple x && b instanceof PyTuple y) {
      return seqEq(x.items(), y.items());
    }
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (Map.Entry<?, ?> e : x.entrySet()) {
        Object other = dictGet(y, e.getKey());
        if (other == NOT_FOUND || !eq(e.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    return a == b || a.equals(b);
  }

  private static boolean seqEq(List<?> x, List<?> y) {
    if (x.size() != y.size()) {
      return false;
    }
    for (int i = 0; i < x.size(); i++) {
      if (!eq(x.get(i), y.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** Numeric comparison; NaN compares as 2 (unordered). */
  static int numCompare(Object a, Object b) {
    if (isIntLike(a) && isIntLike(b)) {
      return bigInt(a).compareTo(bigInt(b));
    }
    double x = isFloat(a) ? ((Number) a).doubleValue() : Double.NaN;
    double y = isFloat(b) ? ((Number) b).doubleValue() : Double.NaN;
    if ((isFloat(a) && Double.isNaN(x)) || (isFloat(b) && Double.isNaN(y))) {
      return 2;
    }
    if (isFloat(a) && Double.isInfinite(x)) {
      return x > 0 ? 1 : -1;
    }
    if (isFloat(b) && Double.isInfinite(y)) {
      return y > 0 ? -1 : 1;
    }
    return exact(a).compareTo(exact(b));
  }

  private static BigDecimal exact(Object o) {
    return isFloat(o) ? new BigDecimal(((Number) o).doubleValue()) : new BigDecimal(bigInt(o));
  }

  /** Python's {@code <, <=, >, >=}; op is the operator text. */
  static boolean compare(String op, Object a, Object b) {
    if (a instanceof Undefined u) {
      throw u.fail();
    }
    if (b instanceof Undefined u) {
      throw u.fail();
    }
    int c;
    if (isNumber(a) && isNumber(b)) {
      c = numCompare(a, b);
      if (c == 2) {
        return false;
      }
    } else if (a instanceof String x && b instanceof String y) {
      c = compareCodePoints(x, y);
    } else if (a instanceof List<?> x && b instanceof List<?> y) {
      return seqCompare(op, x, y);
    } else if (a instanceof PyTuple x && b instanceof PyTuple y) {
      return seqCompare(op, x.items(), y.items());
    } else {
      throw TemplateRenderException.typeError("'" + op + "' not supported between instances of '"
          + typeName(a) + "' and '" + typeName(b) + "'");
    }
    return switch (op) {
      case "<" -> c < 0;
      case "<=" -> c <= 0;
      case ">" -> c > 0;
      default -> c >= 0;
    };
  }

  private static boolean seqCompare(String op, List<?> x, List<?> y) {
    int n = Math.min(x.size(), y.size());
    for (int i = 0; i < n; i++) {
      if (!eq(x.get(i), y.get(i))) {
        return compare(op, x.get(i), y.get(i));
      }
    }
    int c = Integer.compare(x.size(), y.size());
    return switch (op) {
      case "<" -> c < 0;
      case "<=" -> c <= 0;
      case ">" -> c > 0;
      default -> c >= 0;
    };
  }

  private static int compareCodePoints(String x, String y) {
    int i = 0;
    int j = 0;
    while (i < x.length() && j < y.length()) {
      int a = x.codePointAt(i);
      int b = y.codePointAt(j);
      if (a != b) {
        return Integer.compare(a, b);
      }
      i += Character.charCount(a);
      j += Character.charCount(b);
    }
    return Boolean.compare(i < x.length(), j < y.length());
  }

  // ---- containers ----

  /** dict lookup with Python's key equality (1 == 1.0 == True); rejects unhashable keys. */
  static Object dictGet(Map<?, ?> m, Object key) {
    checkHashable(key);
    if (m.containsKey(key)) {
      return m.get(key);
    }
    if (key instanceof String) {
      return NOT_FOUND;
    }
    for (Map.Entry<?, ?> e : m.entrySet()) {
      Object k = e.getKey();
      if (k instanceof String || k instanceof List || k instanceof Map) {
        continue;
      }
      if (eq(k, key)) {
        return e.getValue();
      }
    }
    return NOT_FOUND;
  }

  static void checkHashable(Object key) {
    if (key instanceof Undefined u) {
      u.failIfStrict(); // StrictUndefined.__hash__ raises
    }
    if (key instanceof List || key instanceof Map) {
      throw TemplateRenderException.typeError("unhashable type: '" + typeName(key) + "'");
    }
  }

  static List<Object> iterate(Object o) {
    if (o instanceof String s) {
      List<Object> chars = new ArrayList<>();
      s.codePoints().forEach(c -> chars.add(new String(Character.toChars(c))));
      return chars;
    } else if (o instanceof List<?> l) {
      return new ArrayList<>(l);
    } else if (o instanceof PyTuple t) {
      return t.items();
    } else if (o instanceof Map<?, ?> m) {
      return new ArrayList<>(m.keySet());
    } else if (o instanceof PySequence s) {
      return s.items();
    } else if (o instanceof Undefined u) {
      u.failIfStrict();
      return new ArrayList<>();
    }
    throw TemplateRenderException.typeError("'" + typeName(o) + "' object is not iterable");
  }

  static int len(Object o) {
    if (o instanceof String s) {
      return s.codePointCount(0, s.length());
    } else if (o instanceof List<?> l) {
      return l.size();
    } else if (o instanceof PyTuple t) {
      return t.items().size();
    } else if (o instanceof Map<?, ?> m) {
      return m.size();
    } else if (o instanceof PySequence s) {
      return s.items().size();
    } else if (o instanceof Undefined u) {
      u.failIfStrict();
      return 0;
    }
    throw TemplateRenderException.typeError("object of type '" + typeName(o) + "' has no len()");
  }

  /** Python's {@code item in container}. */
  static boolean contains(Object container, Object item) {
    if (container instanceof Undefined u) {
      u.failIfStrict();
      return false;
    }
    if (container instanceof String s) {
      if (!(item instanceof String sub)) {
        throw TemplateRenderException.typeError(
            "'in <string>' requires string as left operand, not " + typeName(item));
      }
      return s.contains(sub);
    }
    if (container instanceof Map<?, ?> m) {
      return dictGet(m, item) != NOT_FOUND;
    }
    if (container instanceof List || container instanceof PyTuple || container instanceof PySequence) {
      for (Object o : iterate(container)) {
        if (o == item || eq(item, o)) {
          return true;
        }
      }
      return false;
    }
    throw TemplateRenderException.typeError(
        "argument of type '" + typeName(container) + "' is not iterable");
  }
}
