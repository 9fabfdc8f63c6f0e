package io.flowport.airflow.parse;

import io.flowport.diag.BadInputException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import org.treesitter.TSNode;

/**
 * Rejects files Python would not compile. tree-sitter recovers from errors, so this looks for its
 * ERROR and MISSING nodes, plus what it accepts but Python 3 does not (print/exec statements,
 * statements indented differently from their neighbours). Reports the first one in the file.
 */
final class SyntaxCheck {

  private static final Map<String, String> CLOSERS = Map.of("(", ")", "[", "]", "{", "}");
  private static final int NEAR_MAX = 40;

  private final PySource source;
  private int first = Integer.MAX_VALUE;

  private SyntaxCheck(PySource source) {
    this.source = source;
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
    switch (node.getType()) {
      case "print_statement", "exec_statement" -> report(node.getStartByte());
      case "module", "block" -> checkIndentation(node);
      case "string" -> checkEscapes(node);
      default -> { }
    }
    for (int i = 0; i < node.getChildCount(); i++) {
      visit(node.getChild(i));
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
