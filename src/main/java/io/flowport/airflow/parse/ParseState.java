package io.flowport.airflow.parse;

import io.flowport.airflow.parse.PyValue.PyDynamic;
import io.flowport.diag.SourceLocation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * What reading one file has collected so far: DAGs, tasks, findings, the DAG/TaskGroup context of
 * {@code with} blocks and {@code @dag} calls, and where each not-understood value came from.
 */
final class ParseState {

  /** The DAG and TaskGroup that tasks created right now belong to, absent other arguments. */
  record Context(DagBuild dag, GroupBuild group) {}

  static final int MAX_STEPS = 100_000;
  static final int MAX_DEPTH = 50;

  final PySource source;
  final List<DagBuild> dags = new ArrayList<>();
  final List<TaskBuild> tasksWithoutDag = new ArrayList<>();
  final Deque<Context> contexts = new ArrayDeque<>();
  final Set<Finding> findings = new LinkedHashSet<>();
  private final Map<PyDynamic, SourceLocation> origins = new IdentityHashMap<>();
  private final Set<PyDynamic> undefined = Collections.newSetFromMap(new IdentityHashMap<>());
  int steps;
  int depth;

  ParseState(PySource source) {
    this.source = source;
  }

  SourceLocation at(TSNode node) {
    return source.location(node);
  }

  String text(TSNode node) {
    return source.text(node);
  }

  void finding(String id, Severity severity, TSNode node, String message) {
    finding(id, severity, at(node), message);
  }

  void finding(String id, Severity severity, SourceLocation location, String message) {
    findings.add(new Finding(id, severity, location, message));
  }

  Context context() {
    return contexts.isEmpty() ? new Context(null, null) : contexts.peek();
  }

  /** A value not known statically, to be reported where it is used in a DAG or task. */
  Obj.Data dynamic(TSNode node, String reason) {
    PyDynamic value = new PyDynamic(text(node), reason);
    origins.put(value, at(node));
    return new Obj.Data(value);
  }

  /** A value that is only known at run time but is understood (an XCom), so not reported. */
  Obj.Data runtime(TSNode node, String reason) {
    return new Obj.Data(new PyDynamic(text(node), reason));
  }

  /**
   * The value of {@code node}, unknown because of {@code cause}; reported where the cause is, or
   * here when the cause is an understood run-time value (an XCom) that this expression computes with.
   */
  Obj.Data dynamicFrom(TSNode node, PyDynamic cause) {
    PyDynamic value = new PyDynamic(text(node), cause.reason());
    SourceLocation origin = origins.get(cause);
    origins.put(value, origin != null ? origin : at(node));
    return new Obj.Data(value);
  }

  Obj.Data undefinedName(TSNode node) {
    Obj.Data value = dynamic(node, "name '" + text(node) + "' is not defined in this file");
    undefined.add((PyDynamic) value.value());
    return value;
  }

  boolean isUndefinedName(Obj value) {
    return value instanceof Obj.Data d && d.value() instanceof PyDynamic p && undefined.contains(p);
  }

  /** Where a reported dynamic value came from, or null for understood run-time values. */
  SourceLocation origin(PyDynamic value) {
    return origins.get(value);
  }

  /** Counts one loop iteration or call; stops files that would take too long to read. */
  void step(TSNode node) {
    if (++steps > MAX_STEPS) {
      throw new LimitReached(node, "more than " + MAX_STEPS + " loop iterations and calls");
    }
  }

  /** Stops reading the file: a finding is recorded and the model keeps what was read so far. */
  static final class LimitReached extends RuntimeException {
    final transient TSNode node;

    LimitReached(TSNode node, String message) {
      super(message, null, false, false);
      this.node = node;
    }
  }
}
