package io.flowport.airflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.airflow.parse.Arg;
import io.flowport.airflow.parse.DagDef;
import io.flowport.airflow.parse.PyValue;
import io.flowport.airflow.parse.TaskDef;
import io.flowport.catalog.AirflowOperator;
import io.flowport.contract.Headers;
import io.flowport.contract.JobTypes;
import io.flowport.contract.Vars;
import io.flowport.diag.BadInputException;
import io.flowport.ir.Call;
import io.flowport.ir.Pause;
import io.flowport.ir.Work;
import io.flowport.report.Code;
import io.flowport.report.Report;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The time-related arguments of one task: retry back-off, a sensor's poke back-off and soft_fail,
 * and the time sensors' timers.
 */
final class TaskTiming {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration DEFAULT_SENSOR_TIMEOUT = Duration.ofDays(7);

  private final DagDef dag;
  private final TaskDef task;
  private final Map<String, Arg> args;
  private final Report report;

  TaskTiming(DagDef dag, TaskDef task, Map<String, Arg> args, Report report) {
    this.dag = dag;
    this.task = task;
    this.args = args;
    this.report = report;
  }

  /**
   * retry_exponential_backoff: the job that computes each retry's delay as Airflow's
   * next_retry_datetime does (True doubles; a number is the base, as recent Airflow 3 reads it), or
   * null for the fixed retry_delay.
   */
  Call retryBackoff(Duration delay) {
    Arg arg = args.get("retry_exponential_backoff");
    if (arg == null || !BaseArgs.set(arg)) {
      return null;
    }
    double multiplier = switch (arg.value()) {
      case PyValue.PyBool b -> 2.0;
      case PyValue.PyInt i -> i.longValue();
      case PyValue.PyFloat f -> f.value();
      default -> throw new BadInputException(arg.location(), "retry_exponential_backoff must be True, False or a number, but "
          + Values.describe(arg.value()));
    };
    // Both readings agree on 0 (no back-off) and 2 (doubling).
    if (!(arg.value() instanceof PyValue.PyBool) && multiplier != 0 && multiplier != 2) {
      report.add(Code.AIRFLOW_BACKOFF_MULTIPLIER, arg.location(), task.taskId(), "retry_exponential_backoff="
          + Values.describe(arg.value()) + " is the back-off base, as recent Airflow 3 releases read it; Airflow 2 and 3.0"
          + " treat any truthy value as True (the delay doubles with each try)", null);
    }
    if (multiplier <= 0 || multiplier == 1.0) {
      return null; // Airflow: no back-off for these
    }
    Arg maxArg = args.get("max_retry_delay");
    Duration max = maxArg == null || maxArg.value() instanceof PyValue.PyNone ? null : Values.duration("max_retry_delay", maxArg);
    ObjectNode spec = JSON.createObjectNode();
    spec.put("retry_delay", delay.toString());
    spec.put("multiplier", multiplier);
    if (max != null && !max.isZero()) {
      spec.put("max_retry_delay", max.toString());
    } else {
      spec.putNull("max_retry_delay");
    }
    Map<String, String> h = new LinkedHashMap<>();
    h.put(Headers.SOURCE, task.taskId());
    h.put(Headers.DIALECT, "airflow");
    h.put(Headers.AIRFLOW_DAG_ID, dag.dagId());
    h.put(Headers.AIRFLOW_TASK_ID, task.taskId());
    h.put(Headers.AIRFLOW_RETRY_BACKOFF, spec.toString());
    return Call.of(JobTypes.AIRFLOW_RETRY_DELAY, "Compute the retry delay", h);
  }

  /**
   * A sensor's soft_fail: BaseSensorOperator turns its timeout, and an AirflowTaskTimeout or
   * AirflowFailException while it pokes, into AirflowSkipException; other errors still fail the task.
   */
  boolean softFail(AirflowOperator op) {
    Arg arg = args.get("soft_fail");
    if (arg == null || !BaseArgs.set(arg) || !op.isSensor()) {
      return false;
    }
    report.add(Code.AIRFLOW_SENSOR, arg.location(), task.taskId(), "soft_fail: the sensor's timeout"
        + (args.containsKey("execution_timeout") ? " and its execution_timeout skip" : " skips") + " the task instead of failing it", null);
    return true;
  }

  boolean backoffSet() {
    Arg b = args.get("retry_exponential_backoff");
    return b != null && BaseArgs.set(b);
  }

  /** The poll job's exponential_backoff settings, in seconds as Airflow's sensor keeps them. */
  ObjectNode pokeBackoff(Duration poke, Duration timeout) {
    ObjectNode spec = JSON.createObjectNode();
    spec.put("poke_interval", poke.toNanos() / 1e9);
    spec.put("timeout", timeout.toNanos() / 1e9);
    Arg maxWait = args.get("max_wait");
    if (maxWait != null && !(maxWait.value() instanceof PyValue.PyNone)) {
      spec.put("max_wait", Values.duration("max_wait", maxWait).toNanos() / 1e9);
    } else {
      spec.putNull("max_wait");
    }
    return spec;
  }

  /**
   * TimeDeltaSensor and DateTimeSensor: a job renders the target time and computes the wait, then a
   * timer waits until it; the sensor's timeout still fails the task (AirflowSensorTimeout).
   */
  Work timer(AirflowOperator op, Map<String, String> h) {
    AirflowOperator.Timer timer = op.timer();
    ObjectNode spec = JSON.createObjectNode();
    String what;
    if (timer.after() != null || timer.fromStart() != null) {
      String name = timer.after() != null ? timer.after() : timer.fromStart();
      Arg delta = args.get(name);
      if (delta == null) {
        throw new BadInputException(task.location(), op.simpleName() + " needs " + name);
      }
      // WaitSensor takes an int as minutes; elsewhere Airflow's sensors take seconds.
      Duration d = timer.fromStart() != null && delta.value() instanceof PyValue.PyInt i
          ? Duration.ofMinutes(i.longValue()) : Values.duration(name, delta);
      spec.put(timer.after() != null ? "after" : "wait", d.toString());
      what = (timer.after() != null ? "data_interval_end" : "the task's start") + " + timedelta(" + ScheduleConversion.describe(d) + ")";
    } else {
      spec.put("at", timer.at());
      what = "its " + timer.at();
    }
    h.put(Headers.AIRFLOW_TIMER, spec.toString());
    Duration timeout = args.containsKey("timeout") ? Values.duration("timeout", args.get("timeout")) : DEFAULT_SENSOR_TIMEOUT;
    report.add(Code.AIRFLOW_TIMER, task.location(), task.taskId(), op.simpleName() + " became a timer until " + what
        + ", with a " + timeout + " timeout that fails the task without retries (poke_interval and mode have no effect)", null);
    return Work.pause(Call.of(JobTypes.AIRFLOW_TIME, "Compute the wait", h),
        new Pause(Vars.AIRFLOW_UNTIL, "Until " + what, timeout));
  }
}
