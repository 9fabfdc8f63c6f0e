package io.flowport.airflow.parse;

import io.flowport.airflow.parse.PyValue.PyInt;
import java.util.Set;
import org.treesitter.TSNode;

/** Assignments to {@code x[key]} and {@code x.attr}. */
final class Targets {

  // Attributes that change what a task or DAG is, rather than describe it.
  private static final Set<String> IDENTITY = Set.of("task_id", "dag_id", "dag", "task_group");

  private final Interpreter in;

  Targets(Interpreter in) {
    this.in = in;
  }

  void subscript(TSNode target, Obj value, TSNode source) {
    Obj container = in.eval(target.getChildByFieldName("value"));
    TSNode keyNode = target.getChildByFieldName("subscript");
    if (container instanceof Obj.Dict dict && !keyNode.getType().equals("slice")) {
      dict.entries().put(in.expressions.key(in.eval(keyNode), keyNode), value);
      return;
    }
    if (container instanceof Obj.Seq list && list.kind() == Obj.SeqKind.LIST
        && in.values.toPy(in.eval(keyNode), keyNode) instanceof PyInt i && i.value().bitLength() < 31) {
      int index = i.value().intValue() < 0 ? list.items().size() + i.value().intValue() : i.value().intValue();
      if (index >= 0 && index < list.items().size()) {
        list.items().set(index, value);
        return;
      }
    }
    // globals()[name] = DAG(...) registers a generated DAG; every DAG is registered anyway.
    if (value instanceof Obj.DagRef) {
      return;
    }
    in.state.finding("unsupported-assignment", Severity.WARNING, target,
        "assignment to '" + in.state.text(target) + "' is not read");
  }

  void attribute(TSNode target, Obj value, TSNode source) {
    Obj object = in.eval(target.getChildByFieldName("object"));
    String name = in.state.text(target.getChildByFieldName("attribute"));
    Arg arg = new Arg(in.values.toPy(value, source), in.state.at(target));
    if (!IDENTITY.contains(name) && object instanceof Obj.TaskRef t && !t.xcom()) {
      t.task().kwargs.put(name, arg);
    } else if (!IDENTITY.contains(name) && object instanceof Obj.DagRef d) {
      d.dag().args.put(name, arg);
    } else {
      in.state.finding("unsupported-assignment", Severity.WARNING, target,
          "assignment to '" + in.state.text(target) + "' is not read");
    }
  }
}
