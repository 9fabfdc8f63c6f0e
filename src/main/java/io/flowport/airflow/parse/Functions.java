package io.flowport.airflow.parse;

import io.flowport.airflow.parse.Obj.Decoration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.treesitter.TSNode;

/** {@code def} statements, their decorators, and calls of plain helper functions. */
final class Functions {

  private final Interpreter in;
  private final Map<Integer, Obj.Function> dagFunctions = new LinkedHashMap<>();
  private final Set<Integer> calledDagFunctions = new HashSet<>();

  Functions(Interpreter in) {
    this.in = in;
  }

  void defineDecorated(TSNode stmt) {
    TSNode definition = stmt.getChildByFieldName("definition");
    List<TSNode> decorators = new java.util.ArrayList<>();
    for (int i = 0; i < stmt.getNamedChildCount(); i++) {
      if (stmt.getNamedChild(i).getType().equals("decorator")) {
        decorators.add(stmt.getNamedChild(i));
      }
    }
    if (definition.getType().equals("class_definition")) {
      in.statements.exec(definition);
      return;
    }
    define(definition, decorators);
  }

  void define(TSNode definition, List<TSNode> decorators) {
    String name = in.state.text(definition.getChildByFieldName("name"));
    Decoration decoration = decorate(decorators, name);
    Obj.Function function = new Obj.Function(definition, name, decoration, in.frame);
    if (decoration.kind() == Decoration.Kind.DAG) {
      dagFunctions.put(definition.getStartByte(), function);
    }
    in.frame.set(name, function);
  }

  // Known decorators are @task..., @dag and @task_group (from airflow.decorators or airflow.sdk).
  private Decoration decorate(List<TSNode> decorators, String function) {
    Decoration found = Decoration.PLAIN;
    for (TSNode decorator : decorators) {
      TSNode expression = decorator.getNamedChild(0);
      boolean called = expression.getType().equals("call");
      Obj callee = in.eval(called ? expression.getChildByFieldName("function") : expression);
      Decoration.Kind kind = callee instanceof Obj.Name n ? kindOf(n.qualifiedName()) : null;
      if (kind == null || found != Decoration.PLAIN) {
        in.state.finding("unknown-decorator", Severity.WARNING, decorator, "decorator '"
            + Collector.oneLine(in.state.text(decorator)) + "' is not understood; '" + function
            + "' is read without it");
        continue;
      }
      CallArgs args = called ? in.calls.arguments(expression) : CallArgs.NONE;
      found = new Decoration(kind, ((Obj.Name) callee).qualifiedName(), args);
    }
    return found;
  }

  static Decoration.Kind kindOf(String name) {
    for (String prefix : List.of("airflow.decorators.", "airflow.sdk.")) {
      if (!name.startsWith(prefix)) {
        continue;
      }
      String rest = name.substring(prefix.length());
      if (rest.equals("task") || rest.startsWith("task.")) {
        return Decoration.Kind.TASK;
      }
      if (rest.equals("dag")) {
        return Decoration.Kind.DAG;
      }
      if (rest.equals("task_group")) {
        return Decoration.Kind.TASK_GROUP;
      }
    }
    return null;
  }

  Obj call(Obj.Function function, CallArgs args, TSNode node) {
    return switch (function.decoration().kind()) {
      case PLAIN -> invoke(function, args, node);
      case TASK -> in.tasks.taskflow(function, args, node);
      case DAG -> {
        calledDagFunctions.add(function.definition().getStartByte());
        yield in.tasks.dagFunction(function, args, node);
      }
      case TASK_GROUP -> in.tasks.groupFunction(function, args, node);
    };
  }

  /** Runs the function's body with the arguments bound; its value is what it returns. */
  Obj invoke(Obj.Function function, CallArgs args, TSNode node) {
    if (in.state.depth >= ParseState.MAX_DEPTH) {
      throw new ParseState.LimitReached(node, "calls nested more than " + ParseState.MAX_DEPTH + " deep");
    }
    in.state.step(node);
    Frame local = new Frame(function.closure());
    if (!new Parameters(in, function).bind(args, local)) {
      return in.state.dynamic(node, "arguments do not match the parameters of '" + function.name() + "'");
    }
    in.state.depth++;
    try {
      return in.inFrame(local, () -> {
        in.statements.execBlock(function.definition().getChildByFieldName("body"));
        return (Obj) new Obj.Data(PyValue.PyNone.INSTANCE);
      });
    } catch (Statements.Return r) {
      return r.value;
    } finally {
      in.state.depth--;
    }
  }

  /** Location of a definition: its first decorator if it has one. */
  static TSNode head(TSNode definition) {
    TSNode parent = definition.getParent();
    return parent != null && !parent.isNull() && parent.getType().equals("decorated_definition") ? parent : definition;
  }

  void reportUncalledDags() {
    dagFunctions.forEach((start, function) -> {
      if (!calledDagFunctions.contains(start)) {
        in.state.finding("dag-not-called", Severity.WARNING, head(function.definition()), "@dag function '"
            + function.name() + "' is never called, so Airflow does not create its DAG");
      }
    });
  }
}
