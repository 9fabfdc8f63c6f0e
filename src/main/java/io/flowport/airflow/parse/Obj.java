package io.flowport.airflow.parse;

import io.flowport.airflow.parse.PyValue.PyDict;
import io.flowport.airflow.parse.PyValue.PyList;
import io.flowport.airflow.parse.PyValue.PySet;
import io.flowport.airflow.parse.PyValue.PyTuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.treesitter.TSNode;

/**
 * What a Python expression evaluates to while reading the file. Unlike {@link PyValue} this can
 * hold tasks, DAGs and functions, and its lists and dicts are mutable (files append to them).
 */
sealed interface Obj {

  /** A scalar value: never a list, tuple, set or dict (those are {@link Seq} and {@link Dict}). */
  record Data(PyValue value) implements Obj {}

  enum SeqKind { LIST, TUPLE, SET }

  record Seq(SeqKind kind, List<Obj> items) implements Obj {
    static Seq of(SeqKind kind) {
      return new Seq(kind, new ArrayList<>());
    }
  }

  record Dict(LinkedHashMap<PyValue, Obj> entries) implements Obj {
    static Dict empty() {
      return new Dict(new LinkedHashMap<>());
    }
  }

  /** An imported module, class or function, or a builtin ({@code builtins.len}). */
  record Name(String qualifiedName) implements Obj {}

  /**
   * A task; {@code xcom} when it stands for the task's output (TaskFlow result, {@code .output}),
   * {@code key} the XCom key ({@code return_value} unless {@code .output['key']}).
   */
  record TaskRef(TaskBuild task, boolean xcom, String key) implements Obj {
    static final String RETURN_VALUE = "return_value";

    TaskRef(TaskBuild task, boolean xcom) {
      this(task, xcom, RETURN_VALUE);
    }
  }

  record DagRef(DagBuild dag) implements Obj {}

  /**
   * {@code Operator.partial(...)} ({@code operator} set) or {@code task_fn.partial(...)} ({@code
   * function} set): the arguments every mapped instance shares, waiting for {@code .expand}.
   */
  record Partial(String operator, Function function, CallArgs args, TSNode node) implements Obj {}

  record GroupRef(GroupBuild group) implements Obj {}

  /** A {@code def} in the file, with how it was decorated and where it was defined. */
  record Function(TSNode definition, String name, Decoration decoration, Frame closure) implements Obj {}

  /** A class defined in the file; only its name is known. */
  record LocalClass(String name) implements Obj {}

  /** {@code self.name} looked up for calling, e.g. {@code "{}".format} or {@code task.set_downstream}. */
  record Method(Obj self, String name) implements Obj {}

  /** A time zone object such as {@code pendulum.timezone("Europe/Berlin")}. */
  record TimeZone(String id) implements Obj {}

  /** How a {@code def} was decorated: plain, {@code @task...}, {@code @dag} or {@code @task_group}. */
  record Decoration(Kind kind, String decorator, CallArgs args) {
    enum Kind { PLAIN, TASK, DAG, TASK_GROUP }

    static final Decoration PLAIN = new Decoration(Kind.PLAIN, null, CallArgs.NONE);
  }

  static Obj of(PyValue value) {
    return switch (value) {
      case PyList l -> seq(SeqKind.LIST, l.items());
      case PyTuple t -> seq(SeqKind.TUPLE, t.items());
      case PySet s -> seq(SeqKind.SET, s.items());
      case PyDict d -> {
        Dict dict = Dict.empty();
        d.entries().forEach((k, v) -> dict.entries().put(k, of(v)));
        yield dict;
      }
      default -> new Data(value);
    };
  }

  private static Seq seq(SeqKind kind, List<PyValue> items) {
    Seq seq = Seq.of(kind);
    items.forEach(v -> seq.items().add(of(v)));
    return seq;
  }
}
