package io.flowport.airflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.airflow.parse.Arg;
import io.flowport.airflow.parse.DagDef;
import io.flowport.airflow.parse.TaskDef;
import io.flowport.catalog.Acceptor;
import io.flowport.catalog.AirflowOperator;
import io.flowport.catalog.Catalog;
import io.flowport.catalog.EmrApis;
import io.flowport.catalog.Waiter;
import io.flowport.contract.Headers;
import io.flowport.contract.JobTypes;
import io.flowport.diag.BadInputException;
import io.flowport.ir.Call;
import io.flowport.ir.DagTask;
import io.flowport.ir.Names;
import io.flowport.ir.Wait;
import io.flowport.ir.Work;
import io.flowport.report.Code;
import io.flowport.report.Report;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One Airflow task → a DagTask: its operator's job (or sensor poll loop), retries and timeouts. */
final class TaskConversion {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ARG_PATH = Pattern.compile("\\$\\.([A-Za-z_][A-Za-z0-9_]*)");
  private static final Duration DEFAULT_RETRY_DELAY = Duration.ofMinutes(5);
  private static final Duration DEFAULT_POKE_INTERVAL = Duration.ofSeconds(60);
  private static final Duration DEFAULT_SENSOR_TIMEOUT = Duration.ofDays(7);

  private final Catalog catalog;
  private final DagDef dag;
  private final TaskDef task;
  private final Map<String, Arg> args = new LinkedHashMap<>();
  private final Report report;

  TaskConversion(Catalog catalog, DagDef dag, TaskDef task, Map<String, Arg> defaults, Report report) {
    this.catalog = catalog;
    this.dag = dag;
    this.task = task;
    this.report = report;
    // Task arguments win over default_args; default_args only fill what the operator accepts,
    // which is every BaseOperator argument and the operator's own.
    args.putAll(defaults);
    args.putAll(task.kwargs());
  }

  DagTask task() {
    AirflowOperator op = catalog.airflowOperator(task.operator()).orElseThrow(() -> new BadInputException(task.location(),
        "operator " + task.operator() + " of task '" + task.taskId() + "' has no catalog entry"
            + catalog.airflowOperatorNamed(task.operator().substring(task.operator().lastIndexOf('.') + 1))
                .map(o -> " (flowport knows " + o.operator() + ")").orElse("; add one to a catalog file (see converters/)")));
    Set<String> operatorArgs = operatorArgs(op);
    ObjectNode values = JSON.createObjectNode();
    op.defaults().fields().forEachRemaining(e -> values.set(e.getKey(), e.getValue()));
    for (Map.Entry<String, Arg> e : args.entrySet()) {
      String name = e.getKey();
      boolean fromDefaults = !task.kwargs().containsKey(name);
      if (operatorArgs.contains(name)) {
        values.set(name, Values.json(name, e.getValue()));
      } else if (op.ignored().contains(name)) {
        report.add(Code.AIRFLOW_IGNORED_ARG, e.getValue().location(), task.taskId(),
            name + " of " + op.simpleName() + " has no effect here (connections and waiters are flowport's)", null);
      } else if (!BaseArgs.isBase(name) && !fromDefaults) {
        report.add(Code.AIRFLOW_IGNORED_ARG, e.getValue().location(), task.taskId(),
            op.simpleName() + " argument " + name + " is not in flowport's catalog entry; it is not used", null);
      }
      if (!fromDefaults) {
        base(name, e.getValue(), op);
      }
    }
    if (op.request() != null && op.api() != null && task.operator().contains("EmrCreateJobFlow")) {
      report.add(Code.AIRFLOW_CONNECTION, task.location(), task.taskId(),
          "job_flow_overrides is the whole RunJobFlow request: the emr_conn_id connection's settings are not merged in", null);
    }
    XcomCheck.check(catalog, dag, task, args, op, report);
    Work work = work(op, values);
    String rule = args.containsKey("trigger_rule") ? Values.string("trigger_rule", args.get("trigger_rule")) : "all_success";
    if (!rule.equals("all_success")) {
      throw new BadInputException(args.get("trigger_rule").location(), "trigger_rule '" + rule + "' is not supported yet (all_success is)");
    }
    int retries = args.containsKey("retries") ? Values.integer("retries", args.get("retries")) : 0;
    Duration delay = args.containsKey("retry_delay") ? Values.duration("retry_delay", args.get("retry_delay")) : DEFAULT_RETRY_DELAY;
    Duration timeout = args.containsKey("execution_timeout") && !(args.get("execution_timeout").value() instanceof io.flowport.airflow.parse.PyValue.PyNone)
        ? Values.duration("execution_timeout", args.get("execution_timeout")) : null;
    if (retries > 0) {
      report.add(Code.AIRFLOW_RETRIES, args.get("retries").location(), task.taskId(),
          "retries " + retries + " (retry_delay " + delay + ") became a retry loop with a timer around the whole try", null);
    }
    report.converted(task.taskId() + ": " + op.simpleName() + " → " + (work == null ? "no job (does nothing)"
        : work.waitLoop() != null ? "sensor subprocess polling " + work.waitLoop().poll().jobType() : "service task " + work.start().jobType()));
    return new DagTask(task.taskId(), task.location(), work, rule, retries, delay, timeout, Names.humanize(task.taskId()));
  }

  /** The operator's own arguments: templated ones, those its request reads, and those with defaults. */
  private static Set<String> operatorArgs(AirflowOperator op) {
    Set<String> out = new LinkedHashSet<>(op.templated());
    op.defaults().fieldNames().forEachRemaining(out::add);
    for (JsonNode request : List.of(op.request() == null ? JSON.nullNode() : op.request(),
        op.sensor() == null || op.sensor().request() == null ? JSON.nullNode() : op.sensor().request())) {
      Matcher m = ARG_PATH.matcher(request.toString());
      while (m.find()) {
        out.add(m.group(1));
      }
    }
    return out;
  }

  private void base(String name, Arg arg, AirflowOperator op) {
    if (BaseArgs.UNSUPPORTED.contains(name) && BaseArgs.set(arg)) {
      throw new BadInputException(arg.location(), name + " is not supported yet");
    }
    if (BaseArgs.NOT_REPRODUCED.contains(name) && BaseArgs.set(arg)) {
      report.add(Code.AIRFLOW_NOT_REPRODUCED, arg.location(), task.taskId(), name + " is not reproduced yet: "
          + BaseArgs.why(name), null);
    }
    if ((name.equals("poke_interval") || name.equals("timeout") || name.equals("mode")) && op.sensor() == null) {
      report.add(Code.AIRFLOW_IGNORED_ARG, arg.location(), task.taskId(), name + " only applies to sensors", null);
    }
  }

  private Work work(AirflowOperator op, ObjectNode values) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put(Headers.SOURCE, task.taskId());
    h.put(Headers.DIALECT, "airflow");
    h.put(Headers.AIRFLOW_DAG_ID, dag.dagId());
    h.put(Headers.AIRFLOW_TASK_ID, task.taskId());
    h.put(Headers.AIRFLOW_ARGS, values.toString());
    if (!op.templated().isEmpty()) {
      h.put(Headers.AIRFLOW_TEMPLATED, JSON.valueToTree(op.templated()).toString());
    }
    if (op.sensor() != null) {
      Waiter s = op.sensor();
      if (s.request() != null) {
        h.put(Headers.REQUEST, s.request().toString());
      }
      h.put(Headers.WAIT_ROLE, "poll");
      h.put(Headers.ACCEPTORS, acceptors(s.acceptors(), values).toString());
      h.put(Headers.FAILURE, JSON.valueToTree(s.failure()).toString());
      Duration poke = args.containsKey("poke_interval") ? Values.duration("poke_interval", args.get("poke_interval")) : DEFAULT_POKE_INTERVAL;
      Duration timeout = args.containsKey("timeout") ? Values.duration("timeout", args.get("timeout")) : DEFAULT_SENSOR_TIMEOUT;
      report.add(Code.AIRFLOW_SENSOR, task.location(), task.taskId(), op.simpleName() + " became a subprocess that polls "
          + s.api() + " every " + poke.toSeconds() + " s, with a " + timeout + " timeout that fails the task without retries"
          + (args.containsKey("mode") ? " (mode " + Values.string("mode", args.get("mode")) + ": no worker slot is held either way)" : ""), null);
      return new Work(null, new Wait(Call.of(JobTypes.of(s.service(), s.api()), EmrApis.label(s.service()) + " " + s.api(), h),
          poke, null, 0, timeout));
    }
    if (op.api() == null) {
      return null;
    }
    if (op.request() != null) {
      h.put(Headers.REQUEST, op.request().toString());
    }
    if (op.xcom() != null) {
      h.put(Headers.AIRFLOW_XCOM, op.xcom().toString());
    }
    return new Work(Call.of(JobTypes.of(op.service(), op.api()), EmrApis.label(op.service()) + " " + op.api(), h), null);
  }

  /** Acceptors with argument references replaced by the argument's (static) value. */
  private JsonNode acceptors(List<Acceptor> acceptors, ObjectNode values) {
    ArrayNode out = JSON.createArrayNode();
    for (Acceptor a : acceptors) {
      JsonNode expected = a.expected();
      if (expected.has("argument")) {
        String name = expected.get("argument").asText();
        expected = values.get(name);
        if (expected == null) {
          throw new IllegalStateException("catalog acceptor names argument " + name + ", which has no value or default");
        }
        if (expected.toString().contains("{{") || expected.toString().contains("{%")) {
          throw new BadInputException(args.get(name).location(), name + " with a Jinja template is not supported yet");
        }
      }
      ObjectNode n = out.addObject();
      n.put("matcher", a.matcher());
      n.put("argument", a.argument());
      n.set("expected", expected);
      n.put("state", a.state());
    }
    return out;
  }
}
