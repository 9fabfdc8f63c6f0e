package io.flowport.runtime.airflow.jinja;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The {@code is} tests of jinja2/tests.py that flowport runs. */
final class Tests {

  static final Set<String> SUPPORTED = Set.of("defined", "undefined", "none", "string", "number",
      "integer", "float", "boolean", "true", "false", "mapping", "sequence", "iterable", "even",
      "odd", "divisibleby", "eq", "equalto", "==", "ne", "!=", "lt", "lessthan", "<", "le", "<=",
      "gt", "greaterthan", ">", "ge", ">=", "in", "lower", "upper");

  /** Jinja 3.1's builtin tests that flowport does not run. */
  static final Set<String> KNOWN = Set.of("callable", "escaped", "filter", "sameas", "test");

  private Tests() {}

  static boolean apply(String name, Object v, List<Object> args, Map<String, Object> kwargs) {
    if (!kwargs.isEmpty()) {
      throw TemplateRenderException.unsupported("keyword arguments to the '" + name + "' test");
    }
    int want = switch (name) {
      case "divisibleby", "eq", "equalto", "==", "ne", "!=", "lt", "lessthan", "<", "le", "<=",
          "gt", "greaterthan", ">", "ge", ">=", "in" -> 1;
      default -> 0;
    };
    if (args.size() != want) {
      throw TemplateRenderException.typeError("test_" + name + "() takes " + (want + 1)
          + " positional argument" + (want == 0 ? "" : "s") + " but " + (args.size() + 1)
          + (args.size() == 0 ? " was" : " were") + " given");
    }
    Object arg = want == 1 ? args.get(0) : null;
    return switch (name) {
      case "defined" -> !(v instanceof Undefined);
      case "undefined" -> v instanceof Undefined;
      case "none" -> v == null;
      case "string" -> v instanceof String;
      case "number" -> Py.isNumber(v);
      case "integer" -> Py.isInt(v);
      case "float" -> Py.isFloat(v);
      case "boolean" -> v instanceof Boolean;
      case "true" -> Boolean.TRUE.equals(v);
      case "false" -> Boolean.FALSE.equals(v);
      case "mapping" -> v instanceof Map;
      case "sequence" -> v instanceof String || v instanceof List || v instanceof PyTuple
          || v instanceof Map || (v instanceof PySequence s && s.indexable());
      case "iterable" -> iterable(v);
      case "even", "odd" -> {
        boolean even = Py.eq(PyMath.binary("%", v, 2L), 0L);
        yield name.equals("even") == even;
      }
      case "divisibleby" -> Py.eq(PyMath.binary("%", v, arg), 0L);
      case "eq", "equalto", "==" -> Py.eq(v, arg);
      case "ne", "!=" -> !Py.eq(v, arg);
      case "lt", "lessthan", "<" -> Py.compare("<", v, arg);
      case "le", "<=" -> Py.compare("<=", v, arg);
      case "gt", "greaterthan", ">" -> Py.compare(">", v, arg);
      case "ge", ">=" -> Py.compare(">=", v, arg);
      case "in" -> Py.contains(arg, v);
      case "lower" -> {
        String s = Py.str(v);
        yield s.chars().anyMatch(Character::isLetter) && s.equals(s.toLowerCase());
      }
      case "upper" -> {
        String s = Py.str(v);
        yield s.chars().anyMatch(Character::isLetter) && s.equals(s.toUpperCase());
      }
      default -> throw new IllegalStateException("test " + name);
    };
  }

  private static boolean iterable(Object v) {
    try {
      Py.iterate(v);
      return true;
    } catch (TemplateRenderException e) {
      if ("TypeError".equals(e.pythonType())) {
        return false;
      }
      throw e;
    }
  }
}
