package io.flowport.runtime.airflow.jinja;

import io.flowport.runtime.airflow.jinja.Node.Expr;
import io.flowport.runtime.airflow.jinja.Node.Stmt;
import java.util.List;
import java.util.function.Consumer;

/**
 * Visits a template's statements in source order, handing each expression (a null for an absent
 * loop filter) and each target a loop or set binds to the walker that looks for names or calls.
 */
final class StmtWalk {

  private StmtWalk() {}

  static void walk(List<Stmt> body, Consumer<Expr> expr, Consumer<Expr> bind) {
    for (Stmt s : body) {
      switch (s) {
        case Node.Text t -> { }
        case Node.Output o -> expr.accept(o.expr());
        case Node.If i -> {
          for (int k = 0; k < i.tests().size(); k++) {
            expr.accept(i.tests().get(k));
            walk(i.bodies().get(k), expr, bind);
          }
          walk(i.otherwise(), expr, bind);
        }
        case Node.For l -> {
          bind.accept(l.target());
          expr.accept(l.iter());
          expr.accept(l.filter());
          walk(l.body(), expr, bind);
          walk(l.otherwise(), expr, bind);
        }
        case Node.Assign a -> {
          bind.accept(a.target());
          expr.accept(a.value());
        }
        case Node.AssignBlock a -> {
          bind.accept(a.target());
          walk(a.body(), expr, bind);
        }
        case Node.Do d -> expr.accept(d.expr());
      }
    }
  }
}
