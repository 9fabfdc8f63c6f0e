package io.flowport.runtime.airflow.jinja;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jinja2's lexer (jinja2/lexer.py) for the default delimiters: data, {{ }}, {% %}, {# #},
 * {% raw %}, '-' whitespace control, and the expression tokens. Error messages are Jinja's.
 */
final class Lexer {

  private static final Pattern FLOAT = Pattern.compile(
      "(?<!\\.)(\\d+_)*\\d+((\\.(\\d+_)*\\d+)?[eE][+\\-]?(\\d+_)*\\d+|\\.(\\d+_)*\\d+)");
  private static final Pattern INTEGER = Pattern.compile(
      "0[bB](_?[01])+|0[oO](_?[0-7])+|0[xX](_?[0-9a-fA-F])+|[1-9](_?\\d)*|0(_?0)*");
  private static final Pattern STRING = Pattern.compile(
      "'([^'\\\\]*(?:\\\\.[^'\\\\]*)*)'|\"([^\"\\\\]*(?:\\\\.[^\"\\\\]*)*)\"", Pattern.DOTALL);
  private static final Pattern RAW_BEGIN = Pattern.compile("\\{%[-+]?\\s*raw\\s*(?:-%}\\s*|%})");
  private static final Pattern RAW_END =
      Pattern.compile("\\{%([-+]?)\\s*endraw\\s*(?:\\+%}|-%}\\s*|%})", Pattern.DOTALL);
  private static final Pattern COMMENT_END = Pattern.compile("\\+#}|-#}\\s*|#}");
  private static final String[] OPERATORS = {
    "//", "**", "==", "!=", ">=", "<=", "+", "-", "/", "*", "%", "~", "[", "]", "(", ")", "{",
    "}", ">", "<", "=", ".", ":", "|", ",", ";"
  };

  private final SourceText src;
  private final String s;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;

  private Lexer(SourceText src) {
    this.src = src;
    this.s = src.text;
  }

  static List<Token> tokenize(SourceText src) {
    Lexer lexer = new Lexer(src);
    lexer.run();
    return lexer.tokens;
  }

  private void run() {
    while (pos < s.length()) {
      int tag = nextTag(pos);
      if (tag < 0) {
        data(pos, s.length(), s.substring(pos));
        return;
      }
      char kind = s.charAt(tag + 1);
      char sign = tag + 2 < s.length() ? s.charAt(tag + 2) : 0;
      String text = s.substring(pos, tag);
      if (sign == '-') {
        text = rstrip(text);
      }
      data(pos, tag, text);
      Matcher raw = RAW_BEGIN.matcher(s).region(tag, s.length());
      if (kind == '%' && raw.lookingAt()) {
        rawBlock(raw.end());
        continue;
      }
      int after = tag + 2 + (sign == '-' || sign == '+' ? 1 : 0);
      if (kind == '#') {
        comment(after);
      } else {
        Token.Kind begin = kind == '{' ? Token.Kind.VAR_BEGIN : Token.Kind.BLOCK_BEGIN;
        tokens.add(new Token(begin, s.substring(tag, after), null, tag, after));
        pos = after;
        expression(begin == Token.Kind.VAR_BEGIN);
      }
    }
  }

  private int nextTag(int from) {
    for (int i = s.indexOf('{', from); i >= 0 && i + 1 < s.length(); i = s.indexOf('{', i + 1)) {
      char c = s.charAt(i + 1);
      if (c == '{' || c == '%' || c == '#') {
        return i;
      }
    }
    return -1;
  }

  private void data(int start, int end, String text) {
    if (!text.isEmpty()) {
      tokens.add(new Token(Token.Kind.DATA, text, text, start, end));
    }
  }

  private void rawBlock(int bodyStart) {
    Matcher end = RAW_END.matcher(s);
    if (!end.find(bodyStart)) {
      throw src.error("Missing end of raw directive", bodyStart);
    }
    String body = s.substring(bodyStart, end.start());
    if ("-".equals(end.group(1))) {
      body = rstrip(body);
    }
    data(bodyStart, end.start(), body);
    pos = end.end();
  }

  private void comment(int bodyStart) {
    Matcher end = COMMENT_END.matcher(s);
    if (!end.find(bodyStart)) {
      throw src.error("Missing end of comment tag", bodyStart);
    }
    pos = end.end();
  }

  /** Tokens up to the closing }} or %}, or to the end of the source (the parser reports it). */
  private void expression(boolean variable) {
    Deque<String> balance = new ArrayDeque<>();
    while (pos < s.length()) {
      if (balance.isEmpty() && closeTag(variable)) {
        return;
      }
      char c = s.charAt(pos);
      if (Character.isWhitespace(c)) {
        pos++;
        continue;
      }
      Matcher m;
      if ((m = at(FLOAT)) != null) {
        String t = m.group();
        add(Token.Kind.FLOAT, t, Double.parseDouble(t.replace("_", "")));
      } else if ((m = at(INTEGER)) != null) {
        add(Token.Kind.INTEGER, m.group(), parseInt(m.group()));
      } else if (Character.isUnicodeIdentifierStart(c) || c == '_') {
        int end = pos + 1;
        while (end < s.length() && Character.isUnicodeIdentifierPart(s.charAt(end))
            && !Character.isIdentifierIgnorable(s.charAt(end))) {
          end++;
        }
        add(Token.Kind.NAME, s.substring(pos, end), null);
      } else if ((m = at(STRING)) != null) {
        String t = m.group();
        add(Token.Kind.STRING, t, unescape(t.substring(1, t.length() - 1), pos));
      } else {
        operator(balance);
      }
    }
  }

  private boolean closeTag(boolean variable) {
    String close = variable ? "}}" : "%}";
    int start = pos;
    if (s.startsWith("-" + close, pos)) {
      pos += 3;
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    } else if (!variable && s.startsWith("+" + close, pos)) {
      pos += 3;
    } else if (s.startsWith(close, pos)) {
      pos += 2;
    } else {
      return false;
    }
    Token.Kind kind = variable ? Token.Kind.VAR_END : Token.Kind.BLOCK_END;
    tokens.add(new Token(kind, s.substring(start, pos), null, start, pos));
    return true;
  }

  private Matcher at(Pattern p) {
    Matcher m = p.matcher(s).region(pos, s.length()).useTransparentBounds(true);
    return m.lookingAt() ? m : null;
  }

  private void operator(Deque<String> balance) {
    for (String op : OPERATORS) {
      if (s.startsWith(op, pos)) {
        switch (op) {
          case "{" -> balance.push("}");
          case "(" -> balance.push(")");
          case "[" -> balance.push("]");
          case "}", ")", "]" -> {
            if (balance.isEmpty()) {
              throw src.error("unexpected '" + op + "'", pos);
            }
            String expected = balance.pop();
            if (!expected.equals(op)) {
              throw src.error("unexpected '" + op + "', expected '" + expected + "'", pos);
            }
          }
          default -> { }
        }
        add(Token.Kind.OP, op, null);
        return;
      }
    }
    throw src.error("unexpected char " + Py.strRepr(String.valueOf(s.charAt(pos))) + " at " + pos,
        pos);
  }

  private void add(Token.Kind kind, String text, Object value) {
    tokens.add(new Token(kind, text, value, pos, pos + text.length()));
    pos += text.length();
  }

  private static Object parseInt(String t) {
    String d = t.replace("_", "").toLowerCase();
    int radix = 10;
    if (d.startsWith("0x")) {
      radix = 16;
    } else if (d.startsWith("0o")) {
      radix = 8;
    } else if (d.startsWith("0b")) {
      radix = 2;
    }
    if (radix != 10) {
      d = d.substring(2);
    }
    return Py.intValue(new java.math.BigInteger(d, radix));
  }

  /** Python's unicode-escape decoding of a Jinja string literal body. */
  private String unescape(String body, int at) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c != '\\' || i + 1 >= body.length()) {
        sb.append(c);
        continue;
      }
      char e = body.charAt(++i);
      switch (e) {
        case '\n' -> { }
        case '\\', '\'', '"' -> sb.append(e);
        case 'a' -> sb.append('\u0007');
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'v' -> sb.append('\u000b');
        case 'x', 'u', 'U' -> {
          int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
          String hex = body.substring(i + 1, Math.min(body.length(), i + 1 + n));
          if (hex.length() < n || !hex.matches("[0-9a-fA-F]+")) {
            String what = e == 'x' ? "\\xXX" : e == 'u' ? "\\uXXXX" : "\\UXXXXXXXX";
            throw src.error("truncated " + what + " escape", at);
          }
          sb.appendCodePoint(Integer.parseInt(hex, 16));
          i += n;
        }
        case 'N' -> throw src.unsupported("\\N{...} escapes in string literals are not supported", at);
        default -> {
          if (e >= '0' && e <= '7') {
            int end = i;
            while (end < body.length() && end < i + 3 && body.charAt(end) >= '0'
                && body.charAt(end) <= '7') {
              end++;
            }
            sb.appendCodePoint(Integer.parseInt(body.substring(i, end), 8));
            i = end - 1;
          } else {
            sb.append('\\').append(e); // Python keeps unknown escapes as written
          }
        }
      }
    }
    return sb.toString();
  }

  /** Python's str.rstrip(): removes trailing whitespace as str.isspace defines it. */
  static String rstrip(String t) {
    int end = t.length();
    while (end > 0 && isSpace(t.charAt(end - 1))) {
      end--;
    }
    return t.substring(0, end);
  }

  static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || (c >= 0x1c && c <= 0x1f)
        || c == 0x85;
  }
}
