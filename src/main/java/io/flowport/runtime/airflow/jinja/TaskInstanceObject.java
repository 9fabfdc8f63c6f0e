package io.flowport.runtime.airflow.jinja;

import java.util.ArrayList;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code ti} / {@code task_instance} of Airflow 2's template context. Its xcom_pull follows
 * airflow/models/taskinstance.py: a str task id gives the value or {@code default} (None); a
 * list of task ids gives a lazy sequence of the XComs that exist.
 */
final class TaskInstanceObject implements HostObject {

  private static final Object NO_SESSION = new Object();
  private static final Signature XCOM_PULL = new Signature("TaskInstance.xcom_pull", true, 5,
      List.of("task_ids", "dag_id", "key", "include_prior_dates", "session", "map_indexes",
          "default"),
      null, null, "return_value", false, NO_SESSION, null, null);
  private static final Set<String> UNSUPPORTED = Set.of("xcom_push", "state", "start_date",
      "end_date", "duration", "hostname", "unixname", "job_id", "pool", "pool_slots", "queue",
      "priority_weight", "operator", "max_tries", "execution_date", "logical_date", "log_url",
      "mark_success_url", "next_retry_datetime", "is_eligible_to_retry", "dag_run", "task",
      "get_dagrun", "get_template_context", "pid", "executor", "queued_dttm", "note",
      "rendered_map_index", "get_previous_ti", "previous_ti", "get_num_running_task_instances");

  private final String dagId;
  private final String taskId;
  private final String runId;
  private final long tryNumber;
  private final long mapIndex;
  private final XcomSource xcoms;

  TaskInstanceObject(String dagId, String taskId, String runId, long tryNumber, long mapIndex, XcomSource xcoms) {
    this.dagId = dagId;
    this.taskId = taskId;
    this.runId = runId;
    this.tryNumber = tryNumber;
    this.mapIndex = mapIndex;
    this.xcoms = xcoms;
  }

  @Override
  public String typeModule() {
    return "airflow.models.taskinstance";
  }

  @Override
  public String typeName() {
    return "TaskInstance";
  }

  @Override
  public Object attribute(String name) {
    return switch (name) {
      case "dag_id" -> dagId;
      case "task_id" -> taskId;
      case "run_id" -> runId;
      case "try_number" -> tryNumber;
      case "map_index" -> mapIndex;
      case "xcom_pull" -> new Builtin("TaskInstance.xcom_pull", "method", this::xcomPull);
      default -> {
        if (UNSUPPORTED.contains(name)) {
          throw TemplateRenderException.unsupported(
              "the TaskInstance attribute '" + name + "' is not available in flowport");
        }
        yield NO_ATTRIBUTE;
      }
    };
  }

  private Object xcomPull(List<Object> args, Map<String, Object> kwargs) {
    Object[] a = XCOM_PULL.bind(args, kwargs);
    Object taskIds = a[0];
    Object dag = a[1];
    Object key = a[2];
    if (a[4] != NO_SESSION) {
      throw TemplateRenderException.unsupported("xcom_pull(session=...) is not supported");
    }
    if (dag != null && !dagId.equals(dag)) {
      throw TemplateRenderException.unsupported("xcom_pull(dag_id=" + Py.repr(dag)
          + ") reads XComs of another DAG, which flowport does not support");
    }
    if (Py.truthy(a[3])) {
      throw TemplateRenderException.unsupported(
          "xcom_pull(include_prior_dates=True) reads earlier runs, which flowport does not keep");
    }
    if (a[5] != null) {
      throw TemplateRenderException.unsupported("xcom_pull(map_indexes=...) is not supported");
    }
    if (key == null) {
      throw TemplateRenderException.unsupported("xcom_pull(key=None) matches every key,"
          + " which flowport does not support");
    }
    if (taskIds == null) {
      throw TemplateRenderException.unsupported("xcom_pull() without task_ids matches every"
          + " task, which flowport does not support");
    }
    if (taskIds instanceof Undefined u) {
      throw u.fail();
    }
    if (taskIds instanceof String id) {
      return read(id, key).orElse(a[6]);
    }
    if (!(taskIds instanceof List || taskIds instanceof PyTuple || taskIds instanceof PySequence)) {
      throw TemplateRenderException.unsupported(
          "xcom_pull(task_ids=" + Py.repr(taskIds) + "): task_ids must be a str or a list");
    }
    List<Object> found = new ArrayList<>();
    for (Object id : Py.iterate(taskIds)) {
      if (id instanceof String s) {
        read(s, key).ifPresent(found::add);
      }
    }
    return new XcomSequence(found);
  }

  private Optional<Object> read(String id, Object key) {
    return key instanceof String k ? xcoms.read(id, k) : Optional.empty();
  }

  @Override
  public String str() {
    return "<TaskInstance: " + dagId + "." + taskId + " " + runId + " [running]>";
  }

}
