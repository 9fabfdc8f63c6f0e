package io.flowport.runtime.airflow.jinja;

import io.flowport.runtime.airflow.jinja.Node.Args;
import io.flowport.runtime.airflow.jinja.Node.Expr;
import io.flowport.runtime.airflow.jinja.Node.Stmt;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A port of jinja2/parser.py for the supported statements, with Jinja's precedence (including
 * its left-associative {@code **} and unary minus binding tighter than {@code **}) and its error
 * messages. Tags Jinja knows but flowport does not run are reported as unsupported.
 */
final class Parser {

  private static final Set<String> UNSUPPORTED_TAGS = Set.of("block", "extends", "print",
      "macro", "include", "from", "import", "with", "autoescape", "call", "filter");

  private final SourceText src;
  private final List<Token> tokens;
  private int i;
  private final List<String> tagStack = new ArrayList<>();
  private final List<List<String>> endTokenStack = new ArrayList<>();

  private Parser(SourceText src, List<Token> tokens) {
    this.src = src;
    this.tokens = new ArrayList<>(tokens);
    int eofAt = tokens.isEmpty() ? 0 : tokens.get(tokens.size() - 1).start();
    this.tokens.add(new Token(Token.Kind.EOF, "", null, eofAt, eofAt));
  }

  static List<Stmt> parse(SourceText src) {
    Parser p = new Parser(src, Lexer.tokenize(src));
    return p.subparse(null);
  }

  // ---- token stream ----

  private Token cur() {
    return tokens.get(i);
  }

  private Token look() {
    return tokens.get(Math.min(i + 1, tokens.size() - 1));
  }

  private Token next() {
    Token t = tokens.get(i);
    if (t.kind() != Token.Kind.EOF) {
      i++;
    }
    return t;
  }

  private boolean skipOp(String op) {
    if (cur().isOp(op)) {
      next();
      return true;
    }
    return false;
  }

  private boolean skipName(String name) {
    if (cur().isName(name)) {
      next();
      return true;
    }
    return false;
  }

  private Token expect(Token.Kind kind, String what) {
    Token t = cur();
    boolean ok = kind == Token.Kind.OP ? t.isOp(what)
        : kind == Token.Kind.NAME && what != null ? t.isName(what) : t.is(kind);
    if (!ok) {
      String expected = what != null ? what : kind.description;
      if (t.is(Token.Kind.EOF)) {
        throw src.error("unexpected end of template, expected " + Py.strRepr(expected) + ".",
            t.start());
      }
      throw src.error("expected token " + Py.strRepr(expected) + ", got "
          + Py.strRepr(t.describe()), t.start());
    }
    return next();
  }

  private TemplateSyntaxException fail(String message, Token at) {
    return src.error(message, at.start());
  }

  // ---- statements ----

  private List<Stmt> subparse(List<String> endTokens) {
    List<Stmt> body = new ArrayList<>();
    while (!cur().is(Token.Kind.EOF)) {
      Token t = cur();
      if (t.is(Token.Kind.DATA)) {
        body.add(new Node.Text((String) t.value()));
        next();
      } else if (t.is(Token.Kind.VAR_BEGIN)) {
        next();
        body.add(new Node.Output(parseTuple(false, true, null, false)));
        expect(Token.Kind.VAR_END, null);
      } else {
        next();
        if (endTokens != null && cur().is(Token.Kind.NAME) && endTokens.contains(cur().text())) {
          return body;
        }
        body.add(parseStatement());
        expect(Token.Kind.BLOCK_END, null);
      }
    }
    return body;
  }

  private Stmt parseStatement() {
    Token t = cur();
    if (!t.is(Token.Kind.NAME)) {
      throw fail("tag name expected", t);
    }
    String name = t.text();
    if (UNSUPPORTED_TAGS.contains(name)) {
      throw src.unsupported("the '{% " + name + " %}' tag is not supported by flowport", t.start());
    }
    if (!Set.of("if", "for", "set", "do").contains(name)) {
      throw unknownTag(name, t);
    }
    tagStack.add(name);
    try {
      return switch (name) {
        case "if" -> parseIf();
        case "for" -> parseFor();
        case "set" -> parseSet();
        default -> {
          next();
          yield new Node.Do(parseTuple(false, true, null, false));
        }
      };
    } finally {
      tagStack.remove(tagStack.size() - 1);
    }
  }

  private List<Stmt> parseStatements(List<String> endTokens, boolean dropNeedle) {
    skipOp(":");
    expect(Token.Kind.BLOCK_END, null);
    endTokenStack.add(endTokens);
    List<Stmt> result;
    try {
      result = subparse(endTokens);
    } finally {
      endTokenStack.remove(endTokenStack.size() - 1);
    }
    if (cur().is(Token.Kind.EOF)) {
      throw unexpectedEnd(endTokens, cur());
    }
    if (dropNeedle) {
      next();
    }
    return result;
  }

  private Stmt parseIf() {
    next();
    List<Expr> tests = new ArrayList<>();
    List<List<Stmt>> bodies = new ArrayList<>();
    List<Stmt> otherwise = List.of();
    while (true) {
      tests.add(parseTuple(false, false, null, false));
      bodies.add(parseStatements(List.of("elif", "else", "endif"), false));
      Token t = next();
      if (t.isName("elif")) {
        continue;
      }
      if (t.isName("else")) {
        otherwise = parseStatements(List.of("endif"), true);
      }
      break;
    }
    return new Node.If(tests, bodies, otherwise);
  }

  private Stmt parseFor() {
    int at = next().start();
    Expr target = parseAssignTarget(List.of("in"));
    expect(Token.Kind.NAME, "in");
    Expr iter = parseTuple(false, false, List.of("recursive"), false);
    Expr filter = null;
    if (skipName("if")) {
      filter = parseExpression(true);
    }
    if (cur().isName("recursive")) {
      throw src.unsupported("recursive for loops are not supported by flowport", cur().start());
    }
    List<Stmt> body = parseStatements(List.of("endfor", "else"), false);
    List<Stmt> otherwise = List.of();
    if (!next().isName("endfor")) {
      otherwise = parseStatements(List.of("endfor"), true);
    }
    return new Node.For(target, iter, filter, body, otherwise, at);
  }

  private Stmt parseSet() {
    int at = next().start();
    if (cur().is(Token.Kind.NAME) && look().isOp(".")) {
      throw src.unsupported("namespace assignments ({% set ns.attr = ... %}) are not supported",
          cur().start());
    }
    Expr target = parseAssignTarget(null);
    if (skipOp("=")) {
      return new Node.Assign(target, parseTuple(false, true, null, false), at);
    }
    if (cur().isOp("|")) {
      throw src.unsupported("filtered block assignments are not supported", cur().start());
    }
    return new Node.AssignBlock(target, parseStatements(List.of("endset"), true), at);
  }

  private Expr parseAssignTarget(List<String> extraEndRules) {
    Token start = cur();
    Expr target = parseTuple(true, true, extraEndRules, false);
    if (!canAssign(target)) {
      String kind = switch (target) {
        case Node.Const c -> "const";
        case Node.TupleExpr t -> "tuple";
        case Node.ListExpr l -> "list";
        case Node.DictExpr d -> "dict";
        default -> target.getClass().getSimpleName().toLowerCase();
      };
      throw fail("can't assign to " + Py.strRepr(kind), start);
    }
    return target;
  }

  private static boolean canAssign(Expr e) {
    if (e instanceof Node.Name) {
      return true;
    }
    return e instanceof Node.TupleExpr t && t.items().stream().allMatch(Parser::canAssign);
  }

  private TemplateSyntaxException unknownTag(String name, Token at) {
    return utEof(name, endTokenStack, at);
  }

  private TemplateSyntaxException unexpectedEnd(List<String> endTokens, Token at) {
    List<List<String>> stack = new ArrayList<>(endTokenStack);
    stack.add(endTokens);
    return utEof(null, stack, at);
  }

  /** Parser._fail_ut_eof: the message that names the innermost open block. */
  private TemplateSyntaxException utEof(String name, List<List<String>> stack, Token at) {
    Set<String> expected = new LinkedHashSet<>();
    stack.forEach(expected::addAll);
    String looking = null;
    if (!stack.isEmpty()) {
      List<String> quoted = stack.get(stack.size() - 1).stream().map(Py::strRepr).toList();
      looking = String.join(" or ", quoted);
    }
    StringBuilder msg = new StringBuilder(name == null ? "Unexpected end of template."
        : "Encountered unknown tag " + Py.strRepr(name) + ".");
    if (looking != null) {
      if (name != null && expected.contains(name)) {
        msg.append(" You probably made a nesting mistake. Jinja is expecting this tag, but"
            + " currently looking for ").append(looking).append('.');
      } else {
        msg.append(" Jinja was looking for the following tags: ").append(looking).append('.');
      }
    }
    if (!tagStack.isEmpty()) {
      msg.append(" The innermost block that needs to be closed is ")
          .append(Py.strRepr(tagStack.get(tagStack.size() - 1))).append('.');
    }
    return fail(msg.toString(), at);
  }

  // ---- expressions ----

  private Expr parseExpression(boolean withCondexpr) {
    return withCondexpr ? parseCondexpr() : parseOr();
  }

  private Expr parseCondexpr() {
    Expr expr1 = parseOr();
    while (skipName("if")) {
      Expr expr2 = parseOr();
      Expr expr3 = skipName("else") ? parseCondexpr() : null;
      expr1 = new Node.CondExpr(expr2, expr1, expr3, expr1.at(), prevEnd());
    }
    return expr1;
  }

  private int prevEnd() {
    return i == 0 ? 0 : tokens.get(i - 1).end();
  }

  private Expr parseOr() {
    Expr left = parseAnd();
    while (cur().isName("or")) {
      int at = next().start();
      left = new Node.Binary("or", left, parseAnd(), at, prevEnd());
    }
    return left;
  }

  private Expr parseAnd() {
    Expr left = parseNot();
    while (cur().isName("and")) {
      int at = next().start();
      left = new Node.Binary("and", left, parseNot(), at, prevEnd());
    }
    return left;
  }

  private Expr parseNot() {
    if (cur().isName("not")) {
      int at = next().start();
      return new Node.Unary("not", parseNot(), at, prevEnd());
    }
    return parseCompare();
  }

  private Expr parseCompare() {
    Expr expr = parseMath1();
    List<String> ops = new ArrayList<>();
    List<Expr> rest = new ArrayList<>();
    while (true) {
      Token t = cur();
      if (t.kind() == Token.Kind.OP && Set.of("==", "!=", "<", "<=", ">", ">=").contains(t.text())) {
        next();
        ops.add(t.text());
      } else if (skipName("in")) {
        ops.add("in");
      } else if (t.isName("not") && look().isName("in")) {
        next();
        next();
        ops.add("not in");
      } else {
        break;
      }
      rest.add(parseMath1());
    }
    return ops.isEmpty() ? expr : new Node.Compare(expr, ops, rest, expr.at(), prevEnd());
  }

  private Expr parseMath1() {
    Expr left = parseConcat();
    while (cur().isOp("+") || cur().isOp("-")) {
      Token op = next();
      left = new Node.Binary(op.text(), left, parseConcat(), op.start(), prevEnd());
    }
    return left;
  }

  private Expr parseConcat() {
    List<Expr> args = new ArrayList<>(List.of(parseMath2()));
    while (skipOp("~")) {
      args.add(parseMath2());
    }
    return args.size() == 1 ? args.get(0) : new Node.Concat(args, args.get(0).at(), prevEnd());
  }

  private Expr parseMath2() {
    Expr left = parsePow();
    while (cur().kind() == Token.Kind.OP && Set.of("*", "/", "//", "%").contains(cur().text())) {
      Token op = next();
      left = new Node.Binary(op.text(), left, parsePow(), op.start(), prevEnd());
    }
    return left;
  }

  private Expr parsePow() {
    Expr left = parseUnary(true);
    while (cur().isOp("**")) {
      Token op = next();
      left = new Node.Binary("**", left, parseUnary(true), op.start(), prevEnd());
    }
    return left;
  }

  private Expr parseUnary(boolean withFilter) {
    Expr node;
    if (cur().isOp("-") || cur().isOp("+")) {
      Token op = next();
      Expr operand = parseUnary(false);
      node = new Node.Unary(op.text(), operand, op.start(), prevEnd());
    } else {
      node = parsePrimary();
    }
    node = parsePostfix(node);
    return withFilter ? parseFilterExpr(node) : node;
  }

  private Expr parsePrimary() {
    Token t = cur();
    switch (t.kind()) {
      case NAME -> {
        next();
        return switch (t.text()) {
          case "true", "True" -> new Node.Const(true, t.start(), t.end());
          case "false", "False" -> new Node.Const(false, t.start(), t.end());
          case "none", "None" -> new Node.Const(null, t.start(), t.end());
          default -> new Node.Name(t.text(), t.start(), t.end());
        };
      }
      case STRING -> {
        StringBuilder sb = new StringBuilder();
        while (cur().is(Token.Kind.STRING)) {
          sb.append((String) next().value());
        }
        return new Node.Const(sb.toString(), t.start(), prevEnd());
      }
      case INTEGER, FLOAT -> {
        next();
        return new Node.Const(t.value(), t.start(), t.end());
      }
      default -> { }
    }
    if (t.isOp("(")) {
      next();
      Expr node = parseTuple(false, true, null, true);
      expect(Token.Kind.OP, ")");
      return node;
    }
    if (t.isOp("[")) {
      return parseList();
    }
    if (t.isOp("{")) {
      return parseDict();
    }
    throw fail("unexpected " + Py.strRepr(t.describe()), t);
  }

  /** Parser.parse_tuple; simplified parses only primaries (assignment targets). */
  private Expr parseTuple(boolean simplified, boolean withCondexpr, List<String> extraEndRules,
      boolean explicitParentheses) {
    int at = cur().start();
    List<Expr> args = new ArrayList<>();
    boolean isTuple = false;
    while (true) {
      if (!args.isEmpty()) {
        expect(Token.Kind.OP, ",");
      }
      if (isTupleEnd(extraEndRules)) {
        break;
      }
      args.add(simplified ? parsePrimary() : parseExpression(withCondexpr));
      if (cur().isOp(",")) {
        isTuple = true;
      } else {
        break;
      }
    }
    if (!isTuple) {
      if (!args.isEmpty()) {
        return args.get(0);
      }
      if (!explicitParentheses) {
        throw fail("Expected an expression, got " + Py.strRepr(cur().describe()), cur());
      }
    }
    return new Node.TupleExpr(args, at, prevEnd());
  }

  private boolean isTupleEnd(List<String> extraEndRules) {
    Token t = cur();
    if (t.is(Token.Kind.VAR_END) || t.is(Token.Kind.BLOCK_END) || t.isOp(")")) {
      return true;
    }
    return extraEndRules != null && t.is(Token.Kind.NAME) && extraEndRules.contains(t.text());
  }

  private Expr parseList() {
    Token open = expect(Token.Kind.OP, "[");
    List<Expr> items = new ArrayList<>();
    while (!cur().isOp("]")) {
      if (!items.isEmpty()) {
        expect(Token.Kind.OP, ",");
      }
      if (cur().isOp("]")) {
        break;
      }
      items.add(parseExpression(true));
    }
    expect(Token.Kind.OP, "]");
    return new Node.ListExpr(items, open.start(), prevEnd());
  }

  private Expr parseDict() {
    Token open = expect(Token.Kind.OP, "{");
    List<Expr> keys = new ArrayList<>();
    List<Expr> values = new ArrayList<>();
    while (!cur().isOp("}")) {
      if (!keys.isEmpty()) {
        expect(Token.Kind.OP, ",");
      }
      if (cur().isOp("}")) {
        break;
      }
      keys.add(parseExpression(true));
      expect(Token.Kind.OP, ":");
      values.add(parseExpression(true));
    }
    expect(Token.Kind.OP, "}");
    return new Node.DictExpr(keys, values, open.start(), prevEnd());
  }

  private Expr parsePostfix(Expr node) {
    while (true) {
      if (cur().isOp(".") || cur().isOp("[")) {
        node = parseSubscript(node);
      } else if (cur().isOp("(")) {
        node = parseCall(node);
      } else {
        return node;
      }
    }
  }

  private Expr parseFilterExpr(Expr node) {
    while (true) {
      if (cur().isOp("|")) {
        node = parseFilter(node);
      } else if (cur().isName("is")) {
        node = parseTest(node);
      } else if (cur().isOp("(")) {
        node = parseCall(node);
      } else {
        return node;
      }
    }
  }

  private Expr parseSubscript(Expr node) {
    Token t = next();
    if (t.isOp(".")) {
      Token attr = next();
      if (attr.is(Token.Kind.NAME)) {
        return new Node.GetAttr(node, attr.text(), t.start(), attr.end());
      }
      if (!attr.is(Token.Kind.INTEGER)) {
        throw fail("expected name or number", attr);
      }
      return new Node.GetItem(node, new Node.Const(attr.value(), attr.start(), attr.end()),
          t.start(), attr.end());
    }
    List<Expr> args = new ArrayList<>();
    while (!cur().isOp("]")) {
      if (!args.isEmpty()) {
        expect(Token.Kind.OP, ",");
      }
      args.add(parseSubscribed());
    }
    expect(Token.Kind.OP, "]");
    Expr arg = args.size() == 1 ? args.get(0) : new Node.TupleExpr(args, t.start(), prevEnd());
    return new Node.GetItem(node, arg, t.start(), prevEnd());
  }

  private Expr parseSubscribed() {
    int at = cur().start();
    Expr start = null;
    if (cur().isOp(":")) {
      next();
    } else {
      Expr node = parseExpression(true);
      if (!cur().isOp(":")) {
        return node;
      }
      next();
      start = node;
    }
    Expr stop = null;
    if (!cur().isOp(":") && !cur().isOp("]") && !cur().isOp(",")) {
      stop = parseExpression(true);
    }
    Expr step = null;
    if (skipOp(":") && !cur().isOp("]") && !cur().isOp(",")) {
      step = parseExpression(true);
    }
    return new Node.Slice(start, stop, step, at, prevEnd());
  }

  private Expr parseCall(Expr node) {
    Token open = cur();
    Args args = parseCallArgs();
    return new Node.Call(node, args, open.start(), prevEnd());
  }

  private Args parseCallArgs() {
    Token open = expect(Token.Kind.OP, "(");
    List<Expr> positional = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<Expr> keywords = new ArrayList<>();
    Expr star = null;
    Expr starStar = null;
    boolean requireComma = false;
    while (!cur().isOp(")")) {
      if (requireComma) {
        expect(Token.Kind.OP, ",");
        if (cur().isOp(")")) {
          break;
        }
      }
      if (cur().isOp("*")) {
        ensure(star == null && starStar == null, open);
        next();
        star = parseExpression(true);
      } else if (cur().isOp("**")) {
        ensure(starStar == null, open);
        next();
        starStar = parseExpression(true);
      } else if (cur().is(Token.Kind.NAME) && look().isOp("=")) {
        ensure(starStar == null, open);
        if (names.contains(cur().text())) {
          // Jinja accepts it, then Python refuses to compile the generated call.
          throw new TemplateSyntaxException("SyntaxError",
              "keyword argument repeated: " + cur().text(), src.line(cur().start()),
              src.column(cur().start()));
        }
        names.add(next().text());
        next();
        keywords.add(parseExpression(true));
      } else {
        ensure(star == null && starStar == null && keywords.isEmpty(), open);
        positional.add(parseExpression(true));
      }
      requireComma = true;
    }
    expect(Token.Kind.OP, ")");
    return new Args(positional, names, keywords, star, starStar);
  }

  private void ensure(boolean ok, Token open) {
    if (!ok) {
      throw fail("invalid syntax for function call expression", open);
    }
  }

  private Expr parseFilter(Expr node) {
    while (cur().isOp("|")) {
      next();
      Token name = expect(Token.Kind.NAME, null);
      String full = name.text();
      while (cur().isOp(".")) {
        next();
        full += "." + expect(Token.Kind.NAME, null).text();
      }
      Args args = cur().isOp("(") ? parseCallArgs() : Args.NONE;
      node = new Node.Filter(node, full, args, name.start(), prevEnd());
    }
    return node;
  }

  private Expr parseTest(Expr node) {
    next();
    boolean negated = skipName("not");
    Token name = expect(Token.Kind.NAME, null);
    String full = name.text();
    while (cur().isOp(".")) {
      next();
      full += "." + expect(Token.Kind.NAME, null).text();
    }
    Args args = Args.NONE;
    Token t = cur();
    if (t.isOp("(")) {
      args = parseCallArgs();
    } else if ((t.is(Token.Kind.NAME) || t.is(Token.Kind.STRING) || t.is(Token.Kind.INTEGER)
        || t.is(Token.Kind.FLOAT) || t.isOp("[") || t.isOp("{"))
        && !t.isName("else") && !t.isName("or") && !t.isName("and")) {
      if (t.isName("is")) {
        throw fail("You cannot chain multiple tests with is", t);
      }
      Expr arg = parsePostfix(parsePrimary());
      args = new Args(List.of(arg), List.of(), List.of(), null, null);
    }
    return new Node.Test(node, full, args, negated, name.start(), prevEnd());
  }
}
