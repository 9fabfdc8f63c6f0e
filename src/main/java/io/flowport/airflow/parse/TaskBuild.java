package io.flowport.airflow.parse;

import io.flowport.diag.SourceLocation;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;

/** A task while the file is being read. */
final class TaskBuild {

  final String taskId;
  final String operator;
  final SourceLocation location;
  final DagBuild dag;
  final GroupBuild group;
  final LinkedHashMap<String, Arg> kwargs = new LinkedHashMap<>();
  final Set<TaskBuild> upstream = new LinkedHashSet<>();
  final Set<TaskBuild> downstream = new LinkedHashSet<>();
  String variable;
  Expansion expansion;

  TaskBuild(String taskId, String operator, SourceLocation location, DagBuild dag, GroupBuild group) {
    this.taskId = taskId;
    this.operator = operator;
    this.location = location;
    this.dag = dag;
    this.group = group;
  }

  TaskDef toDef() {
    return new TaskDef(taskId, variable, operator, kwargs, location, group == null ? null : group.groupId, expansion);
  }
}
