package io.flowport.airflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.airflow.parse.Arg;
import io.flowport.airflow.parse.DagDef;
import io.flowport.airflow.parse.PyValue;
import io.flowport.airflow.parse.TaskDef;
import io.flowport.catalog.AirflowOperator;
import io.flowport.catalog.Catalog;
import io.flowport.catalog.EmrApis;
import io.flowport.catalog.Waiter;
import io.flowport.contract.Headers;
import io.flowport.contract.JobTypes;
import io.flowport.contract.Messages;
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
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One Airflow task → a DagTask: its operator's job (or sensor poll loop), retries and timeouts. */
final class TaskConversion {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ARG_PATH = Pattern.compile("\\$\\.([A-Za-z_][A-Za-z0-9_]*)");
  private static final Duration DEFAULT_RETRY_DELAY = Duration.ofMinutes(5);
  private static final Duration DEFAULT_POKE_INTERVAL = Duration.ofSeconds(60);
  private static final Duration DEFAULT_SENSOR_TIMEOUT = TaskTiming.DEFAULT_SENSOR_TIMEOUT;

  private final Catalog catalog;
  private final DagDef dag;
  private final TaskDef task;
  private final Map<String, Arg> args = new LinkedHashMap<>();
  private final Report report;
  private final MappedTask mapped;
  private final TaskTiming timing;
  private final OperatorCalls calls;

  TaskConversion(Catalog catalog, DagDef dag, TaskDef task, Map<String, Arg> defaults, Report report) {
    this.catalog = catalog;
    this.dag = dag;
    this.task = task;
    this.report = report;
    // Task arguments win over default_args; default_args only fill what the operator accepts,
    // which is every BaseOperator argument and the operator's own.
    args.putAll(defaults);
    args.putAll(task.kwargs());
    this.mapped = task.expansion() == null ? null : new MappedTask(task, args, report);
    this.timing = new TaskTiming(dag, task, args, report);
    this.calls = new OperatorCalls(task, args, report);
  }

  DagTask task() {
    AirflowOperator op = operator();
    missingArguments(op);
    op.generated().forEach((name, what) -> {
      if (!args.containsKey(name)) {
        report.add(Code.AIRFLOW_GENERATED_VALUE, task.location(), task.taskId(), op.simpleName() + " gets no " + name
            + ": Airflow sends " + what + "; flowport sends none", "give " + name + " where executions are found or told apart by name");
      }
    });
    UserCode user = op.job() == null ? null : new UserCode(dag, task, op, report);
    if (user != null) {
      user.prepare(args);
    } else {
      // Airflow resolves XComArgs in templated fields; elsewhere they stay unknown and are refused.
      op.templated().forEach(f -> args.computeIfPresent(f, (name, arg) -> XcomArgs.resolve(catalog, dag, name, arg)));
    }
    // An operator no catalog knows gets all its own arguments: flowport cannot tell them apart.
    Set<String> operatorArgs = user != null && user.unknown() ? unknownArgs() : operatorArgs(op);
    ObjectNode values = JSON.createObjectNode();
    op.defaults().fields().forEachRemaining(e -> values.set(e.getKey(), e.getValue()));
    for (Map.Entry<String, Arg> e : args.entrySet()) {
      String name = e.getKey();
      boolean fromDefaults = !task.kwargs().containsKey(name);
      if (op.timer() != null && (name.equals(op.timer().after()) || name.equals(op.timer().fromStart()))) {
        continue; // a timedelta: the timer's header (below), not an argument the worker reads
      } else if (op.timer() != null && name.equals(op.timer().at()) && e.getValue().value() instanceof PyValue.PyDateTime d) {
        values.put(name, d.value() + d.zone().map(z -> "[" + z + "]").orElse(""));
      } else if (OperatorCalls.policy(op, name) != null) {
        values.set(name, WaitPolicies.value(OperatorCalls.policy(op, name), e.getValue()));
      } else if (operatorArgs.contains(name)) {
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
    calls.deprecatedWait(op, values);
    for (String name : op.orDefault()) {
      JsonNode v = values.get(name);
      boolean expanded = task.expansion() != null && task.expansion().args().containsKey(name);
      if (!expanded && v != null && falsy(v)) {
        values.set(name, op.defaults().get(name));
      }
    }
    if (op.request() != null && op.api() != null && task.operator().contains("EmrCreateJobFlow")) {
      report.add(Code.AIRFLOW_CONNECTION, task.location(), task.taskId(),
          "job_flow_overrides is the whole RunJobFlow request: the emr_conn_id connection's settings are not merged in", null);
    }
    if (mapped != null) {
      if (op.branch() != null) {
        throw new BadInputException(task.expansion().location(), "a mapped " + op.simpleName()
            + " is not supported yet: its instances' XComs would each choose the downstream tasks");
      }
      mapped.placeholders(values, operatorArgs, op.simpleName(), user != null && user.unknown());
    }
    XcomCheck.check(catalog, dag, task, args, op, report);
    Work work = user != null ? user.work(argHeaders(op, values), values) : work(op, values);
    String rule = args.containsKey("trigger_rule") ? TriggerRules.read(args.get("trigger_rule")) : "all_success";
    if (TriggerRules.EARLY.contains(rule)) {
      report.add(Code.AIRFLOW_TRIGGER_TIMING, args.get("trigger_rule").location(), task.taskId(), "trigger_rule " + rule
          + ": the task starts once all its upstream tasks have finished, not at the first one that meets the rule;"
          + " which tasks run and their states are Airflow's", null);
    }
    int retries = args.containsKey("retries") ? Values.integer("retries", args.get("retries")) : 0;
    Duration delay = args.containsKey("retry_delay") ? Values.duration("retry_delay", args.get("retry_delay")) : DEFAULT_RETRY_DELAY;
    Duration timeout = args.containsKey("execution_timeout") && !(args.get("execution_timeout").value() instanceof io.flowport.airflow.parse.PyValue.PyNone)
        ? Values.duration("execution_timeout", args.get("execution_timeout")) : null;
    Call backoff = retries > 0 ? timing.retryBackoff(delay) : null;
    if (retries > 0) {
      report.add(Code.AIRFLOW_RETRIES, args.get("retries").location(), task.taskId(),
          "retries " + retries + " (retry_delay " + delay + (backoff == null ? "" : ", exponential back-off")
          + ") became a retry loop with a timer around the whole try", null);
    }
    report.converted(task.taskId() + ": " + op.simpleName() + " → " + converted(work));
    // Inside a group's subprocess the task is named without the group's prefix, as Airflow labels it.
    String label = task.group() != null && task.taskId().startsWith(task.group() + ".")
        ? task.taskId().substring(task.group().length() + 1) : task.taskId();
    return new DagTask(task.taskId(), task.location(), work, rule, retries, delay, timeout, Names.humanize(label), branch(op),
        mapped == null ? null : mapped.mapping(), backoff, timing.softFail(op));
  }

  /** Python's falsy values, as JSON: None, False, 0, "", [] and {}. */
  private static boolean falsy(JsonNode v) {
    return v.isNull() || (v.isBoolean() && !v.asBoolean()) || (v.isNumber() && v.asDouble() == 0)
        || (v.isTextual() && v.asText().isEmpty()) || (v.isContainerNode() && v.isEmpty());
  }

  private DagTask.Branch branch(AirflowOperator op) {
    if (op.branch() == null) {
      return null;
    }
    if (op.branch().equals("branch")) {
      return new DagTask.Branch(DagTask.Branch.Kind.BRANCH, false);
    }
    Arg ignore = args.get("ignore_downstream_trigger_rules");
    boolean all = ignore == null || Values.bool("ignore_downstream_trigger_rules", ignore);
    return new DagTask.Branch(DagTask.Branch.Kind.SHORT_CIRCUIT, all);
  }

  private static String converted(Work work) {
    if (work == null) {
      return "no job (does nothing)";
    }
    if (work.start() == null) {
      return "sensor subprocess polling " + work.waitLoop().poll().jobType();
    }
    if (work.waitLoop() == null && work.then() == null) {
      return "service task " + work.start().jobType();
    }
    List<String> parts = new ArrayList<>();
    for (Work w = work; w != null; w = w.then()) {
      parts.add(w.start().jobType() + (w.waitLoop() == null ? "" : ", then poll " + w.waitLoop().poll().jobType()));
    }
    return "subprocess: " + String.join("; ", parts);
  }

  /** The operator's own arguments: templated ones, those its request reads, and those with defaults. */
  private static Set<String> operatorArgs(AirflowOperator op) {
    Set<String> out = new LinkedHashSet<>(op.templated());
    op.defaults().fieldNames().forEachRemaining(out::add);
    List<JsonNode> requests = new ArrayList<>(List.of(op.request() == null ? JSON.nullNode() : op.request(),
        op.sensor() == null || op.sensor().request() == null ? JSON.nullNode() : op.sensor().request()));
    for (AirflowOperator.Phase p : op.phases()) {
      requests.add(p.request() == null ? JSON.nullNode() : p.request());
      requests.add(p.waiter() == null || p.waiter().request() == null ? JSON.nullNode() : p.waiter().request());
      if (p.waitWhen() != null) {
        out.add(p.waitWhen());
      }
      if (p.policy() != null) {
        out.add(p.policy().argument());
      }
    }
    for (String arg : java.util.Arrays.asList(op.merge(), op.waiterDelay(), op.waiterAttempts())) {
      if (arg != null) {
        out.add(arg);
      }
    }
    for (JsonNode request : requests) {
      Matcher m = ARG_PATH.matcher(request.toString());
      while (m.find()) {
        out.add(m.group(1));
      }
    }
    return out;
  }

  private void base(String name, Arg arg, AirflowOperator op) {
    // map_index_template of a mapped task is reported with the mapping (it only names instances).
    boolean mappedName = name.equals("map_index_template") && mapped != null;
    if (name.equals("soft_fail") && BaseArgs.set(arg) && !op.isSensor()) {
      throw new BadInputException(arg.location(), "soft_fail only applies to sensors: " + op.simpleName() + " is not one");
    }
    if (BaseArgs.UNSUPPORTED.contains(name) && BaseArgs.set(arg) && !mappedName) {
      throw new BadInputException(arg.location(), name + " is not supported yet");
    }
    if (BaseArgs.NOT_REPRODUCED.contains(name) && BaseArgs.set(arg)) {
      report.add(Code.AIRFLOW_NOT_REPRODUCED, arg.location(), task.taskId(), name + " is not reproduced yet: "
          + BaseArgs.why(name), null);
    }
    if ((name.equals("poke_interval") || name.equals("timeout") || name.equals("mode")) && !op.isSensor()) {
      report.add(Code.AIRFLOW_IGNORED_ARG, arg.location(), task.taskId(), name + " only applies to sensors", null);
    }
    if ((name.equals("exponential_backoff") || name.equals("max_wait")) && op.sensor() == null && BaseArgs.set(arg)) {
      report.add(Code.AIRFLOW_IGNORED_ARG, arg.location(), task.taskId(), name + (op.timer() != null
          ? " has no effect on a time sensor: it waits for its target with one timer" : " only applies to sensors"), null);
    }
    if (name.equals("max_retry_delay") && BaseArgs.set(arg) && !timing.backoffSet()) {
      report.add(Code.AIRFLOW_IGNORED_ARG, arg.location(), task.taskId(),
          "max_retry_delay only applies with retry_exponential_backoff, as in Airflow", null);
    }
  }

  /**
   * Airflow's BaseOperator refuses a task without a required argument once default_args are
   * applied (TypeError, AirflowException before Airflow 2.10): the DAG file does not load.
   */
  private void missingArguments(AirflowOperator op) {
    if (task.expansion() != null && task.expansion().kind() == io.flowport.airflow.parse.Expansion.Kind.EXPAND_KWARGS) {
      return; // the mapped dicts may give them
    }
    List<String> missing = op.required().stream()
        .filter(a -> !args.containsKey(a) && (task.expansion() == null || !task.expansion().args().containsKey(a)))
        .sorted().toList();
    if (missing.isEmpty()) {
      return;
    }
    String what = missing.size() == 1 ? "missing keyword argument '" + missing.get(0) + "'"
        : "missing keyword arguments " + String.join(", ", missing.stream().map(a -> "'" + a + "'").toList());
    throw new BadInputException(task.location(), op.simpleName() + " of task '" + task.taskId() + "': " + what
        + " (Airflow refuses the DAG file with TypeError)");
  }

  /** The catalog entry; an operator of no catalog gets the default entry unless it looks like a wrong import path. */
  private AirflowOperator operator() {
    return catalog.airflowOperator(task.operator()).orElseGet(() -> {
      String simple = task.operator().substring(task.operator().lastIndexOf('.') + 1);
      catalog.airflowOperatorNamed(simple).ifPresent(o -> {
        throw new BadInputException(task.location(), "operator " + task.operator() + " of task '" + task.taskId()
            + "' has no catalog entry (flowport knows " + o.operator() + ")");
      });
      return catalog.airflowDefault();
    });
  }

  private Set<String> unknownArgs() {
    Set<String> out = new LinkedHashSet<>();
    task.kwargs().keySet().stream().filter(k -> !BaseArgs.isBase(k)).forEach(out::add);
    return out;
  }

  private Map<String, String> headers() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put(Headers.SOURCE, task.taskId());
    h.put(Headers.DIALECT, "airflow");
    h.put(Headers.AIRFLOW_DAG_ID, dag.dagId());
    h.put(Headers.AIRFLOW_TASK_ID, task.taskId());
    ObjectNode params = params();
    if (!params.isEmpty()) {
      h.put(Headers.AIRFLOW_PARAMS, params.toString());
    }
    return h;
  }

  /** The DAG's params, then the task's (default_args included) over them: what {@code {{ params }}} renders. */
  private ObjectNode params() {
    ObjectNode out = JSON.createObjectNode();
    for (Arg arg : java.util.Arrays.asList(dag.args().get("params"), args.get("params"))) {
      if (arg == null || arg.value() instanceof PyValue.PyNone) {
        continue;
      }
      if (!(arg.value() instanceof PyValue.PyDict dict)) {
        throw new BadInputException(arg.location(), "params must be a dict");
      }
      for (Map.Entry<PyValue, PyValue> e : dict.entries().entrySet()) {
        Optional<JsonNode> value = e.getValue().toJson();
        if (e.getKey() instanceof PyValue.PyStr key && value.isPresent()) {
          out.set(key.value(), value.get());
        } else {
          // Param(...) objects and computed values: templates that use them fail with UndefinedError.
          String name = e.getKey() instanceof PyValue.PyStr k ? "'" + k.value() + "'" : "with a non-str key";
          String text = "params entry " + name + " is not known statically: " + Values.describe(e.getValue())
              + "; a template that uses it fails with UndefinedError";
          if (report.findings().stream().noneMatch(f -> f.text().equals(text))) {
            report.add(Code.AIRFLOW_NOT_REPRODUCED, arg.location(), null, text, null);
          }
        }
      }
    }
    return out;
  }

  private Map<String, String> argHeaders(AirflowOperator op, ObjectNode values) {
    Map<String, String> h = headers();
    h.put(Headers.AIRFLOW_ARGS, values.toString());
    if (!op.templated().isEmpty()) {
      h.put(Headers.AIRFLOW_TEMPLATED, JSON.valueToTree(op.templated()).toString());
    }
    if (mapped != null) {
      h.put(Headers.AIRFLOW_EXPAND, mapped.header());
    }
    return h;
  }

  private Work work(AirflowOperator op, ObjectNode values) {
    Map<String, String> h = argHeaders(op, values);
    if (op.sensor() != null) {
      Waiter s = op.sensor();
      if (s.request() != null) {
        h.put(Headers.REQUEST, s.request().toString());
      }
      h.put(Headers.WAIT_ROLE, "poll");
      h.put(Headers.ACCEPTORS, calls.acceptors(s.acceptors(), values).toString());
      h.put(Headers.FAILURE, JSON.valueToTree(s.failure()).toString());
      Duration poke = args.containsKey("poke_interval") ? Values.duration("poke_interval", args.get("poke_interval")) : DEFAULT_POKE_INTERVAL;
      Duration timeout = args.containsKey("timeout") ? Values.duration("timeout", args.get("timeout")) : DEFAULT_SENSOR_TIMEOUT;
      boolean backoff = args.containsKey("exponential_backoff") && BaseArgs.set(args.get("exponential_backoff"))
          && Values.bool("exponential_backoff", args.get("exponential_backoff"));
      report.add(Code.AIRFLOW_SENSOR, task.location(), task.taskId(), op.simpleName() + " became a subprocess that polls "
          + s.api() + (backoff ? " with exponential back-off from " : " every ") + poke.toSeconds() + " s, with a " + timeout
          + " timeout that fails the task without retries"
          + (args.containsKey("mode") ? " (mode " + Values.string("mode", args.get("mode")) + ": no worker slot is held either way)" : ""), null);
      if (backoff) {
        h.put(Headers.AIRFLOW_POKE_BACKOFF, timing.pokeBackoff(poke, timeout).toString());
        report.add(Code.AIRFLOW_POKE_JITTER, args.get("exponential_backoff").location(), task.taskId(), "exponential_backoff:"
            + " each interval is Airflow's _get_next_poke_interval (between the minimum back-off and twice it, capped by"
            + " max_wait and the time left before timeout), but its jitter hashes the sensor's start, which only Airflow's"
            + " worker knows (time.monotonic() in poke mode); flowport hashes the first poke's time, so the intervals"
            + " fall in the same ranges without being the same seconds. In reschedule mode Airflow 3 estimates the poke"
            + " count from the time elapsed and Airflow 2 restarts it at every reschedule; flowport counts the pokes", null);
      }
      if (Messages.tracked(JobTypes.of(s.service(), s.api()))) {
        report.add(Code.EMR_TRACKED_WAIT, task.location(), task.taskId(), Code.TRACKED_WAIT + "; the sensor's timeout is unchanged", null);
      }
      calls.untracked(s);
      return new Work(null, new Wait(Call.of(JobTypes.of(s.service(), s.api()), EmrApis.label(s.service()) + " " + s.api(), h),
          poke, null, 0, timeout, backoff));
    }

    if (op.timer() != null) {
      return timing.timer(op, h);
    }
    if (op.api() == null) {
      return null;
    }
    if (!op.phases().isEmpty()) {
      return calls.phases(op, values, h);
    }
    if (op.request() != null) {
      h.put(Headers.REQUEST, op.request().toString());
    }
    if (op.xcom() != null) {
      h.put(Headers.AIRFLOW_XCOM, op.xcom().toString());
    }
    calls.lookup(op, values, h);
    return new Work(Call.of(JobTypes.of(op.service(), op.api()), EmrApis.label(op.service()) + " " + op.api(), h), null);
  }
}
