package io.flowport.runtime.airflow.jinja;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The filters flowport runs, following jinja2/filters.py (plus Airflow's ds/ts filters from
 * airflow/templates.py). Other Jinja filters are known by name so that a template using one is
 * reported as unsupported rather than as an unknown filter.
 */
final class Filters {

  static final Set<String> SUPPORTED = Set.of("default", "d", "string", "int", "float", "lower",
      "upper", "tojson", "length", "count", "join", "replace", "trim", "first", "last", "list",
      "abs", "ds", "ds_nodash", "ts", "ts_nodash", "ts_nodash_with_tz");

  /** Jinja 3.1's builtin filters that flowport does not run. */
  static final Set<String> KNOWN = Set.of("attr", "batch", "capitalize", "center", "dictsort",
      "e", "escape", "filesizeformat", "forceescape", "format", "groupby", "indent", "items",
      "map", "max", "min", "pprint", "random", "reject", "rejectattr", "reverse", "round", "safe",
      "select", "selectattr", "slice", "sort", "striptags", "sum", "title", "truncate", "unique",
      "urlencode", "urlize", "wordcount", "wordwrap", "xmlattr");

  private static final Pattern INT_TEXT = Pattern.compile("[+-]?\\d(?:_?\\d)*");
  private static final Pattern FLOAT_TEXT = Pattern.compile(
      "[+-]?(?:(?:\\d(?:_?\\d)*(?:\\.(?:\\d(?:_?\\d)*)?)?|\\.\\d(?:_?\\d)*)(?:[eE][+-]?\\d(?:_?\\d)*)?"
          + "|(?i:inf|infinity|nan))");

  private Filters() {}

  static Object apply(String name, Object value, List<Object> args, Map<String, Object> kwargs) {
    List<Object> all = new ArrayList<>();
    all.add(value);
    all.addAll(args);
    return switch (name) {
      case "default", "d" -> {
        Object[] a = bind("do_default", all, kwargs, List.of("value", "default_value", "boolean"),
            "", false);
        yield value instanceof Undefined || (Py.truthy(a[2]) && !Py.truthy(value)) ? a[1] : value;
      }
      case "string" -> Py.str(bind("soft_str", all, kwargs, List.of("s"))[0]);
      case "int" -> {
        Object[] a = bind("do_int", all, kwargs, List.of("value", "default", "base"), 0L, 10L);
        yield toInt(value, a[1], a[2]);
      }
      case "float" -> {
        Object[] a = bind("do_float", all, kwargs, List.of("value", "default"), 0.0);
        yield toFloat(value, a[1]);
      }
      case "lower" -> Py.str(bind("do_lower", all, kwargs, List.of("s"))[0])
          .toLowerCase(java.util.Locale.ROOT);
      case "upper" -> Py.str(bind("do_upper", all, kwargs, List.of("s"))[0])
          .toUpperCase(java.util.Locale.ROOT);
      case "tojson" -> {
        Object[] a = bind("do_tojson", all, kwargs, List.of("value", "indent"), (Object) null);
        yield Json.tojson(value, a[1]);
      }
      case "length", "count" -> {
        bind("len", all, kwargs, List.of("obj"));
        yield (long) Py.len(value);
      }
      case "join" -> {
        Object[] a = bind("do_join", all, kwargs, List.of("value", "d", "attribute"), "",
            (Object) null);
        if (a[2] != null) {
          throw TemplateRenderException.unsupported("join(attribute=...) is not supported");
        }
        String sep = Py.str(a[1]);
        List<String> parts = new ArrayList<>();
        for (Object o : Py.iterate(value)) {
          parts.add(Py.str(o));
        }
        yield String.join(sep, parts);
      }
      case "replace" -> {
        Object[] a = bind("do_replace", all, kwargs, List.of("s", "old", "new", "count"),
            Signature.REQUIRED, Signature.REQUIRED, null);
        long count = a[3] == null ? -1 : Py.bigInt(a[3]).longValue();
        yield PyStrings.replace(Py.str(value), Py.str(a[1]), Py.str(a[2]), count);
      }
      case "trim" -> {
        Object[] a = bind("do_trim", all, kwargs, List.of("value", "chars"), (Object) null);
        yield PyStrings.strip(Py.str(value), a[1] == null ? null : Py.str(a[1]), true, true);
      }
      case "first", "last" -> {
        bind("do_" + name, all, kwargs, List.of("seq"));
        List<Object> items = Py.iterate(value);
        if (items.isEmpty()) {
          yield Undefined.hint("No " + name + " item, sequence was empty.");
        }
        yield items.get(name.equals("first") ? 0 : items.size() - 1);
      }
      case "list" -> new ArrayList<>(Py.iterate(bind("do_list", all, kwargs, List.of("value"))[0]));
      case "abs" -> {
        bind("abs", all, kwargs, List.of("x"));
        if (!Py.isNumber(value)) {
          if (value instanceof Undefined u) {
            throw u.fail();
          }
          throw TemplateRenderException.typeError(
              "bad operand type for abs(): '" + Py.typeName(value) + "'");
        }
        yield Py.isFloat(value) ? Math.abs(Py.dbl(value)) : Py.intValue(Py.bigInt(value).abs());
      }
      case "ds", "ds_nodash", "ts", "ts_nodash", "ts_nodash_with_tz" -> {
        bind(name + "_filter", all, kwargs, List.of("value"));
        yield dateFilter(name, value);
      }
      default -> throw new IllegalStateException("filter " + name);
    };
  }

  private static Object[] bind(String fn, List<Object> all, Map<String, Object> kwargs,
      List<String> params, Object... defaults) {
    Object[] d = new Object[params.size()];
    d[0] = Signature.REQUIRED;
    System.arraycopy(defaults, 0, d, 1, defaults.length);
    return new Signature(fn, false, params.size(), params, d).bind(all, kwargs);
  }

  /** airflow.templates ds_filter etc.: None passes through, anything else needs strftime. */
  private static Object dateFilter(String name, Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Undefined u) {
      throw u.fail();
    }
    String method = name.equals("ts") || name.equals("ts_nodash_with_tz") ? "isoformat" : "strftime";
    if (!(value instanceof PyDateTime dt)) {
      throw new TemplateRenderException("AttributeError",
          "'" + Py.typeName(value) + "' object has no attribute '" + method + "'");
    }
    return switch (name) {
      case "ds" -> dt.strftime("%Y-%m-%d");
      case "ds_nodash" -> dt.strftime("%Y%m%d");
      case "ts" -> dt.isoformat("T");
      case "ts_nodash" -> dt.strftime("%Y%m%dT%H%M%S");
      default -> dt.isoformat("T").replace("-", "").replace(":", "");
    };
  }

  /** do_int: int(value) or int(value, base); failing that int(float(value)); else default. */
  private static Object toInt(Object value, Object dflt, Object base) {
    if (value instanceof Undefined u) {
      throw u.fail();
    }
    if (value instanceof String s) {
      String t = PyStrings.strip(s, null, true, true);
      if (Py.bigInt(base).intValue() == 10 && INT_TEXT.matcher(t).matches()) {
        return Py.intValue(new java.math.BigInteger(t.replace("_", "")));
      }
      if (Py.bigInt(base).intValue() != 10) {
        throw TemplateRenderException.unsupported("the int filter with base != 10");
      }
    } else if (Py.isIntLike(value)) {
      return Py.intValue(Py.bigInt(value));
    } else if (Py.isFloat(value) && Double.isInfinite(Py.dbl(value))) {
      // int(inf) raises OverflowError in do_int's first try, which only catches TypeError/ValueError
      throw new TemplateRenderException("OverflowError", "cannot convert float infinity to integer");
    }
    Object f = parseFloat(value);
    if (f == null || Double.isNaN((Double) f) || Double.isInfinite((Double) f)) {
      return dflt; // the fallback int(float(value)) catches ValueError and OverflowError
    }
    return Py.intValue(new BigDecimal((Double) f).toBigInteger());
  }

  private static Object toFloat(Object value, Object dflt) {
    if (value instanceof Undefined u) {
      throw u.fail();
    }
    Object f = parseFloat(value);
    return f == null ? dflt : f;
  }

  /** Python float(value) as a Double, or null where it raises TypeError/ValueError. */
  private static Object parseFloat(Object value) {
    if (Py.isNumber(value)) {
      return Py.dbl(value);
    }
    if (!(value instanceof String s)) {
      return null;
    }
    String t = PyStrings.strip(s, null, true, true);
    if (!FLOAT_TEXT.matcher(t).matches()) {
      return null;
    }
    String lower = t.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith("inf") || lower.endsWith("infinity")) {
      return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (lower.endsWith("nan")) {
      return Double.NaN;
    }
    return Double.parseDouble(t.replace("_", ""));
  }
}
