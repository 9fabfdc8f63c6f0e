package io.flowport.airflow.parse;

import io.flowport.diag.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A DAG while the file is being read: tasks and dependencies are added as statements run. */
final class DagBuild {

  final String dagId;
  final SourceLocation location;
  final LinkedHashMap<String, Arg> args = new LinkedHashMap<>();
  final List<TaskBuild> tasks = new ArrayList<>();
  final Map<String, TaskBuild> tasksById = new LinkedHashMap<>();
  final List<DepBuild> dependencies = new ArrayList<>();
  final List<GroupBuild> groups = new ArrayList<>();

  DagBuild(String dagId, SourceLocation location) {
    this.dagId = dagId;
    this.location = location;
  }

  record DepBuild(TaskBuild upstream, TaskBuild downstream, SourceLocation location) {}
}
