package io.flowport.runtime.airflow.jinja;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Methods of Python's builtin types reachable as attributes. All names are listed, because a
 * method shadows a dict key of the same name ({@code conf.items} is the method, not the key);
 * the common ones are implemented, calling any other one is reported as unsupported.
 */
final class Methods {

  private static final Set<String> DICT = Set.of("clear", "copy", "fromkeys", "get", "items",
      "keys", "pop", "popitem", "setdefault", "update", "values");
  private static final Set<String> LIST = Set.of("append", "clear", "copy", "count", "extend",
      "index", "insert", "pop", "remove", "reverse", "sort");
  private static final Set<String> TUPLE = Set.of("count", "index");
  private static final Set<String> STR = Set.of("capitalize", "casefold", "center", "count",
      "encode", "endswith", "expandtabs", "find", "format", "format_map", "index", "isalnum",
      "isalpha", "isascii", "isdecimal", "isdigit", "isidentifier", "islower", "isnumeric",
      "isprintable", "isspace", "istitle", "isupper", "join", "ljust", "lower", "lstrip",
      "maketrans", "partition", "removeprefix", "removesuffix", "replace", "rfind", "rindex",
      "rjust", "rpartition", "rsplit", "rstrip", "split", "splitlines", "startswith", "strip",
      "swapcase", "title", "translate", "upper", "zfill");
  private static final Set<String> INT = Set.of("as_integer_ratio", "bit_count", "bit_length",
      "conjugate", "denominator", "from_bytes", "imag", "numerator", "real", "to_bytes");
  private static final Set<String> FLOAT = Set.of("as_integer_ratio", "conjugate", "fromhex",
      "hex", "imag", "is_integer", "real");

  private Methods() {}

  /** The bound method, or null when the type has no attribute of that name. */
  static Builtin lookup(Object obj, String name) {
    if (obj instanceof String s && STR.contains(name)) {
      return str(s, name);
    }
    if (obj instanceof Map<?, ?> m && DICT.contains(name)) {
      return dict(m, name);
    }
    if (obj instanceof List<?> l && LIST.contains(name)) {
      return list(l, name);
    }
    if (obj instanceof PyTuple t && TUPLE.contains(name)) {
      return list(t.items(), name);
    }
    if ((Py.isIntLike(obj) && INT.contains(name)) || (Py.isFloat(obj) && FLOAT.contains(name))) {
      return Builtin.missing(Py.typeName(obj) + "." + name);
    }
    return null;
  }

  private static Builtin method(String qualified, PyCallable body) {
    return new Builtin(qualified, "builtin_function_or_method", body);
  }

  private static Builtin str(String s, String name) {
    String q = "str." + name;
    return switch (name) {
      case "upper" -> method(q, (a, k) -> noArgs(q, a, k, s.toUpperCase(java.util.Locale.ROOT)));
      case "lower" -> method(q, (a, k) -> noArgs(q, a, k, s.toLowerCase(java.util.Locale.ROOT)));
      case "strip", "lstrip", "rstrip" -> method(q, (a, k) -> {
        Object chars = optional(q, a, k, 1).get(0);
        return PyStrings.strip(s, chars == null ? null : text(q, chars),
            !name.equals("rstrip"), !name.equals("lstrip"));
      });
      case "split" -> method(q, (a, k) -> {
        List<Object> p = keywords(q, a, k, List.of("sep", "maxsplit"));
        Object sep = p.get(0);
        long max = p.get(1) == null ? -1 : Py.bigInt(p.get(1)).longValue();
        return PyStrings.split(s, sep == null ? null : text(q, sep), max);
      });
      case "replace" -> method(q, (a, k) -> {
        if (a.size() < 2 || a.size() > 3 || !k.isEmpty()) {
          throw TemplateRenderException.typeError("replace expected 2 arguments, got " + a.size());
        }
        long count = a.size() == 3 ? Py.bigInt(a.get(2)).longValue() : -1;
        return PyStrings.replace(s, text(q, a.get(0)), text(q, a.get(1)), count);
      });
      case "startswith", "endswith" -> method(q, (a, k) -> {
        if (a.size() != 1 || !k.isEmpty()) {
          throw TemplateRenderException.unsupported(q + "() with start/end arguments");
        }
        List<Object> options = a.get(0) instanceof PyTuple t ? t.items() : List.of(a.get(0));
        for (Object o : options) {
          if (!(o instanceof String p)) {
            throw TemplateRenderException.typeError(name + " first arg must be str or a tuple of"
                + " str, not " + Py.typeName(o));
          }
          if (name.equals("startswith") ? s.startsWith(p) : s.endsWith(p)) {
            return true;
          }
        }
        return false;
      });
      case "join" -> method(q, (a, k) -> {
        if (a.size() != 1 || !k.isEmpty()) {
          throw TemplateRenderException.typeError(
              "str.join() takes exactly one argument (" + a.size() + " given)");
        }
        List<Object> items = Py.iterate(a.get(0));
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
          if (!(items.get(i) instanceof String p)) {
            throw TemplateRenderException.typeError("sequence item " + i
                + ": expected str instance, " + Py.typeName(items.get(i)) + " found");
          }
          parts.add(p);
        }
        return String.join(s, parts);
      });
      case "capitalize" -> method(q, (a, k) -> noArgs(q, a, k, s.isEmpty() ? s
          : s.substring(0, s.offsetByCodePoints(0, 1)).toUpperCase(java.util.Locale.ROOT)
              + s.substring(s.offsetByCodePoints(0, 1)).toLowerCase(java.util.Locale.ROOT)));
      case "isdigit" -> method(q, (a, k) -> noArgs(q, a, k,
          !s.isEmpty() && s.codePoints().allMatch(Character::isDigit)));
      case "find" -> method(q, (a, k) -> {
        if (a.size() != 1 || !k.isEmpty()) {
          throw TemplateRenderException.unsupported("str.find() with start/end arguments");
        }
        int idx = s.indexOf(text(q, a.get(0)));
        return (long) (idx < 0 ? -1 : s.codePointCount(0, idx));
      });
      default -> Builtin.missing(q);
    };
  }

  private static Builtin dict(Map<?, ?> m, String name) {
    String q = "dict." + name;
    return switch (name) {
      case "get" -> method(q, (a, k) -> {
        if (!k.isEmpty()) {
          throw TemplateRenderException.typeError("dict.get() takes no keyword arguments");
        }
        if (a.isEmpty() || a.size() > 2) {
          throw TemplateRenderException.typeError(
              "get expected at least 1 argument, got " + a.size());
        }
        Py.checkHashable(a.get(0));
        Object v = Py.dictGet(m, a.get(0));
        return v != Py.NOT_FOUND ? v : a.size() == 2 ? a.get(1) : null;
      });
      case "keys" -> method(q, (a, k) -> noArgs(q, a, k, DictView.keys(m)));
      case "values" -> method(q, (a, k) -> noArgs(q, a, k, DictView.values(m)));
      case "items" -> method(q, (a, k) -> noArgs(q, a, k, DictView.items(m)));
      default -> Builtin.missing(q);
    };
  }

  private static Builtin list(List<?> l, String name) {
    String q = "list." + name;
    return switch (name) {
      case "count" -> method(q, (a, k) -> {
        if (a.size() != 1 || !k.isEmpty()) {
          throw TemplateRenderException.typeError(
              "count() takes exactly one argument (" + a.size() + " given)");
        }
        return l.stream().filter(x -> Py.eq(x, a.get(0))).count();
      });
      case "index" -> method(q, (a, k) -> {
        if (a.size() != 1 || !k.isEmpty()) {
          throw TemplateRenderException.unsupported("list.index() with start/end arguments");
        }
        for (int i = 0; i < l.size(); i++) {
          if (Py.eq(l.get(i), a.get(0))) {
            return (long) i;
          }
        }
        throw TemplateRenderException.valueError(Py.repr(a.get(0)) + " is not in list");
      });
      default -> Builtin.missing(q);
    };
  }

  private static Object noArgs(String q, List<Object> a, Map<String, Object> k, Object result) {
    if (!a.isEmpty() || !k.isEmpty()) {
      throw TemplateRenderException.typeError(
          q + "() takes no arguments (" + (a.size() + k.size()) + " given)");
    }
    return result;
  }

  private static List<Object> optional(String q, List<Object> a, Map<String, Object> k, int max) {
    if (a.size() > max || !k.isEmpty()) {
      throw TemplateRenderException.typeError(q.substring(4) + " expected at most " + max
          + " argument" + (max == 1 ? "" : "s") + ", got " + a.size());
    }
    List<Object> r = new ArrayList<>(a);
    while (r.size() < max) {
      r.add(null);
    }
    return r;
  }

  private static List<Object> keywords(String q, List<Object> a, Map<String, Object> k,
      List<String> names) {
    return java.util.Arrays.asList(
        new Signature(q, false, names.size(), names, null, null).bind(a, k));
  }

  private static String text(String q, Object o) {
    if (o instanceof String s) {
      return s;
    }
    if (o instanceof Undefined u) {
      throw u.fail();
    }
    throw TemplateRenderException.typeError(
        "must be str or None, not " + Py.typeName(o));
  }
}
