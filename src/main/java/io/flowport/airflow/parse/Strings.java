package io.flowport.airflow.parse;

import io.flowport.airflow.parse.PyValue.PyDynamic;
import io.flowport.airflow.parse.PyValue.PyStr;
import org.treesitter.TSNode;

/** String literals: escapes, raw and f-strings, implicit concatenation of adjacent literals. */
final class Strings {

  private final Interpreter in;

  Strings(Interpreter in) {
    this.in = in;
  }

  /** A {@code string} or {@code concatenated_string} node. */
  Obj literal(TSNode node) {
    if (node.getType().equals("concatenated_string")) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < node.getNamedChildCount(); i++) {
        Obj part = literal(node.getNamedChild(i));
        if (!(part instanceof Obj.Data d && d.value() instanceof PyStr s)) {
          return part instanceof Obj.Data d && d.value() instanceof PyDynamic p
              ? in.state.dynamicFrom(node, p) : part;
        }
        out.append(s.value());
      }
      return new Obj.Data(new PyStr(out.toString()));
    }
    String prefix = in.state.text(node.getChild(0)).replaceAll("['\"]", "").toLowerCase();
    if (prefix.contains("b")) {
      return in.state.dynamic(node, "bytes literals are not supported");
    }
    if (prefix.contains("t")) {
      return in.state.dynamic(node, "template strings are not supported");
    }
    boolean raw = prefix.contains("r");
    boolean format = prefix.contains("f");
    StringBuilder out = new StringBuilder();
    for (int i = 1; i < node.getChildCount() - 1; i++) {
      TSNode part = node.getChild(i);
      if (part.getType().equals("interpolation")) {
        Obj value = interpolation(part);
        if (!(value instanceof Obj.Data d && d.value() instanceof PyStr s)) {
          return value instanceof Obj.Data d && d.value() instanceof PyDynamic p
              ? in.state.dynamicFrom(node, p) : in.state.dynamic(node, "f-string part not known");
        }
        out.append(s.value());
      } else {
        String text = in.state.text(part);
        if (format) {
          text = text.replace("{{", "{").replace("}}", "}");
        }
        out.append(raw ? text : unescape(text));
      }
    }
    return new Obj.Data(new PyStr(out.toString()));
  }

  // {expr!conv:spec}; a spec with nested {...} or a self-documenting "=" is not supported.
  private Obj interpolation(TSNode node) {
    TSNode expression = node.getChildByFieldName("expression");
    TSNode conversion = Nodes.field(node, "type_conversion");
    TSNode spec = Nodes.field(node, "format_specifier");
    for (int i = 0; i < node.getChildCount(); i++) {
      if (node.getChild(i).getType().equals("=")) {
        return in.state.dynamic(node, "self-documenting f-string expressions are not supported");
      }
    }
    if (spec != null && spec.getNamedChildCount() > 0) {
      return in.state.dynamic(node, "nested f-string format specs are not supported");
    }
    Obj value = in.eval(expression);
    String specText = spec == null ? "" : in.state.text(spec).substring(1);
    String conv = conversion == null ? "" : in.state.text(conversion).substring(1);
    return in.formats.formatField(in.values.toPy(value, expression), conv, specText, node);
  }

  /** Decodes backslash escapes; IllegalArgumentException for ones Python rejects. */
  static String unescape(String text) {
    if (text.indexOf('\\') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\\' || i + 1 >= text.length()) {
        out.append(c);
        continue;
      }
      char e = text.charAt(++i);
      switch (e) {
        case '\n' -> { }
        case '\\', '\'', '"' -> out.append(e);
        case 'a' -> out.append('\u0007');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'v' -> out.append('\u000b');
        case 'x' -> i = hex(text, i, 2, out);
        case 'u' -> i = hex(text, i, 4, out);
        case 'U' -> i = hex(text, i, 8, out);
        case 'N' -> i = named(text, i, out);
        default -> {
          if (e >= '0' && e <= '7') {
            int end = i;
            while (end < text.length() && end < i + 3 && text.charAt(end) >= '0' && text.charAt(end) <= '7') {
              end++;
            }
            out.appendCodePoint(Integer.parseInt(text.substring(i, end), 8));
            i = end - 1;
          } else {
            out.append('\\').append(e);
          }
        }
      }
    }
    return out.toString();
  }

  // Python requires exactly this many hex digits; fewer is a syntax error.
  private static int hex(String text, int at, int digits, StringBuilder out) {
    int end = at + 1 + digits;
    if (end > text.length() || !text.substring(at + 1, end).matches("[0-9a-fA-F]+")) {
      throw new IllegalArgumentException("truncated \\x, \\u or \\U escape");
    }
    out.appendCodePoint(Integer.parseInt(text.substring(at + 1, end), 16));
    return end - 1;
  }

  private static int named(String text, int at, StringBuilder out) {
    int close = text.indexOf('}', at);
    out.appendCodePoint(Character.codePointOf(text.substring(at + 2, close)));
    return close;
  }
}
