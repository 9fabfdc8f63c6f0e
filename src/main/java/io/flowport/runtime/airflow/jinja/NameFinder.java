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
    StmtWalk.walk(body, f::expr, f::bind);
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

  private void expr(Expr e) {
    if (e instanceof Node.Name n) {
      found.add(n.name());
    } else if (e != null) {
      ExprChildren.of(e).forEach(this::expr);
    }
  }

  private NameFinder() {}
}
