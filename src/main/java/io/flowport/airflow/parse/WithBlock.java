package io.flowport.airflow.parse;

import org.treesitter.TSNode;

/**
 * {@code with DAG(...) as dag:} and {@code with TaskGroup(...) as tg:}: tasks created in the body
 * belong to that DAG/group. Other context managers are entered without effect.
 */
final class WithBlock {

  private final Interpreter in;
  private final TSNode stmt;

  WithBlock(Interpreter in, TSNode stmt) {
    this.in = in;
    this.stmt = stmt;
  }

  void run() {
    int pushed = 0;
    try {
      TSNode clause = stmt.getNamedChild(0);
      for (int i = 0; i < clause.getNamedChildCount(); i++) {
        TSNode item = clause.getNamedChild(i).getChildByFieldName("value");
        TSNode expression = item;
        TSNode alias = null;
        if (item.getType().equals("as_pattern")) {
          expression = item.getNamedChild(0);
          alias = Nodes.field(item, "alias");
        }
        Obj value = in.eval(expression);
        switch (value) {
          case Obj.DagRef d -> {
            in.state.contexts.push(new ParseState.Context(d.dag(), null));
            pushed++;
          }
          case Obj.GroupRef g -> {
            in.state.contexts.push(new ParseState.Context(g.group().dag, g.group()));
            pushed++;
          }
          default -> in.state.finding("unknown-context", Severity.INFO, expression,
              "'with " + Collector.oneLine(in.state.text(expression))
                  + "' is not a DAG or TaskGroup; its body is read as plain statements");
        }
        if (alias != null) {
          in.statements.assign(alias.getNamedChild(0), value, expression);
        }
      }
      in.statements.execBlock(stmt.getChildByFieldName("body"));
    } finally {
      for (int i = 0; i < pushed; i++) {
        in.state.contexts.pop();
      }
    }
  }
}
