package io.flowport.airflow.parse;

import io.flowport.diag.SourceLocation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One task. {@code operator} is the class's import path as written in the file's imports (for
 * TaskFlow functions the decorator's, e.g. {@code airflow.decorators.task}). {@code kwargs} are the
 * operator's keyword arguments as written, without {@code task_id}, {@code dag} and {@code
 * task_group} (those are the task's identity and membership) and without default_args merged.
 * {@code group} is the id of the innermost TaskGroup holding the task, or null; {@code expansion}
 * how a mapped task expands, or null.
 */
public record TaskDef(
    String taskId,
    String variable,
    String operator,
    Map<String, Arg> kwargs,
    SourceLocation location,
    String group,
    Expansion expansion) {

  public TaskDef(String taskId, String variable, String operator, Map<String, Arg> kwargs, SourceLocation location,
      String group) {
    this(taskId, variable, operator, kwargs, location, group, null);
  }

  public TaskDef {
    kwargs = Collections.unmodifiableMap(new LinkedHashMap<>(kwargs));
  }

  public Optional<PyValue> kwarg(String name) {
    return Optional.ofNullable(kwargs.get(name)).map(Arg::value);
  }
}
