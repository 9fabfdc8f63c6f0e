package io.flowport.runtime.airflow.jinja;

import io.flowport.runtime.airflow.jinja.Node.Expr;
import java.util.ArrayList;
import java.util.List;

/** The sub-expressions of a Jinja expression in source order (nulls left out), for the template walkers. */
final class ExprChildren {

  private ExprChildren() {}

  static List<Expr> of(Expr e) {
    List<Expr> out = new ArrayList<>();
    switch (e) {
      case Node.Const c -> { }
      case Node.Name n -> { }
      case Node.ListExpr l -> out.addAll(l.items());
      case Node.TupleExpr t -> out.addAll(t.items());
      case Node.DictExpr d -> {
        for (int k = 0; k < d.keys().size(); k++) {
          out.add(d.keys().get(k));
          out.add(d.values().get(k));
        }
      }
      case Node.GetAttr g -> out.add(g.obj());
      case Node.GetItem g -> {
        out.add(g.obj());
        out.add(g.arg());
      }
      case Node.Slice s -> {
        out.add(s.start());
        out.add(s.stop());
        out.add(s.step());
      }
      case Node.Call c -> {
        out.add(c.fn());
        args(c.args(), out);
      }
      case Node.Filter f -> {
        out.add(f.node());
        args(f.args(), out);
      }
      case Node.Test t -> {
        out.add(t.node());
        args(t.args(), out);
      }
      case Node.Binary b -> {
        out.add(b.left());
        out.add(b.right());
      }
      case Node.Unary u -> out.add(u.operand());
      case Node.Concat c -> out.addAll(c.parts());
      case Node.Compare c -> {
        out.add(c.first());
        out.addAll(c.rest());
      }
      // `a if b else c`: in source order.
      case Node.CondExpr c -> {
        out.add(c.then());
        out.add(c.test());
        out.add(c.otherwise());
      }
    }
    out.removeIf(java.util.Objects::isNull);
    return out;
  }

  /** A call's arguments: positional, keyword values, *args, **kwargs. */
  static List<Expr> of(Node.Args a) {
    List<Expr> out = new ArrayList<>();
    args(a, out);
    out.removeIf(java.util.Objects::isNull);
    return out;
  }

  private static void args(Node.Args a, List<Expr> out) {
    if (a != null) {
      out.addAll(a.positional());
      out.addAll(a.keywords());
      out.add(a.star());
      out.add(a.starStar());
    }
  }
}
