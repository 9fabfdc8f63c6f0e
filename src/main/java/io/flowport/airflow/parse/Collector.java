package io.flowport.airflow.parse;

import io.flowport.airflow.parse.PyValue.PyDynamic;
import io.flowport.diag.BadInputException;
import io.flowport.diag.SourceLocation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Registers DAGs, tasks and dependencies as the file runs, and builds the final {@link DagFile}. */
final class Collector {

  private final ParseState state;
  private final Values values;

  Collector(ParseState state, Values values) {
    this.state = state;
    this.values = values;
  }

  void addDag(DagBuild dag) {
    for (DagBuild other : state.dags) {
      if (other.dagId.equals(dag.dagId)) {
        throw new BadInputException(dag.location,
            "duplicate dag_id '" + dag.dagId + "' (first defined at " + other.location + ")");
      }
    }
    state.dags.add(dag);
  }

  /** Adds a created task to its DAG and groups; a task id may only be used once per DAG. */
  void addTask(TaskBuild task) {
    if (task.dag == null) {
      state.tasksWithoutDag.add(task);
      return;
    }
    TaskBuild other = task.dag.tasksById.get(task.taskId);
    if (other != null) {
      throw new BadInputException(task.location, "duplicate task_id '" + task.taskId + "' in DAG '"
          + task.dag.dagId + "' (first defined at " + other.location + ")");
    }
    task.dag.tasksById.put(task.taskId, task);
    task.dag.tasks.add(task);
    for (GroupBuild g = task.group; g != null; g = g.parent) {
      g.tasks.add(task);
    }
  }

  void addDependency(TaskBuild up, TaskBuild down, SourceLocation location) {
    String edge = "'" + up.taskId + "' >> '" + down.taskId + "'";
    if (up.dag == null || down.dag == null) {
      state.finding("task-without-dag", Severity.ERROR, location,
          "dependency " + edge + " involves a task that is in no DAG; not added");
    } else if (up.dag != down.dag) {
      state.finding("cross-dag-dependency", Severity.ERROR, location, "dependency " + edge
          + " links DAG '" + up.dag.dagId + "' to DAG '" + down.dag.dagId + "'; not added");
    } else if (up.downstream.add(down)) {
      down.upstream.add(up);
      up.dag.dependencies.add(new DagBuild.DepBuild(up, down, location));
    }
  }

  DagFile build() {
    List<DagDef> dags = new ArrayList<>();
    for (DagBuild dag : state.dags) {
      reportDynamics(dag.args, "of DAG '" + dag.dagId + "'");
      List<TaskDef> tasks = new ArrayList<>();
      for (TaskBuild task : dag.tasks) {
        reportDynamics(task.kwargs, "of task '" + task.taskId + "'");
        tasks.add(task.toDef());
      }
      List<Dependency> deps = dag.dependencies.stream()
          .map(d -> new Dependency(d.upstream().taskId, d.downstream().taskId, d.location()))
          .toList();
      reportCycle(dag);
      List<GroupDef> groups = dag.groups.stream().filter(g -> !g.tasks.isEmpty()).map(GroupBuild::toDef).toList();
      dags.add(new DagDef(dag.dagId, dag.location, dag.args, tasks, deps, groups));
    }
    for (TaskBuild task : state.tasksWithoutDag) {
      state.finding("task-without-dag", Severity.WARNING, task.location, "task '" + task.taskId
          + "' belongs to no DAG defined in this file");
    }
    if (dags.isEmpty()) {
      state.finding("no-dag", Severity.WARNING, SourceLocation.file(state.source.file),
          "the file defines no DAG");
    }
    List<Finding> findings = new ArrayList<>(state.findings);
    findings.sort(Comparator.comparingInt((Finding f) -> f.location().line())
        .thenComparingInt(f -> f.location().column()));
    return new DagFile(state.source.file, dags, findings);
  }

  private void reportDynamics(Map<String, Arg> args, String owner) {
    args.forEach((name, arg) -> {
      for (PyDynamic d : values.reportedDynamics(arg.value())) {
        state.finding("dynamic-value", Severity.WARNING, state.origin(d), "argument '" + name + "' "
            + owner + " is not known statically: " + oneLine(d.sourceText()) + " (" + d.reason() + ")");
      }
    });
  }

  // Airflow refuses to load a DAG with a cycle; report the dependency that closes it.
  private void reportCycle(DagBuild dag) {
    Set<TaskBuild> done = new HashSet<>();
    for (TaskBuild start : dag.tasks) {
      DagBuild.DepBuild closing = cycleFrom(start, new HashSet<>(), done, dag);
      if (closing != null) {
        state.finding("cycle", Severity.ERROR, closing.location(), "dependency '"
            + closing.upstream().taskId + "' >> '" + closing.downstream().taskId
            + "' closes a cycle in DAG '" + dag.dagId + "'");
        return;
      }
    }
  }

  private DagBuild.DepBuild cycleFrom(TaskBuild task, Set<TaskBuild> path, Set<TaskBuild> done, DagBuild dag) {
    if (done.contains(task)) {
      return null;
    }
    path.add(task);
    for (TaskBuild next : task.downstream) {
      if (path.contains(next)) {
        return dag.dependencies.stream()
            .filter(d -> d.upstream() == task && d.downstream() == next).findFirst().orElseThrow();
      }
      DagBuild.DepBuild found = cycleFrom(next, path, done, dag);
      if (found != null) {
        return found;
      }
    }
    path.remove(task);
    done.add(task);
    return null;
  }

  static String oneLine(String text) {
    String line = text.replaceAll("\\s*\\n\\s*", " ");
    return line.length() > 60 ? line.substring(0, 60) + "..." : line;
  }
}
