package io.flowport.ir;

import java.util.List;

/**
 * Airflow's form: a DAG of tasks. A task runs when all its upstream tasks have ended and its
 * trigger rule holds; the run's state follows from its leaf tasks. {@code groups} are the
 * TaskGroups drawn as embedded subprocesses, parents before children; a task in none is at the
 * top. {@code runTimeout} is the DAG's dagrun_timeout, or null: past it the run fails and its
 * unfinished tasks are skipped.
 */
public record TaskDag(List<DagTask> tasks, List<Edge> edges, List<Group> groups, java.time.Duration runTimeout)
    implements Body {

  public TaskDag {
    tasks = List.copyOf(tasks);
    edges = List.copyOf(edges);
    groups = List.copyOf(groups);
  }

  public TaskDag(List<DagTask> tasks, List<Edge> edges, List<Group> groups) {
    this(tasks, edges, groups, null);
  }

  public TaskDag(List<DagTask> tasks, List<Edge> edges) {
    this(tasks, edges, List.of());
  }

  public List<String> upstream(String taskId) {
    return edges.stream().filter(e -> e.downstream().equals(taskId)).map(Edge::upstream).toList();
  }

  public List<String> downstream(String taskId) {
    return edges.stream().filter(e -> e.upstream().equals(taskId)).map(Edge::downstream).toList();
  }

  /** The innermost group holding the task, or null. */
  public Group groupOf(String taskId) {
    return groups.stream().filter(g -> g.taskIds().contains(taskId)).findFirst().orElse(null);
  }

  public Group group(String groupId) {
    return groups.stream().filter(g -> g.groupId().equals(groupId)).findFirst().orElse(null);
  }

  /** A dependency {@code upstream >> downstream}. */
  public record Edge(String upstream, String downstream) {}

  /**
   * A TaskGroup: its id (Airflow's, dotted), the enclosing group's id or null, a human name, and
   * the tasks directly in it (not those of its child groups).
   */
  public record Group(String groupId, String parentId, String label, List<String> taskIds) {
    public Group {
      taskIds = List.copyOf(taskIds);
    }
  }
}
