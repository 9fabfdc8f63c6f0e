package io.flowport.ir;

import java.util.List;

/**
 * Airflow's form: a DAG of tasks. A task runs when all its upstream tasks have ended and its
 * trigger rule holds; the run's state follows from its leaf tasks.
 */
public record TaskDag(List<DagTask> tasks, List<Edge> edges) implements Body {

  public TaskDag {
    tasks = List.copyOf(tasks);
    edges = List.copyOf(edges);
  }

  public List<String> upstream(String taskId) {
    return edges.stream().filter(e -> e.downstream().equals(taskId)).map(Edge::upstream).toList();
  }

  public List<String> downstream(String taskId) {
    return edges.stream().filter(e -> e.upstream().equals(taskId)).map(Edge::downstream).toList();
  }

  /** A dependency {@code upstream >> downstream}. */
  public record Edge(String upstream, String downstream) {}
}
