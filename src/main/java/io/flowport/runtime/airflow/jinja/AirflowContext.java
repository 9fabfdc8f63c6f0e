package io.flowport.runtime.airflow.jinja;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The template context Airflow 2 gives a task ({@code TaskInstance.get_template_context}), built
 * from what a flowport job worker knows: the DAG, task and run ids, the logical date, params,
 * the run's conf and the XComs of upstream tasks. Entries that need Airflow's database
 * (Variables, Connections, previous runs) fail when used, naming the entry.
 */
public final class AirflowContext implements TemplateContext {

  /** Context entries Airflow has that flowport cannot give. */
  private static final Set<String> UNSUPPORTED = Set.of("conf", "inlets", "outlets",
      "inlet_events", "outlet_events", "next_ds", "next_ds_nodash", "next_execution_date",
      "prev_ds", "prev_ds_nodash", "prev_execution_date", "prev_execution_date_success",
      "prev_data_interval_start_success", "prev_data_interval_end_success",
      "prev_start_date_success", "prev_end_date_success", "triggering_dataset_events",
      "templates_dict", "expanded_ti_count", "map_index_template");

  private final Map<String, Object> values;

  /** Whether {@code name} is a context entry Airflow has and flowport's runs do not (a task using it fails). */
  public static boolean unavailable(String name) {
    return UNSUPPORTED.contains(name);
  }

  private AirflowContext(Map<String, Object> values) {
    this.values = values;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Object lookup(String name) {
    if (values.containsKey(name)) {
      return values.get(name);
    }
    if (UNSUPPORTED.contains(name)) {
      throw TemplateRenderException.unsupported(
          "the Airflow context entry '" + name + "' is not available in flowport");
    }
    return UNDEFINED;
  }

  /** Builds the context; every setting has a default so tests can set only what they use. */
  public static final class Builder {
    private String dagId = "dag";
    private String taskId = "task";
    private String runId;
    private String operator;
    private Instant logicalDate = Instant.parse("1970-01-01T00:00:00Z");
    private Instant intervalStart;
    private Instant intervalEnd;
    private Map<String, Object> params = Map.of();
    private Map<String, Object> conf = Map.of();
    private boolean confOverridesParams = true;
    private long tryNumber = 1;
    private long mapIndex = -1;
    private XcomSource xcoms = (task, key) -> Optional.empty();
    private final Map<String, Object> extra = new LinkedHashMap<>();

    public Builder dagId(String dagId) {
      this.dagId = dagId;
      return this;
    }

    public Builder taskId(String taskId) {
      this.taskId = taskId;
      return this;
    }

    /** Defaults to {@code manual__<logical date isoformat>}. */
    public Builder runId(String runId) {
      this.runId = runId;
      return this;
    }

    /** The operator class name, for {@code str(task)}: {@code <Task(BashOperator): t1>}. */
    public Builder operator(String operatorClassName) {
      this.operator = operatorClassName;
      return this;
    }

    public Builder logicalDate(Instant logicalDate) {
      this.logicalDate = logicalDate;
      return this;
    }

    /** Defaults to an empty interval at the logical date, as for a manually triggered run. */
    public Builder dataInterval(Instant start, Instant end) {
      this.intervalStart = start;
      this.intervalEnd = end;
      return this;
    }

    public Builder params(Map<String, ?> params) {
      this.params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params)); // a param may be None
      return this;
    }

    /** The DAG run's conf; by default it also overrides params ([core] dag_run_conf_overrides_params). */
    public Builder conf(Map<String, ?> conf) {
      this.conf = new LinkedHashMap<>(conf);
      return this;
    }

    public Builder confOverridesParams(boolean overrides) {
      this.confOverridesParams = overrides;
      return this;
    }

    /** A mapped task instance's map index; -1 (Airflow's value) for a task that is not mapped. */
    public Builder mapIndex(long mapIndex) {
      this.mapIndex = mapIndex;
      return this;
    }

    public Builder tryNumber(long tryNumber) {
      this.tryNumber = tryNumber;
      return this;
    }

    /** XComs by (task id, key). */
    public Builder xcoms(XcomSource xcoms) {
      this.xcoms = xcoms;
      return this;
    }

    /** Return values only: any other key reads as absent. */
    public Builder xcoms(Function<String, Optional<Object>> returnValues) {
      this.xcoms = (task, key) -> "return_value".equals(key) ? returnValues.apply(task)
          : Optional.empty();
      return this;
    }

    /** An extra name, as DAG(user_defined_macros=...) adds one. */
    public Builder put(String name, Object value) {
      extra.put(name, value);
      return this;
    }

    public AirflowContext build() {
      PyDateTime logical = new PyDateTime(logicalDate);
      String ds = logical.strftime("%Y-%m-%d");
      String dsNodash = logical.strftime("%Y%m%d");
      String ts = logical.isoformat("T");
      String run = runId != null ? runId : "manual__" + ts;
      PyDateTime start = new PyDateTime(intervalStart != null ? intervalStart : logicalDate);
      PyDateTime end = new PyDateTime(intervalEnd != null ? intervalEnd : logicalDate);

      Map<String, Object> mergedParams = new LinkedHashMap<>(params);
      if (confOverridesParams) {
        mergedParams.putAll(conf);
      }
      Map<String, Object> v = new HashMap<>();
      TaskInstanceObject ti = new TaskInstanceObject(dagId, taskId, run, tryNumber, mapIndex, xcoms);
      v.put("ti", ti);
      v.put("task_instance", ti);
      v.put("dag", new SimpleHostObject("airflow.models.dag", "DAG", Map.of("dag_id", dagId),
          Set.of("params", "default_args", "schedule_interval", "timetable", "tags", "owner",
              "start_date", "end_date", "catchup", "fileloc", "description"),
          "<DAG: " + dagId + ">"));
      v.put("task", new SimpleHostObject("airflow.models.baseoperator", "BaseOperator",
          Map.of("task_id", taskId, "dag_id", dagId),
          Set.of("owner", "retries", "params", "queue", "pool", "email", "template_fields",
              "execution_timeout", "retry_delay", "trigger_rule", "doc_md", "upstream_task_ids",
              "downstream_task_ids", "dag"),
          operator == null ? null : "<Task(" + operator + "): " + taskId + ">"));
      Map<String, Object> dagRun = new HashMap<>();
      dagRun.put("dag_id", dagId);
      dagRun.put("run_id", run);
      dagRun.put("conf", conf);
      dagRun.put("logical_date", logical);
      dagRun.put("execution_date", logical);
      dagRun.put("data_interval_start", start);
      dagRun.put("data_interval_end", end);
      String runType = run.contains("__") ? run.substring(0, run.indexOf("__")) : "manual";
      dagRun.put("run_type", runType);
      dagRun.put("external_trigger", runType.equals("manual"));
      v.put("dag_run", new SimpleHostObject("airflow.models.dagrun", "DagRun", dagRun,
          Set.of("state", "start_date", "end_date", "queued_at", "get_task_instance",
              "get_task_instances", "creating_job_id", "note", "id", "clear_number"), null));
      v.put("run_id", run);
      v.put("ds", ds);
      v.put("ds_nodash", dsNodash);
      v.put("ts", ts);
      v.put("ts_nodash", logical.strftime("%Y%m%dT%H%M%S"));
      v.put("ts_nodash_with_tz", ts.replace("-", "").replace(":", ""));
      v.put("logical_date", logical);
      v.put("execution_date", logical);
      v.put("data_interval_start", start);
      v.put("data_interval_end", end);
      Instant day = logicalDate.truncatedTo(ChronoUnit.DAYS);
      v.put("yesterday_ds", new PyDateTime(day.minus(1, ChronoUnit.DAYS)).strftime("%Y-%m-%d"));
      v.put("yesterday_ds_nodash", new PyDateTime(day.minus(1, ChronoUnit.DAYS)).strftime("%Y%m%d"));
      v.put("tomorrow_ds", new PyDateTime(day.plus(1, ChronoUnit.DAYS)).strftime("%Y-%m-%d"));
      v.put("tomorrow_ds_nodash", new PyDateTime(day.plus(1, ChronoUnit.DAYS)).strftime("%Y%m%d"));
      v.put("task_instance_key_str", dagId + "__" + taskId + "__" + dsNodash);
      v.put("params", mergedParams);
      v.put("macros", new AirflowMacros());
      v.put("var", new UnsupportedAccessor("var", "an Airflow Variable"));
      v.put("conn", new UnsupportedAccessor("conn", "an Airflow Connection"));
      v.put("test_mode", false);
      v.putAll(extra);
      return new AirflowContext(v);
    }
  }
}
