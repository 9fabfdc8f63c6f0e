package io.flowport.runtime.airflow.jinja;

import io.flowport.runtime.airflow.jinja.Node.Expr;
import io.flowport.runtime.airflow.jinja.Node.Stmt;
import java.util.ArrayList;
import java.util.List;

/** Finds xcom_pull calls and the accesses chained onto their results, in source order. */
final class XcomPullFinder {

  private final SourceText src;
  private final List<XcomPull> found = new ArrayList<>();

  private XcomPullFinder(SourceText src) {
    this.src = src;
  }

  static List<XcomPull> find(SourceText src, List<Stmt> body) {
    XcomPullFinder f = new XcomPullFinder(src);
    StmtWalk.walk(body, f::expr, target -> { });
    return List.copyOf(f.found);
  }

  private void expr(Expr e) {
    if (e == null) {
      return;
    }
    // Peel [..] / .attr off the outside; if an xcom_pull call is underneath, record the chain.
    List<Expr> chain = new ArrayList<>();
    Expr base = e;
    while (base instanceof Node.GetAttr || base instanceof Node.GetItem) {
      chain.add(0, base);
      base = base instanceof Node.GetAttr g ? g.obj() : ((Node.GetItem) base).obj();
    }
    if (base instanceof Node.Call call && receiver(call) != null) {
      record(call, chain, e);
      args(call.args());
      for (Expr access : chain) {
        if (access instanceof Node.GetItem g) {
          expr(g.arg());
        }
      }
      return;
    }
    ExprChildren.of(e).forEach(this::expr);
  }

  private void args(Node.Args a) {
    ExprChildren.of(a).forEach(this::expr);
  }

  /** "ti" or "task_instance" when the call is {@code <that name>.xcom_pull(...)}. */
  private static String receiver(Node.Call call) {
    if (call.fn() instanceof Node.GetAttr g && g.name().equals("xcom_pull")
        && g.obj() instanceof Node.Name n
        && (n.name().equals("ti") || n.name().equals("task_instance"))) {
      return n.name();
    }
    return null;
  }

  private void record(Node.Call call, List<Expr> chain, Expr whole) {
    // TaskInstance.xcom_pull(self, task_ids, dag_id, key, include_prior_dates, ...)
    Expr taskIds = argument(call.args(), 0, "task_ids");
    Expr key = argument(call.args(), 2, "key");
    List<String> ids = null;
    boolean isList = taskIds instanceof Node.ListExpr || taskIds instanceof Node.TupleExpr;
    if (taskIds instanceof Node.Const c && c.value() instanceof String s) {
      ids = List.of(s);
    } else if (isList) {
      List<Expr> items = taskIds instanceof Node.ListExpr l ? l.items()
          : ((Node.TupleExpr) taskIds).items();
      if (items.stream().allMatch(x -> x instanceof Node.Const c && c.value() instanceof String)) {
        ids = items.stream().map(x -> (String) ((Node.Const) x).value()).toList();
      }
    }
    String keyText = key == null ? "return_value"
        : key instanceof Node.Const c && c.value() instanceof String s ? s : null;
    List<XcomPull.Access> accesses = new ArrayList<>();
    for (Expr a : chain) {
      Object k;
      if (a instanceof Node.GetAttr g) {
        k = g.name();
      } else {
        Expr arg = ((Node.GetItem) a).arg();
        k = arg instanceof Node.Const c ? c.value() : null;
      }
      accesses.add(new XcomPull.Access(a instanceof Node.GetItem, k,
          src.text.substring(a.at(), a.end()), pos(a.at())));
    }
    found.add(new XcomPull(receiver(call), ids, isList, keyText, List.copyOf(accesses),
        pos(start(call)), taskIds == null ? null : pos(taskIds.at()),
        key == null ? null : pos(key.at()), src.text.substring(start(call), whole.end())));
  }

  private static int start(Node.Call call) {
    return ((Node.GetAttr) call.fn()).obj().at();
  }

  private static Expr argument(Node.Args args, int index, String name) {
    int kw = args.names().indexOf(name);
    if (kw >= 0) {
      return args.keywords().get(kw);
    }
    return index < args.positional().size() ? args.positional().get(index) : null;
  }

  private XcomPull.Position pos(int offset) {
    return new XcomPull.Position(src.line(offset), src.column(offset));
  }
}
