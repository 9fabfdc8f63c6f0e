package io.flowport.airflow.parse;

import io.flowport.airflow.parse.PyValue.*;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.treesitter.TSNode;

/** Turns what an expression evaluated to into the model's immutable {@link PyValue}. */
final class Values {

  private final ParseState state;

  Values(ParseState state) {
    this.state = state;
  }

  /** {@code where} is the expression that produced the value; objects that are not data are reported there. */
  PyValue toPy(Obj obj, TSNode where) {
    return switch (obj) {
      case Obj.Data d -> d.value();
      case Obj.Seq s -> seq(s, where);
      case Obj.Dict d -> {
        Map<PyValue, PyValue> entries = new LinkedHashMap<>();
        d.entries().forEach((k, v) -> entries.put(k, toPy(v, where)));
        yield new PyDict(entries);
      }
      case Obj.Name n -> new PyRef(n.qualifiedName());
      case Obj.LocalClass c -> new PyRef(c.name());
      case Obj.Function f -> new PyRef(f.name(), state.at(f.definition()));
      case Obj.TimeZone z -> new PyStr(z.id());
      case Obj.TaskRef t when t.xcom() -> xcom(t.task(), t.key());
      case Obj.TaskRef t -> state.dynamic(where, "task '" + t.task().taskId + "' used as a value").value();
      case Obj.DagRef d -> state.dynamic(where, "DAG '" + d.dag().dagId + "' used as a value").value();
      case Obj.GroupRef g -> state.dynamic(where, "TaskGroup '" + g.group().groupId + "' used as a value").value();
      case Obj.Method m -> state.dynamic(where, "method '" + m.name() + "' used as a value").value();
      case Obj.Partial p -> state.dynamic(where, "partial(...) without expand(...) used as a value").value();
    };
  }

  private PyValue seq(Obj.Seq s, TSNode where) {
    List<PyValue> items = new ArrayList<>();
    for (Obj item : s.items()) {
      items.add(toPy(item, where));
    }
    return switch (s.kind()) {
      case LIST -> new PyList(items);
      case TUPLE -> new PyTuple(items);
      case SET -> new PySet(new ArrayList<>(new LinkedHashSet<>(items)));
    };
  }

  static PyXcom xcom(TaskBuild task, String key) {
    String name = task.variable != null ? task.variable : task.taskId;
    boolean plain = key.equals(Obj.TaskRef.RETURN_VALUE);
    return new PyXcom(task.taskId, key, name + ".output" + (plain ? "" : "['" + key + "']"));
  }

  /** Tasks whose output (XCom) is passed somewhere inside this value: they become upstream. */
  static Set<TaskBuild> xcomTasks(Obj obj) {
    Set<TaskBuild> found = new LinkedHashSet<>();
    collectXcoms(obj, found);
    return found;
  }

  private static void collectXcoms(Obj obj, Set<TaskBuild> found) {
    switch (obj) {
      case Obj.TaskRef t when t.xcom() -> found.add(t.task());
      case Obj.Seq s -> s.items().forEach(i -> collectXcoms(i, found));
      case Obj.Dict d -> d.entries().values().forEach(v -> collectXcoms(v, found));
      default -> { }
    }
  }

  /** The reported dynamic values inside a value, in order, without repeats. */
  List<PyDynamic> reportedDynamics(PyValue value) {
    List<PyDynamic> found = new ArrayList<>();
    collectDynamics(value, found);
    return found;
  }

  private void collectDynamics(PyValue value, List<PyDynamic> found) {
    switch (value) {
      case PyDynamic d -> {
        if (state.origin(d) != null && found.stream().noneMatch(f -> f == d)) {
          found.add(d);
        }
      }
      case PyList l -> l.items().forEach(i -> collectDynamics(i, found));
      case PyTuple t -> t.items().forEach(i -> collectDynamics(i, found));
      case PySet s -> s.items().forEach(i -> collectDynamics(i, found));
      case PyDict d -> d.entries().forEach((k, v) -> {
        collectDynamics(k, found);
        collectDynamics(v, found);
      });
      default -> { }
    }
  }
}
