package io.flowport.runtime.airflow.jinja;

import java.util.List;

/** The parsed template. {@code at}/{@code end} are source offsets of the construct. */
final class Node {

  private Node() {}

  sealed interface Expr permits Const, Name, ListExpr, TupleExpr, DictExpr, GetAttr, GetItem,
      Slice, Call, Filter, Test, Binary, Unary, Concat, Compare, CondExpr {
    int at();

    int end();
  }

  record Const(Object value, int at, int end) implements Expr {}

  record Name(String name, int at, int end) implements Expr {}

  record ListExpr(List<Expr> items, int at, int end) implements Expr {}

  record TupleExpr(List<Expr> items, int at, int end) implements Expr {}

  record DictExpr(List<Expr> keys, List<Expr> values, int at, int end) implements Expr {}

  /** {@code obj.name}; {@code at} is the dot. */
  record GetAttr(Expr obj, String name, int at, int end) implements Expr {}

  /** {@code obj[arg]}; {@code at} is the bracket. */
  record GetItem(Expr obj, Expr arg, int at, int end) implements Expr {}

  record Slice(Expr start, Expr stop, Expr step, int at, int end) implements Expr {}

  /** Call arguments: positional, keyword (names and values), *args and **kwargs. */
  record Args(List<Expr> positional, List<String> names, List<Expr> keywords, Expr star,
      Expr starStar) {
    static final Args NONE = new Args(List.of(), List.of(), List.of(), null, null);
  }

  /** {@code fn(args)}; {@code at} is the opening parenthesis. */
  record Call(Expr fn, Args args, int at, int end) implements Expr {}

  /** {@code node | name(args)}; {@code at} is the filter name. */
  record Filter(Expr node, String name, Args args, int at, int end) implements Expr {}

  /** {@code node is [not] name args}; {@code at} is the test name. */
  record Test(Expr node, String name, Args args, boolean negated, int at, int end)
      implements Expr {}

  /** Arithmetic operators and {@code and}/{@code or}; {@code at} is the operator. */
  record Binary(String op, Expr left, Expr right, int at, int end) implements Expr {}

  /** {@code -x}, {@code +x}, {@code not x}. */
  record Unary(String op, Expr operand, int at, int end) implements Expr {}

  /** {@code a ~ b ~ c}. */
  record Concat(List<Expr> parts, int at, int end) implements Expr {}

  /** {@code a < b == c}: Python comparison chains; ops include "in" and "not in". */
  record Compare(Expr first, List<String> ops, List<Expr> rest, int at, int end)
      implements Expr {}

  /** {@code then if test else otherwise}; otherwise may be null. */
  record CondExpr(Expr test, Expr then, Expr otherwise, int at, int end) implements Expr {}

  sealed interface Stmt permits Text, Output, If, For, Assign, AssignBlock, Do {}

  record Text(String text) implements Stmt {}

  record Output(Expr expr) implements Stmt {}

  record If(List<Expr> tests, List<List<Stmt>> bodies, List<Stmt> otherwise) implements Stmt {}

  record For(Expr target, Expr iter, Expr filter, List<Stmt> body, List<Stmt> otherwise, int at)
      implements Stmt {}

  record Assign(Expr target, Expr value, int at) implements Stmt {}

  record AssignBlock(Expr target, List<Stmt> body, int at) implements Stmt {}

  /** {@code {% do expr %}} from jinja2.ext.do, which Airflow enables. */
  record Do(Expr expr) implements Stmt {}
}
