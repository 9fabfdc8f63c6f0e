package io.flowport.runtime.airflow.jinja;

import io.flowport.runtime.airflow.jinja.Node.Expr;
import io.flowport.runtime.airflow.jinja.Node.Stmt;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The top-level names a template reads (context entries such as {@code ds} or {@code prev_ds}). */
final class NameFinder {

  private final Set<String> found = new TreeSet<>();
  private final Set<String> bound = new TreeSet<>();

  static Set<String> find(List<Stmt> body) {
    NameFinder f = new NameFinder();
    f.stmts(body);
    f.found.removeAll(f.bound);
    return f.found;
  }

  /** Names a loop or set binds are the template's own, not the context's. */
  private void bind(Expr target) {
    switch (target) {
      case Node.Name n -> bound.add(n.name());
      case Node.TupleExpr t -> t.items().forEach(this::bind);
      case Node.ListExpr l -> l.items().forEach(this::bind);
      default -> { }
    }
  }

  private void stmts(List<Stmt> body) {
    for (Stmt s : body) {
      switch (s) {
        case Node.Text t -> { }
        case Node.Output o -> expr(o.expr());
        case Node.If i -> {
          i.tests().forEach(this::expr);
          i.bodies().forEach(this::stmts);
          stmts(i.otherwise());
        }
        case Node.For l -> {
          bind(l.target());
          expr(l.iter());
          expr(l.filter());
          stmts(l.body());
          stmts(l.otherwise());
        }
        case Node.Assign a -> {
          bind(a.target());
          expr(a.value());
        }
        case Node.AssignBlock a -> {
          bind(a.target());
          stmts(a.body());
        }
        case Node.Do d -> expr(d.expr());
      }
    }
  }

  private void args(Node.Args a) {
    if (a != null) {
      a.positional().forEach(this::expr);
      a.keywords().forEach(this::expr);
      expr(a.star());
      expr(a.starStar());
    }
  }

  private void expr(Expr e) {
    if (e == null) {
      return;
    }
    switch (e) {
      case Node.Const c -> { }
      case Node.Name n -> found.add(n.name());
      case Node.ListExpr l -> l.items().forEach(this::expr);
      case Node.TupleExpr t -> t.items().forEach(this::expr);
      case Node.DictExpr d -> {
        d.keys().forEach(this::expr);
        d.values().forEach(this::expr);
      }
      case Node.GetAttr g -> expr(g.obj());
      case Node.GetItem g -> {
        expr(g.obj());
        expr(g.arg());
      }
      case Node.Slice s -> {
        expr(s.start());
        expr(s.stop());
        expr(s.step());
      }
      case Node.Call c -> {
        expr(c.fn());
        args(c.args());
      }
      case Node.Filter f -> {
        expr(f.node());
        args(f.args());
      }
      case Node.Test t -> {
        expr(t.node());
        args(t.args());
      }
      case Node.Binary b -> {
        expr(b.left());
        expr(b.right());
      }
      case Node.Unary u -> expr(u.operand());
      case Node.Concat c -> c.parts().forEach(this::expr);
      case Node.Compare c -> {
        expr(c.first());
        c.rest().forEach(this::expr);
      }
      case Node.CondExpr c -> {
        expr(c.test());
        expr(c.then());
        expr(c.otherwise());
      }
    }
  }

  private NameFinder() {}
}
