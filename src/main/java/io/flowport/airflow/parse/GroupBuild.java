package io.flowport.airflow.parse;

import io.flowport.diag.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/**
 * A TaskGroup: prefixes the ids of tasks created in it and, as a dependency end, stands for its
 * first tasks (downstream side) or last tasks (upstream side), like Airflow does.
 */
final class GroupBuild {

  final String groupId;
  final String label;
  final String prefix;
  final DagBuild dag;
  final GroupBuild parent;
  final SourceLocation location;
  final Arg defaultArgs;
  final List<TaskBuild> tasks = new ArrayList<>();

  GroupBuild(String groupId, String label, String prefix, DagBuild dag, GroupBuild parent, SourceLocation location,
      Arg defaultArgs) {
    this.groupId = groupId;
    this.label = label;
    this.prefix = prefix;
    this.dag = dag;
    this.parent = parent;
    this.location = location;
    this.defaultArgs = defaultArgs;
  }

  GroupDef toDef() {
    return new GroupDef(groupId, parent == null ? null : parent.groupId, label, location, defaultArgs);
  }

  /** Tasks of the group with no upstream task inside it. */
  List<TaskBuild> roots() {
    return tasks.stream().filter(t -> t.upstream.stream().noneMatch(tasks::contains)).toList();
  }

  /** Tasks of the group with no downstream task inside it. */
  List<TaskBuild> leaves() {
    return tasks.stream().filter(t -> t.downstream.stream().noneMatch(tasks::contains)).toList();
  }
}
