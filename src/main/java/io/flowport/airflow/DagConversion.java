package io.flowport.airflow;

import io.flowport.airflow.parse.Arg;
import io.flowport.airflow.parse.DagDef;
import io.flowport.airflow.parse.Dependency;
import io.flowport.airflow.parse.GroupDef;
import io.flowport.airflow.parse.PyValue;
import io.flowport.airflow.parse.TaskDef;
import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.catalog.Catalog;
import io.flowport.contract.Headers;
import io.flowport.contract.JobTypes;
import io.flowport.convert.ClusterCleanupCheck;
import io.flowport.ir.Call;
import io.flowport.contract.Vars;
import io.flowport.diag.BadInputException;
import io.flowport.ir.DagTask;
import io.flowport.ir.Dialect;
import io.flowport.ir.Names;
import io.flowport.ir.Schedule;
import io.flowport.ir.TaskDag;
import io.flowport.ir.Workflow;
import io.flowport.report.Code;
import io.flowport.report.Report;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One DAG → one workflow: its schedule, its tasks (with default_args) and its dependencies. */
final class DagConversion {

  private static final List<String> SCHEDULER_ONLY = List.of("start_date", "end_date", "catchup", "max_active_runs",
      "max_active_tasks", "concurrency", "tags", "owner_links", "is_paused_upon_creation", "doc_md", "access_control",
      "default_view", "orientation", "fail_stop", "dag_display_name");

  /** DAG arguments that change how templates render: flowport's runs render without them. */
  private static final List<String> TEMPLATING = List.of("render_template_as_native_obj", "template_searchpath",
      "user_defined_macros", "user_defined_filters", "jinja_environment_kwargs");

  private final Catalog catalog;
  private final DagDef dag;
  private final Report report;
  private final Map<String, Map<String, Arg>> groupDefaults = new HashMap<>();

  DagConversion(Catalog catalog, DagDef dag, Report report) {
    this.catalog = catalog;
    this.dag = dag;
    this.report = report;
  }

  Workflow workflow() {
    Map<String, Arg> defaults = defaultArgs();
    List<DagTask> tasks = new ArrayList<>();
    Map<String, String> keys = new HashMap<>();
    for (TaskDef t : dag.tasks()) {
      String other = keys.put(Vars.key(t.taskId()), t.taskId());
      if (other != null) {
        throw new BadInputException(t.location(), "task ids '" + other + "' and '" + t.taskId() + "' map to the same variable name");
      }
      tasks.add(new TaskConversion(catalog, dag, t, groupDefaults(defaults, t.group()), report).task());
    }
    List<TaskDag.Edge> edges = new ArrayList<>();
    for (Dependency d : dag.dependencies()) {
      TaskDag.Edge e = new TaskDag.Edge(d.upstreamTaskId(), d.downstreamTaskId());
      if (!edges.contains(e)) {
        edges.add(e);
      }
    }
    List<Schedule> schedules = ScheduleConversion.schedules(dag, report);
    java.time.Duration runTimeout = null;
    for (String arg : dag.args().keySet()) {
      if (SCHEDULER_ONLY.contains(arg)) {
        report.add(Code.AIRFLOW_NOT_SCHEDULED, dag.args().get(arg).location(), null,
            arg + " only matters to Airflow's scheduler; the process starts when an app (or the timer) starts it", null);
      } else if (TEMPLATING.contains(arg)) {
        report.add(Code.AIRFLOW_NOT_REPRODUCED, dag.args().get(arg).location(), null,
            arg + " is not applied to templates: flowport renders them with Airflow's defaults, so a template that"
                + " relies on it renders differently or fails", null);
      } else if (arg.equals("dagrun_timeout")) {
        runTimeout = dag.args().get(arg).value() instanceof PyValue.PyNone ? null : Values.duration(arg, dag.args().get(arg));
        if (runTimeout != null) {
          report.add(Code.AIRFLOW_RUN_TIMEOUT, dag.args().get(arg).location(), null, "dagrun_timeout " + runTimeout
              + " became a timer on the run: past it the run fails and its unfinished tasks are skipped, as Airflow's"
              + " scheduler does (Airflow notices it at its next scheduling loop, the timer at once)", null);
        }
      } else if (!List.of("default_args", "description", "schedule", "schedule_interval", "timetable", "params").contains(arg)) {
        report.add(Code.AIRFLOW_NOT_REPRODUCED, dag.args().get(arg).location(), null, "DAG argument " + arg + " has no effect here", null);
      }
    }
    String description = dag.arg("description").filter(v -> v instanceof PyValue.PyStr).map(v -> ((PyValue.PyStr) v).value()).orElse(null);
    cleanupCheck(tasks);
    leafCheck(new TaskDag(tasks, edges));
    List<TaskDag.Group> groups = new GroupShapes(dag, edges, report).groups();
    report.converted(dag.dagId() + ": DAG with " + tasks.size() + " task(s) and " + edges.size() + " dependenc"
        + (edges.size() == 1 ? "y" : "ies") + " → process " + Names.ncName(dag.dagId()));
    return new Workflow(Names.ncName(dag.dagId()), Names.humanize(dag.dagId()), description, Dialect.AIRFLOW, dag.location(),
        schedules, new TaskDag(tasks, edges, groups, runTimeout), taskDocs());
  }

  /**
   * Airflow decides a run's state from its leaf tasks only: a leaf whose trigger rule lets it run
   * after an upstream failure (a cleanup with all_done) makes the run succeed although a task
   * failed. flowport reproduces that; this says so where it can happen.
   */
  private void leafCheck(TaskDag graph) {
    for (DagTask t : graph.tasks()) {
      if (graph.downstream(t.taskId()).isEmpty() && !graph.upstream(t.taskId()).isEmpty()
          && TriggerRules.RUN_AFTER_FAILURE.contains(t.triggerRule())) {
        report.add(Code.AIRFLOW_LEAF_MASKS_FAILURE, t.source(), t.taskId(), "leaf task '" + t.taskId() + "' (trigger_rule "
            + t.triggerRule() + ") can succeed after a task upstream of it failed, and the run's state follows the leaf tasks:"
            + " such a run ends successful, in Airflow and here.", "to fail the run on any failure, add a leaf task with"
            + " trigger_rule='one_failed' downstream of the other tasks that raises (Airflow's watcher pattern)");
      }
    }
  }

  /** Each task's documentation (doc_md, doc, ...) when it is a string literal, by task_id. */
  private Map<String, String> taskDocs() {
    Map<String, String> out = new LinkedHashMap<>();
    for (TaskDef t : dag.tasks()) {
      for (String arg : List.of("doc_md", "doc", "doc_rst", "doc_json", "doc_yaml")) {
        if (t.kwarg(arg).orElse(null) instanceof PyValue.PyStr s && !s.value().isBlank()) {
          out.put(t.taskId(), s.value().strip());
          break;
        }
      }
    }
    return out;
  }

  /** Clusters that nothing terminates (see {@link ClusterCleanupCheck}). */
  private void cleanupCheck(List<DagTask> tasks) {
    List<ClusterCleanupCheck.Creation> creations = new ArrayList<>();
    List<String> types = new ArrayList<>();
    for (DagTask t : tasks) {
      if (t.work() == null) {
        continue;
      }
      Call call = t.work().start() != null ? t.work().start() : t.work().waitLoop().poll();
      types.add(call.jobType());
      if (call.jobType().equals(JobTypes.emr("RunJobFlow"))) {
        JsonNode args;
        try {
          args = TaskConversion.JSON.readTree(call.headers().get(Headers.AIRFLOW_ARGS));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          throw new IllegalStateException("the args header written by TaskConversion is JSON", e);
        }
        creations.add(new ClusterCleanupCheck.Creation(t.taskId(), t.source(), args.path("job_flow_overrides")));
      }
      if (io.flowport.convert.JobRunCleanupCheck.startsJobRun(call.jobType())) {
        io.flowport.convert.JobRunCleanupCheck.report(t.taskId(), t.source(), jobRunTags(call),
            call.jobType().startsWith(JobTypes.EMR_CONTAINERS_PREFIX)
                ? "'" + io.flowport.runtime.CreateOnce.KEEP + "': 'true' to the operator's tags"
                : "'" + io.flowport.runtime.CreateOnce.KEEP + "': 'true' to the tags in the operator's config "
                    + "(config={'tags': {...}})", report);
      }
    }
    ClusterCleanupCheck.check(creations, types, report,
        "add 'AutoTerminationPolicy': {'IdleTimeout': 600} to job_flow_overrides, or an EmrTerminateJobFlowOperator "
            + "with trigger_rule='all_done' at the end");
  }

  /** The tags of a StartJobRun task: EmrContainerOperator's tags, or the tags in EmrServerlessStartJobOperator's config. */
  private static JsonNode jobRunTags(Call call) {
    String written = call.headers().get(Headers.AIRFLOW_ARGS);
    if (written == null) {
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
    JsonNode args;
    try {
      args = TaskConversion.JSON.readTree(written);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("the args header written by TaskConversion is JSON", e);
    }
    return args.path("tags").isObject() ? args.path("tags") : args.path("config").path("tags");
  }

  /** The DAG's default_args under those of the task's groups, outermost first, as Airflow merges them. */
  private Map<String, Arg> groupDefaults(Map<String, Arg> dagDefaults, String groupId) {
    if (groupId == null) {
      return dagDefaults;
    }
    Map<String, Arg> known = groupDefaults.get(groupId);
    if (known != null) {
      return known;
    }
    GroupDef g = dag.group(groupId).orElseThrow();
    Map<String, Arg> out = new LinkedHashMap<>(groupDefaults(dagDefaults, g.parentId()));
    g.defaults().ifPresent(a -> out.putAll(dictArgs(a)));
    groupDefaults.put(groupId, out);
    return out;
  }

  /** default_args as arguments, each located where the dict gives it. */
  private Map<String, Arg> defaultArgs() {
    return Optional.ofNullable(dag.args().get("default_args")).map(this::dictArgs).orElseGet(LinkedHashMap::new);
  }

  private Map<String, Arg> dictArgs(Arg arg) {
    Map<String, Arg> out = new LinkedHashMap<>();
    if (!(arg.value() instanceof PyValue.PyDict dict)) {
      throw new BadInputException(arg.location(), "default_args is not known statically: " + Values.describe(arg.value()));
    }
    dict.entries().forEach((k, v) -> {
      if (k instanceof PyValue.PyStr key) {
        Arg a = new Arg(v, arg.location());
        out.put(key.value(), a);
        if (BaseArgs.UNSUPPORTED.contains(key.value()) && BaseArgs.set(a)) {
          throw new BadInputException(a.location(), "default_args['" + key.value() + "'] is not supported yet");
        }
        if (BaseArgs.NOT_REPRODUCED.contains(key.value()) && BaseArgs.set(a)) {
          report.add(Code.AIRFLOW_NOT_REPRODUCED, a.location(), null,
              "default_args['" + key.value() + "'] is not reproduced yet: " + BaseArgs.why(key.value()), null);
        }
      }
    });
    return out;
  }
}
