package io.flowport.runtime.airflow.jinja;

import io.flowport.runtime.airflow.jinja.Node.Args;
import io.flowport.runtime.airflow.jinja.Node.Expr;
import io.flowport.runtime.airflow.jinja.Node.Stmt;
import java.util.List;

/**
 * What Jinja's compiler checks after parsing: an unknown filter or test is a
 * TemplateAssertionError, except inside an if statement or an inline if, where Jinja only fails
 * when the expression runs. Jinja filters and tests flowport does not run are reported here.
 */
final class Checker {

  private final SourceText src;

  private Checker(SourceText src) {
    this.src = src;
  }

  static void check(SourceText src, List<Stmt> body) {
    new Checker(src).stmts(body, false);
  }

  private void stmts(List<Stmt> body, boolean soft) {
    for (Stmt s : body) {
      switch (s) {
        case Node.Text t -> { }
        case Node.Output o -> expr(o.expr(), soft);
        case Node.If i -> {
          i.tests().forEach(t -> expr(t, true));
          i.bodies().forEach(b -> stmts(b, true));
          stmts(i.otherwise(), true);
        }
        case Node.For l -> {
          expr(l.iter(), soft);
          if (l.filter() != null) {
            expr(l.filter(), false);
          }
          stmts(l.body(), false);
          stmts(l.otherwise(), false);
        }
        case Node.Assign a -> expr(a.value(), soft);
        case Node.AssignBlock a -> stmts(a.body(), false);
        case Node.Do d -> expr(d.expr(), soft);
      }
    }
  }

  private void expr(Expr e, boolean soft) {
    if (e == null) {
      return;
    }
    switch (e) {
      case Node.Const c -> { }
      case Node.Name n -> { }
      case Node.ListExpr l -> l.items().forEach(x -> expr(x, soft));
      case Node.TupleExpr t -> t.items().forEach(x -> expr(x, soft));
      case Node.DictExpr d -> {
        for (int k = 0; k < d.keys().size(); k++) {
          expr(d.keys().get(k), soft);
          expr(d.values().get(k), soft);
        }
      }
      case Node.GetAttr g -> expr(g.obj(), soft);
      case Node.GetItem g -> {
        expr(g.obj(), soft);
        expr(g.arg(), soft);
      }
      case Node.Slice s -> {
        expr(s.start(), soft);
        expr(s.stop(), soft);
        expr(s.step(), soft);
      }
      case Node.Call c -> {
        expr(c.fn(), soft);
        args(c.args(), soft);
      }
      case Node.Filter f -> {
        known("filter", f.name(), Filters.SUPPORTED, Filters.KNOWN, soft, f.at());
        expr(f.node(), soft);
        args(f.args(), soft);
      }
      case Node.Test t -> {
        known("test", t.name(), Tests.SUPPORTED, Tests.KNOWN, soft, t.at());
        expr(t.node(), soft);
        args(t.args(), soft);
      }
      case Node.Binary b -> {
        expr(b.left(), soft);
        expr(b.right(), soft);
      }
      case Node.Unary u -> expr(u.operand(), soft);
      case Node.Concat c -> c.parts().forEach(x -> expr(x, soft));
      case Node.Compare c -> {
        expr(c.first(), soft);
        c.rest().forEach(x -> expr(x, soft));
      }
      case Node.CondExpr c -> {
        expr(c.test(), true);
        expr(c.then(), true);
        expr(c.otherwise(), true);
      }
    }
  }

  private void args(Args a, boolean soft) {
    a.positional().forEach(x -> expr(x, soft));
    a.keywords().forEach(x -> expr(x, soft));
    expr(a.star(), soft);
    expr(a.starStar(), soft);
  }

  private void known(String kind, String name, java.util.Set<String> supported,
      java.util.Set<String> known, boolean soft, int at) {
    if (supported.contains(name)) {
      return;
    }
    if (known.contains(name)) {
      throw src.unsupported("the '" + name + "' " + kind + " is not supported by flowport", at);
    }
    if (!soft) {
      throw new TemplateSyntaxException("TemplateAssertionError",
          "No " + kind + " named " + Py.strRepr(name) + ".", src.line(at), src.column(at));
    }
  }
}
