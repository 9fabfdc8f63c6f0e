package io.flowport.airflow.parse;

import io.flowport.diag.BadInputException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.treesitter.TSNode;

/**
 * Rejects files Python would not compile. tree-sitter recovers from errors, so this looks for its
 * ERROR and MISSING nodes, plus what it accepts but Python 3 does not (print/exec statements,
 * statements indented differently from their neighbours). Reports the first one in the file.
 */
final class SyntaxCheck {

  private static final Map<String, String> CLOSERS = Map.of("(", ")", "[", "]", "{", "}");
  private static final int NEAR_MAX = 40;

  // Statements whose bodies hold blocks of further statements.
  private static final Set<String> COMPOUND = Set.of("if_statement", "elif_clause", "else_clause",
      "for_statement", "while_statement", "try_statement", "except_clause", "except_group_clause",
      "finally_clause", "with_statement", "function_definition", "class_definition",
      "decorated_definition", "match_statement", "case_clause");
  // Escapes Python rejects; most files have none, so string literals need no visit at all.
  private static final Pattern SUSPECT_ESCAPE =
      Pattern.compile("\\\\(x(?![0-9a-fA-F]{2})|u(?![0-9a-fA-F]{4})|U(?![0-9a-fA-F]{8})|N\\{)");

  private final PySource source;
  private final boolean escapesToCheck;
  private int first = Integer.MAX_VALUE;

  private SyntaxCheck(PySource source) {
    this.source = source;
    this.escapesToCheck = SUSPECT_ESCAPE.matcher(source.text(0, source.length())).find();
  }

  static void check(PySource source, TSNode root) {
    SyntaxCheck check = new SyntaxCheck(source);
    check.visit(root);
    if (check.first != Integer.MAX_VALUE) {
      throw new BadInputException(source.location(check.first), check.message(check.first));
    }
  }

  private void visit(TSNode node) {
    if (node.getStartByte() > first) {
      return;
    }
    if (node.isMissing()) {
      report(node.getStartByte());
      return;
    }
    if (node.isError()) {
      report(errorOffset(node));
      return;
    }
    String type = node.getType();
    switch (type) {
      case "print_statement", "exec_statement" -> report(node.getStartByte());
      case "module", "block" -> checkIndentation(node);
      case "string" -> checkEscapes(node);
      case "return_statement" -> checkEnclosed(node, Set.of("function_definition"));
      case "break_statement", "continue_statement" -> checkEnclosed(node, Set.of("for_statement", "while_statement"));
      default -> { }
    }
    // Each node costs native calls: only enter subtrees that can hold a problem.
    if (escapesToCheck || node.hasError() || COMPOUND.contains(type) || type.equals("module") || type.equals("block")) {
      for (int i = 0; i < node.getChildCount(); i++) {
        visit(node.getChild(i));
      }
    }
  }

  private void report(int offset) {
    first = Math.min(first, offset);
  }

  // Statements that start a line must line up; at module level they start in column 1.
  private void checkIndentation(TSNode block) {
    int column = block.getType().equals("module") ? 1 : -1;
    for (int i = 0; i < block.getNamedChildCount(); i++) {
      TSNode child = block.getNamedChild(i);
      if (child.getType().equals("comment") || !source.startsLine(child.getStartByte())) {
        continue;
      }
      int at = source.location(child).column();
      if (column == -1) {
        column = at;
      } else if (at != column) {
        report(child.getStartByte());
        return;
      }
    }
  }

  // return belongs in a function, break/continue in a loop (of the same function).
  private void checkEnclosed(TSNode node, Set<String> allowed) {
    for (TSNode p = node.getParent(); p != null && !p.isNull(); p = p.getParent()) {
      if (allowed.contains(p.getType())) {
        return;
      }
      if (p.getType().equals("function_definition") || p.getType().equals("class_definition")) {
        break;
      }
    }
    report(node.getStartByte());
  }

  // Python rejects truncated hex escapes (x, u, U) and unknown N{...} names when compiling.
  private void checkEscapes(TSNode string) {
    String prefix = source.text(string.getChild(0)).toLowerCase();
    if (prefix.contains("r") || prefix.contains("b")) {
      return;
    }
    for (int i = 1; i < string.getChildCount() - 1; i++) {
      TSNode part = string.getChild(i);
      if (part.getType().equals("string_content")) {
        try {
          Strings.unescape(source.text(part));
        } catch (IllegalArgumentException e) {
          report(part.getStartByte());
        }
      }
    }
  }

  // An ERROR node often starts long before the mistake: prefer a bracket that is never closed,
  // or the token after a complete statement that the parser swallowed into the error.
  private int errorOffset(TSNode error) {
    Deque<TSNode> open = new ArrayDeque<>();
    for (int i = 0; i < error.getChildCount(); i++) {
      TSNode child = error.getChild(i);
      String type = child.getType();
      if (CLOSERS.containsKey(type)) {
        open.push(child);
      } else if (!open.isEmpty() && type.equals(CLOSERS.get(open.peek().getType()))) {
        open.pop();
      }
    }
    if (!open.isEmpty()) {
      return open.peekLast().getStartByte();
    }
    TSNode head = error.getChildCount() > 1 ? error.getChild(0) : null;
    if (head != null && !head.hasError()
        && (head.getType().endsWith("statement") || head.getType().endsWith("definition"))) {
      return error.getChild(1).getStartByte();
    }
    return error.getStartByte();
  }

  private String message(int offset) {
    String near = source.restOfLine(offset).strip();
    if (near.isEmpty()) {
      near = source.lineAt(offset).strip();
    }
    if (near.isEmpty()) {
      return "invalid Python syntax at end of file";
    }
    if (near.length() > NEAR_MAX) {
      near = near.substring(0, NEAR_MAX) + "...";
    }
    return "invalid Python syntax near '" + near + "'";
  }
}
