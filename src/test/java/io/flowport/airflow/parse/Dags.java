package io.flowport.airflow.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

/** Parses DAG source written inline in tests. */
final class Dags {

  static final Path FILE = Path.of("dags/test_dag.py");

  private Dags() {}

  static DagFile parse(String source) {
    return new DagFileParser().parse(FILE, source);
  }

  /** The file's only DAG. */
  static DagDef onlyDag(String source) {
    DagFile file = parse(source);
    assertEquals(1, file.dags().size(), () -> "DAGs: " + file.dags() + " findings: " + file.findings());
    return file.dags().get(0);
  }

  static List<String> taskIds(DagDef dag) {
    return dag.tasks().stream().map(TaskDef::taskId).toList();
  }

  /** Dependencies as "up>>down", in the order they were declared. */
  static List<String> edges(DagDef dag) {
    return dag.dependencies().stream().map(d -> d.upstreamTaskId() + ">>" + d.downstreamTaskId()).toList();
  }

  static PyValue kwarg(DagDef dag, String taskId, String name) {
    return dag.task(taskId).orElseThrow(() -> new AssertionError("no task " + taskId + " in " + taskIds(dag)))
        .kwarg(name).orElseThrow(() -> new AssertionError("task " + taskId + " has no " + name));
  }

  static List<String> findings(DagFile file) {
    return file.findings().stream().map(f -> f.id() + "@" + f.location().line() + ":" + f.location().column()).toList();
  }
}
