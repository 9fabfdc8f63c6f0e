package io.flowport.airflow.parse;

import io.flowport.diag.SourceLocation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One DAG. {@code args} are the keyword arguments of {@code DAG(...)} or {@code @dag(...)} as
 * written, in source order, without {@code dag_id} (that is {@link #dagId()}). {@code groups} are its
 * TaskGroups that hold a task, parents before children.
 */
public record DagDef(
    String dagId,
    SourceLocation location,
    Map<String, Arg> args,
    List<TaskDef> tasks,
    List<Dependency> dependencies,
    List<GroupDef> groups) {

  public DagDef {
    args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
    tasks = List.copyOf(tasks);
    dependencies = List.copyOf(dependencies);
    groups = List.copyOf(groups);
  }

  public Optional<GroupDef> group(String groupId) {
    return groups.stream().filter(g -> g.groupId().equals(groupId)).findFirst();
  }

  public Optional<TaskDef> task(String taskId) {
    return tasks.stream().filter(t -> t.taskId().equals(taskId)).findFirst();
  }

  public Optional<PyValue> arg(String name) {
    return Optional.ofNullable(args.get(name)).map(Arg::value);
  }
}
