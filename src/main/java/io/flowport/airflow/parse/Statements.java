package io.flowport.airflow.parse;

import io.flowport.airflow.parse.PyValue.PyDynamic;
import java.util.List;
import org.treesitter.TSNode;

/** Executes statements: assignments, imports, definitions, if/for/with/try blocks. */
final class Statements {

  /** {@code return} inside a function; carries the value to the call. */
  static final class Return extends RuntimeException {
    final transient Obj value;

    Return(Obj value) {
      super(null, null, false, false);
      this.value = value;
    }
  }

  /** {@code break} or {@code continue} inside a loop. */
  static final class LoopJump extends RuntimeException {
    final boolean isBreak;

    LoopJump(boolean isBreak) {
      super(null, null, false, false);
      this.isBreak = isBreak;
    }
  }

  private final Interpreter in;

  Statements(Interpreter in) {
    this.in = in;
  }

  void execBlock(TSNode block) {
    for (int i = 0; i < block.getNamedChildCount(); i++) {
      exec(block.getNamedChild(i));
    }
  }

  void exec(TSNode stmt) {
    switch (stmt.getType()) {
      case "comment", "pass_statement", "future_import_statement" -> { }
      case "expression_statement" -> expression(stmt);
      case "import_statement", "import_from_statement" -> new Imports(in).bind(stmt);
      case "function_definition" -> in.functions.define(stmt, List.of());
      case "decorated_definition" -> in.functions.defineDecorated(stmt);
      case "class_definition" -> defineClass(stmt);
      case "if_statement" -> ifStatement(stmt);
      case "for_statement" -> forStatement(stmt);
      case "with_statement" -> new WithBlock(in, stmt).run();
      case "try_statement" -> tryStatement(stmt);
      case "return_statement" -> throw new Return(
          stmt.getNamedChildCount() == 0 ? new Obj.Data(PyValue.PyNone.INSTANCE) : in.eval(stmt.getNamedChild(0)));
      case "break_statement" -> throw new LoopJump(true);
      case "continue_statement" -> throw new LoopJump(false);
      default -> in.state.finding("unsupported-statement", Severity.WARNING, stmt,
          "'" + stmt.getType().replace("_statement", "") + "' statements are not read");
    }
  }

  private void expression(TSNode stmt) {
    for (int i = 0; i < stmt.getNamedChildCount(); i++) {
      TSNode child = stmt.getNamedChild(i);
      switch (child.getType()) {
        case "assignment" -> assignment(child);
        case "augmented_assignment" -> augmented(child);
        default -> {
          Obj value = in.eval(child);
          PyDynamic unknown = Operators.dynamicOf(value);
          if (child.getType().equals("call") && unknown != null && in.state.origin(unknown) != null) {
            in.state.finding("ignored-call", Severity.WARNING, child,
                "call not evaluated, its effects are not in the model: "
                    + Collector.oneLine(in.state.text(child)) + " (" + unknown.reason() + ")");
          }
        }
      }
    }
  }

  private Obj assignment(TSNode node) {
    TSNode right = Nodes.field(node, "right");
    if (right == null) {
      return null;
    }
    Obj value = right.getType().equals("assignment") ? assignment(right) : in.eval(right);
    assign(node.getChildByFieldName("left"), value, right);
    return value;
  }

  private void augmented(TSNode node) {
    TSNode left = node.getChildByFieldName("left");
    TSNode right = node.getChildByFieldName("right");
    String op = in.state.text(node.getChildByFieldName("operator")).replace("=", "");
    Obj current = in.eval(left);
    Obj operand = in.eval(right);
    if (op.equals("+") && current instanceof Obj.Seq list && list.kind() == Obj.SeqKind.LIST) {
      List<Obj> items = Comprehension.iterate(operand);
      if (items != null) {
        list.items().addAll(items);
        return;
      }
    }
    assign(left, in.operators.binary(op, current, operand, node), right);
  }

  /** Binds a value to an assignment or loop target; {@code source} is the value's expression. */
  void assign(TSNode target, Obj value, TSNode source) {
    switch (target.getType()) {
      case "identifier" -> {
        String name = in.state.text(target);
        // A task takes the first name its creating call is bound to (not `x = t.output`, `x = t`).
        if (value instanceof Obj.TaskRef t && source.getType().equals("call") && t.task().variable == null) {
          t.task().variable = name;
        }
        in.frame.set(name, value);
      }
      case "pattern_list", "tuple_pattern", "list_pattern", "tuple", "list", "expression_list" -> unpack(target, value, source);
      case "parenthesized_expression" -> assign(target.getNamedChild(0), value, source);
      case "subscript" -> new Targets(in).subscript(target, value, source);
      case "attribute" -> new Targets(in).attribute(target, value, source);
      default -> in.state.finding("unsupported-assignment", Severity.WARNING, target,
          "assignment to '" + in.state.text(target) + "' is not read");
    }
  }

  private void unpack(TSNode target, Obj value, TSNode source) {
    List<Obj> items = Comprehension.iterate(value);
    int count = target.getNamedChildCount();
    boolean star = false;
    for (int i = 0; i < count; i++) {
      star |= target.getNamedChild(i).getType().equals("list_splat_pattern");
    }
    boolean fits = items != null && (star ? items.size() >= count - 1 : items.size() == count);
    if (!fits) {
      for (int i = 0; i < count; i++) {
        TSNode part = target.getNamedChild(i);
        TSNode name = part.getType().equals("list_splat_pattern") ? part.getNamedChild(0) : part;
        assign(name, in.state.dynamic(source, "unpacked value not known statically"), source);
      }
      return;
    }
    int at = 0;
    for (int i = 0; i < count; i++) {
      TSNode part = target.getNamedChild(i);
      if (part.getType().equals("list_splat_pattern")) {
        int rest = items.size() - (count - 1);
        Obj.Seq spread = Obj.Seq.of(Obj.SeqKind.LIST);
        spread.items().addAll(items.subList(at, at + rest));
        assign(part.getNamedChild(0), spread, source);
        at += rest;
      } else {
        assign(part, items.get(at++), source);
      }
    }
  }

  private void defineClass(TSNode stmt) {
    String name = in.state.text(stmt.getChildByFieldName("name"));
    in.frame.set(name, new Obj.LocalClass(name));
    in.state.finding("class-definition", Severity.INFO, stmt, "the body of class '" + name
        + "' is not read; instances are tasks only if the name ends in Operator or Sensor");
  }

  private void ifStatement(TSNode stmt) {
    TSNode clause = stmt;
    while (clause != null) {
      TSNode condition = Nodes.field(clause, "condition");
      if (condition == null) {
        execBlock(clause.getChildByFieldName("body"));
        return;
      }
      Boolean truth = Operators.truth(in.eval(condition));
      if (truth == null) {
        in.state.finding("dynamic-condition", Severity.WARNING, condition,
            "condition not known statically; no branch of this if statement is read");
        return;
      }
      if (truth) {
        execBlock(clause.getChildByFieldName("consequence"));
        return;
      }
      clause = nextAlternative(stmt, clause);
    }
  }

  // The elif/else clause after `clause` (the if statement itself counts as the first clause).
  private static TSNode nextAlternative(TSNode stmt, TSNode clause) {
    boolean passed = clause == stmt;
    for (int i = 0; i < stmt.getNamedChildCount(); i++) {
      TSNode child = stmt.getNamedChild(i);
      boolean isClause = child.getType().equals("elif_clause") || child.getType().equals("else_clause");
      if (isClause && passed) {
        return child;
      }
      if (TSNode.eq(child, clause)) {
        passed = true;
      }
    }
    return null;
  }

  private void forStatement(TSNode stmt) {
    TSNode source = stmt.getChildByFieldName("right");
    List<Obj> items = Comprehension.iterate(in.eval(source));
    if (items == null) {
      in.state.finding("dynamic-loop", Severity.WARNING, source,
          "loop over a value not known statically; tasks it would create are not in the model");
      return;
    }
    boolean broke = false;
    for (Obj item : items) {
      in.state.step(stmt);
      assign(stmt.getChildByFieldName("left"), item, source);
      try {
        execBlock(stmt.getChildByFieldName("body"));
      } catch (LoopJump jump) {
        if (jump.isBreak) {
          broke = true;
          break;
        }
      }
    }
    TSNode otherwise = Nodes.field(stmt, "alternative");
    if (!broke && otherwise != null) {
      execBlock(otherwise.getChildByFieldName("body"));
    }
  }

  // The try body runs; handlers are for failures, which reading statically does not have.
  private void tryStatement(TSNode stmt) {
    execBlock(stmt.getChildByFieldName("body"));
    for (int i = 0; i < stmt.getNamedChildCount(); i++) {
      TSNode child = stmt.getNamedChild(i);
      switch (child.getType()) {
        case "else_clause" -> execBlock(child.getChildByFieldName("body"));
        case "finally_clause" -> execBlock(child.getNamedChild(child.getNamedChildCount() - 1));
        case "except_clause", "except_group_clause" -> in.state.finding("except-not-read", Severity.INFO,
            child, "except blocks are not read; the try block is assumed to succeed");
        default -> { }
      }
    }
  }
}
