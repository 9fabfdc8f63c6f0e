package io.flowport.airflow.parse;

import io.flowport.airflow.parse.PyValue.*;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.treesitter.TSNode;

/** f-string fields, {@code "..." % values} and {@code "...".format(...)} over known values. */
final class Formats {

  private static final Pattern PERCENT =
      Pattern.compile("%(?:\\(([^)]*)\\))?([-+ 0#]*)(\\d+)?(?:\\.(\\d+))?[hlL]?([diouxXeEfFcrsa%])");
  private static final Pattern FIELD = Pattern.compile("([^!:\\[.]*)((?:\\[[^\\]]*\\])*)(?:!([rsa]))?(?::(.*))?", Pattern.DOTALL);

  private final Interpreter in;

  Formats(Interpreter in) {
    this.in = in;
  }

  /** One {@code {value!conversion:spec}} field. */
  Obj formatField(PyValue value, String conversion, String spec, TSNode node) {
    if (value instanceof PyDynamic d) {
      return in.state.dynamicFrom(node, d);
    }
    if (value instanceof PyXcom x) {
      return in.state.dynamic(node, "XCom output of task '" + x.taskId() + "'");
    }
    PyValue converted = value;
    if (!conversion.isEmpty()) {
      String text = conversion.equals("s") ? PyText.str(value) : PyText.repr(value);
      converted = text == null ? null : new PyStr(text);
    }
    String text = converted == null ? null : FormatSpec.apply(converted, spec);
    if (text == null) {
      return in.state.dynamic(node, "formatting this value is not supported statically");
    }
    return new Obj.Data(new PyStr(text));
  }

  /** {@code format % args}: args is a tuple, a dict (for {@code %(name)s}) or a single value. */
  Obj percent(String format, Obj args, TSNode node) {
    PyValue values = in.values.toPy(args, node);
    List<PyValue> positional = values instanceof PyTuple t ? t.items() : List.of(values);
    StringBuilder out = new StringBuilder();
    Matcher m = PERCENT.matcher(format);
    int next = 0;
    int last = 0;
    while (m.find()) {
      out.append(format, last, m.start());
      last = m.end();
      String type = m.group(5);
      if (type.equals("%")) {
        out.append('%');
        continue;
      }
      PyValue value;
      if (m.group(1) != null) {
        if (!(values instanceof PyDict d) || !d.entries().containsKey(new PyStr(m.group(1)))) {
          return in.state.dynamic(node, "%-format key '" + m.group(1) + "' not found");
        }
        value = d.entries().get(new PyStr(m.group(1)));
      } else if (next < positional.size()) {
        value = positional.get(next++);
      } else {
        return in.state.dynamic(node, "not enough arguments for %-format");
      }
      if (value instanceof PyDynamic d) {
        return in.state.dynamicFrom(node, d);
      }
      String text = percentField(value, m.group(2), m.group(3), m.group(4), type);
      if (text == null) {
        return in.state.dynamic(node, "%-format of this value is not supported statically");
      }
      out.append(text);
    }
    if (!(values instanceof PyDict) && next < positional.size()) {
      return in.state.dynamic(node, "not all arguments converted during %-format");
    }
    out.append(format.substring(last));
    return new Obj.Data(new PyStr(out.toString()));
  }

  // Translates one %-directive to the format-spec mini-language.
  private static String percentField(PyValue value, String flags, String width, String precision, String type) {
    PyValue v = value;
    String specType = type;
    switch (type) {
      case "s", "r", "a" -> {
        String text = type.equals("s") ? PyText.str(value) : PyText.repr(value);
        if (text == null) {
          return null;
        }
        v = new PyStr(text);
        specType = "s";
      }
      case "d", "i", "u" -> {
        v = switch (value) {
          case PyFloat f when Double.isFinite(f.value()) -> new PyInt(new BigDecimal(f.value()).toBigInteger());
          case PyBool b -> PyInt.of(b.value() ? 1 : 0);
          default -> value;
        };
        specType = "d";
      }
      default -> { }
    }
    if (!(v instanceof PyStr || v instanceof PyInt || v instanceof PyFloat)) {
      return null;
    }
    StringBuilder spec = new StringBuilder();
    if (flags.contains("-")) {
      spec.append('<');
    }
    if (flags.contains("+")) {
      spec.append('+');
    } else if (flags.contains(" ")) {
      spec.append(' ');
    }
    if (flags.contains("#")) {
      spec.append('#');
    }
    if (flags.contains("0") && !flags.contains("-") && !specType.equals("s")) {
      spec.append('0');
    }
    if (width != null) {
      spec.append(width);
    }
    if (precision != null) {
      spec.append('.').append(precision);
    }
    spec.append(specType);
    return FormatSpec.apply(v, spec.toString());
  }

  /** {@code template.format(*args, **kwargs)}. */
  Obj format(String template, CallArgs args, TSNode node) {
    StringBuilder out = new StringBuilder();
    int auto = 0;
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if ((c == '{' || c == '}') && i + 1 < template.length() && template.charAt(i + 1) == c) {
        out.append(c);
        i++;
        continue;
      }
      if (c == '}') {
        return in.state.dynamic(node, "single '}' in format string");
      }
      if (c != '{') {
        out.append(c);
        continue;
      }
      int close = template.indexOf('}', i);
      String field = close < 0 ? null : template.substring(i + 1, close);
      if (field == null || field.contains("{")) {
        return in.state.dynamic(node, "format string field not supported statically");
      }
      Matcher m = FIELD.matcher(field);
      if (!m.matches()) {
        return in.state.dynamic(node, "format string field '" + field + "' not supported statically");
      }
      String name = m.group(1);
      CallArgs.Passed passed;
      if (name.isEmpty()) {
        passed = auto < args.positional().size() ? args.positional().get(auto) : null;
        auto++;
      } else if (name.chars().allMatch(Character::isDigit)) {
        int index = Integer.parseInt(name);
        passed = index < args.positional().size() ? args.positional().get(index) : null;
      } else {
        passed = args.keyword(name);
      }
      if (passed == null) {
        return in.state.dynamic(node, "format string field '{" + field + "}' has no argument");
      }
      PyValue value = in.values.toPy(passed.value(), passed.node());
      for (String key : keys(m.group(2))) {
        value = item(value, key);
        if (value == null) {
          return in.state.dynamic(node, "format string field '{" + field + "}' not found");
        }
      }
      Obj text = formatField(value, m.group(3) == null ? "" : m.group(3), m.group(4) == null ? "" : m.group(4), node);
      if (!(text instanceof Obj.Data d && d.value() instanceof PyStr s)) {
        return text;
      }
      out.append(s.value());
      i = close;
    }
    return new Obj.Data(new PyStr(out.toString()));
  }

  private static List<String> keys(String brackets) {
    List<String> keys = new ArrayList<>();
    Matcher m = Pattern.compile("\\[([^\\]]*)\\]").matcher(brackets);
    while (m.find()) {
      keys.add(m.group(1));
    }
    return keys;
  }

  // "{0[key]}" indexes dicts by string and lists by number, like str.format does.
  private static PyValue item(PyValue value, String key) {
    return switch (value) {
      case PyDict d -> d.entries().get(new PyStr(key));
      case PyList l when key.matches("\\d+") && Integer.parseInt(key) < l.items().size() -> l.items().get(Integer.parseInt(key));
      case PyTuple t when key.matches("\\d+") && Integer.parseInt(key) < t.items().size() -> t.items().get(Integer.parseInt(key));
      case PyDynamic d -> d;
      default -> null;
    };
  }
}
