package io.flowport.runtime.asl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Parses {@code States.Name(arg, ...)} into a tree; positions are 0-based indexes in the text. */
final class IntrinsicParser {

  sealed interface Arg permits Literal, Constant, PathArg, Call {}

  /** A quoted string; {@code raw} keeps its escapes because States.Format needs to see them. */
  record Literal(String raw, int position) implements Arg {}

  record Constant(JsonNode value) implements Arg {}

  record PathArg(String path, int position) implements Arg {}

  record Call(String name, List<Arg> args, int position) implements Arg {}

  private final String text;
  private int pos;

  private IntrinsicParser(String text) {
    this.text = text;
  }

  static Call parse(String text) {
    if (text == null) {
      throw new AslSyntaxException("null", 0, "Missing intrinsic function");
    }
    IntrinsicParser p = new IntrinsicParser(text);
    p.skipSpace();
    Call call = p.call();
    p.skipSpace();
    if (p.pos != text.length()) {
      throw p.error("Unexpected text after the function call");
    }
    return call;
  }

  /** The text of a string literal with its escapes resolved. */
  static String decode(String raw) {
    StringBuilder sb = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      sb.append(c == '\\' ? raw.charAt(++i) : c);
    }
    return sb.toString();
  }

  private Call call() {
    int start = pos;
    if (!text.startsWith("States.", pos)) {
      throw error("Expected an intrinsic function such as States.Format(...)");
    }
    pos += "States.".length();
    while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) {
      pos++;
    }
    String name = text.substring(start, pos);
    skipSpace();
    expect('(');
    List<Arg> args = new ArrayList<>();
    skipSpace();
    if (peek() == ')') {
      pos++;
      return new Call(name, args, start);
    }
    while (true) {
      skipSpace();
      args.add(arg());
      skipSpace();
      if (peek() == ',') {
        pos++;
      } else {
        expect(')');
        return new Call(name, args, start);
      }
    }
  }

  private Arg arg() {
    char c = peek();
    if (c == '\'') {
      return literal();
    }
    if (c == '$') {
      return path();
    }
    if (text.startsWith("States.", pos)) {
      return call();
    }
    int start = pos;
    while (pos < text.length() && ",) \t\r\n".indexOf(text.charAt(pos)) < 0) {
      pos++;
    }
    String token = text.substring(start, pos);
    if (token.equals("true") || token.equals("false") || token.equals("null")
        || token.matches("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?")) {
      try {
        return new Constant(Json.MAPPER.readTree(token));
      } catch (JsonProcessingException e) {
        throw new AslSyntaxException(text, start, "Invalid number '" + token + "'");
      }
    }
    pos = start;
    throw error(token.isEmpty() ? "Missing argument" : "Invalid argument '" + token + "'");
  }

  private Literal literal() {
    int start = pos++;
    StringBuilder raw = new StringBuilder();
    while (pos < text.length() && text.charAt(pos) != '\'') {
      char c = text.charAt(pos);
      if (c == '\\') {
        char next = pos + 1 < text.length() ? text.charAt(pos + 1) : 0;
        if ("'{}\\".indexOf(next) < 0 || next == 0) {
          throw error("Only \\', \\{, \\} and \\\\ may follow a backslash");
        }
        raw.append(c).append(next);
        pos += 2;
      } else {
        raw.append(c);
        pos++;
      }
    }
    if (pos >= text.length()) {
      pos = start;
      throw error("Unclosed string literal");
    }
    pos++;
    return new Literal(raw.toString(), start);
  }

  /** A path runs to the next ',' or ')' outside brackets, parentheses and quotes. */
  private PathArg path() {
    int start = pos;
    int depth = 0;
    char quote = 0;
    for (; pos < text.length(); pos++) {
      char c = text.charAt(pos);
      if (quote != 0) {
        if (c == '\\') {
          pos++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '[' || c == '(') {
        depth++;
      } else if ((c == ']' || c == ')') && depth > 0) {
        depth--;
      } else if ((c == ',' || c == ')') && depth == 0) {
        break;
      }
    }
    String path = text.substring(start, pos).strip();
    try {
      JsonPaths.validate(path, false);
    } catch (AslSyntaxException e) {
      throw new AslSyntaxException(text, start + Math.max(0, e.position()), "Invalid path '" + path + "'");
    }
    return new PathArg(path, start);
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("Expected '" + c + "'");
    }
    pos++;
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : 0;
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private AslSyntaxException error(String problem) {
    return new AslSyntaxException(text, pos, problem);
  }
}
