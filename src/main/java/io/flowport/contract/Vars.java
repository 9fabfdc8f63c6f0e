package io.flowport.contract;

/** Process variable names shared by the generated processes, the workers and the run command. */
public final class Vars {

  /** The API request of a task made from an element template: a local input mapping per member. */
  public static final String REQUEST = "request";

  /**
   * When the task that creates a cluster (RunJobFlow) was entered (engine time, ISO 8601): a local
   * input mapping, evaluated once when the element activates, so every delivery and retry of its
   * job sees the same value; the worker looks for an earlier delivery's cluster from there on.
   */
  public static final String CREATE_START_TIME = "createStartTime";

  // ASL.
  /** The execution input given when an instance starts (any JSON). */
  public static final String INPUT = "input";
  /** The ASL state document flowing from state to state (Step Functions' state input/output). */
  public static final String PAYLOAD = "payload";
  /** The execution output, set when the machine succeeds. */
  public static final String OUTPUT = "output";
  /** When the execution started (engine time, ISO 8601), for {@code $$.Execution.StartTime}. */
  public static final String ASL_START_TIME = "aslStartTime";
  /**
   * The workflow variables (Assign, {@code $name}) as one object, name → value: at the root, and a
   * copy local to each Parallel branch and Map iteration whose states assign (inner names stay inside).
   */
  public static final String ASL_VARS = "aslVars";
  /** Name of the next state chosen by a Choice job. */
  public static final String ASL_NEXT = "aslNext";

  // Parallel and Map states (local to the state's subprocess).
  /** The input every branch of a Parallel state gets. */
  public static final String ASL_BRANCH_INPUT = "aslBranchInput";
  /** A Map state's iteration inputs, in item order (lists of them when batched). */
  public static final String ASL_ITEMS = "aslItems";
  /** A Map state's iteration outputs, in item order (lists of them when batched). */
  public static final String ASL_RESULTS = "aslResults";
  /** One batch of a batched Map state: its iteration inputs, then its outputs. */
  public static final String ASL_BATCH = "aslBatch";
  public static final String ASL_BATCH_RESULTS = "aslBatchResults";

  /** The output of a Parallel state's branch {@code i} (0-based). */
  public static String aslBranch(int i) {
    return "aslBranch" + i;
  }

  // Retry and Catch of a Task state (local to the state's subprocess).
  /** {@code retry}, {@code catch} or {@code fail}. */
  public static final String ASL_ERROR_ACTION = "aslErrorAction";
  /** Attempts made per Retrier, by index: {"0": 2}. */
  public static final String ASL_RETRY_COUNTS = "aslRetryCounts";
  /** The back-off before the next attempt, an ISO 8601 duration. */
  public static final String ASL_RETRY_DELAY = "aslRetryDelay";
  /** The state a Catcher goes to; null when the state ended normally. */
  public static final String ASL_CATCH_NEXT = "aslCatchNext";
  /** How long a Wait state with SecondsPath, Timestamp or TimestampPath waits (ISO 8601 duration). */
  public static final String ASL_WAIT = "aslWait";
  /** A Task state's TimeoutSecondsPath, read from its input (ISO 8601 duration). */
  public static final String ASL_TIMEOUT = "aslTimeout";
  /** A Task state's HeartbeatSecondsPath, read from its input (ISO 8601 duration). */
  public static final String ASL_HEARTBEAT = "aslHeartbeat";

  // Callbacks (.waitForTaskToken), see docs/task-tokens.md and {@link Messages#TASK_TOKEN}.
  /** The task token of the current attempt, local to the state's subprocess; the correlation key. */
  public static final String TASK_TOKEN = "taskToken";
  /** Message variable: the result of a successful callback (Step Functions' SendTaskSuccess output). */
  public static final String TASK_OUTPUT = "taskOutput";
  /** Message variables: the error name and cause of a failed callback (SendTaskFailure). */
  public static final String TASK_ERROR = "taskError";
  public static final String TASK_CAUSE = "taskCause";
  /** The answer, {output, error, cause}, local to the state's subprocess. */
  public static final String CALLBACK = "callback";

  // Failures, set on every failed end (ASL error/cause, Airflow exception type/message).
  public static final String ERROR = "error";
  public static final String CAUSE = "cause";

  // Wait loops (local to the loop's subprocess).
  /** {@code pending} or {@code success}; a failure throws a BPMN error instead. */
  public static final String WAIT_STATE = "waitState";
  public static final String POLL_COUNT = "pollCount";
  /** The integration result a successful wait completes with (e.g. {"ClusterId": ...}). */
  public static final String SYNC_RESULT = "syncResult";
  /** Correlation key of the {@link Messages#EMR_CHANGED} that may wake the loop: resource and poll. */
  public static final String WAIT_KEY = "waitKey";
  /** The next timer of a tracked loop (ISO 8601 duration), or null for the source's interval. */
  public static final String WAIT_DELAY = "waitDelay";
  /** When a sensor with exponential_backoff first poked (ISO 8601 instant), set by its first poll. */
  public static final String POKE_START = "pokeStart";
  /** When a wait whose source counts polls fails (ISO 8601 instant), set by its first poll. */
  public static final String WAIT_DEADLINE = "waitDeadline";

  // Airflow.
  public static final String DAG_STATE = "dagState";
  public static final String LOGICAL_DATE = "logical_date";
  /** A run's conf, given at start: its entries override the DAG's params, as a triggered run's do. */
  public static final String CONF = "conf";

  /** Task-instance state of a task: success, failed, skipped, upstream_failed. */
  public static String taskState(String taskId) {
    return "ti_" + key(taskId);
  }

  /** When an Airflow time sensor's timer is due (ISO 8601 date and time), local to its task. */
  public static final String AIRFLOW_UNTIL = "airflowUntil";

  /** What a task's lookup found (Airflow's job_flow_name), as arguments its later jobs read too. */
  public static String found(String taskId) {
    return "found_" + key(taskId);
  }

  /** The task's XCom return value. */
  public static String xcom(String taskId) {
    return "xcom_" + key(taskId);
  }

  // Mapped tasks (Airflow's expand): each instance is an inner instance of a multi-instance subprocess.
  /** The mapped arguments of one instance (a context: argument name → value), local to the instance. */
  public static final String MAP_ITEM = "mapItem";
  /** The instance's map index (0-based, Airflow's map_index), local to the instance. */
  public static final String MAP_INDEX = "mapIndex";

  /** A mapped task's instance inputs, computed when it starts. */
  public static String mapItems(String taskId) {
    return "map_" + key(taskId);
  }

  /** A mapped task's instance outcomes, {state, xcom} in map index order. */
  public static String mapResults(String taskId) {
    return "mapped_" + key(taskId);
  }

  /** The delay before a task's next retry with retry_exponential_backoff (ISO 8601 duration). */
  public static String retryDelay(String taskId) {
    return "retry_delay_" + key(taskId);
  }

  /** Try number of the current attempt (1-based, as Airflow's try_number). */
  public static String tryNumber(String taskId) {
    return "try_" + key(taskId);
  }

  /**
   * A FEEL-safe name for a task_id: letters, digits and underscores stay, the dots of TaskGroup
   * members become {@code __}, dashes {@code _}, anything else {@code _x<hex>_}. The converter
   * refuses a DAG in which two task ids get the same key.
   */
  public static String key(String taskId) {
    StringBuilder out = new StringBuilder(taskId.length());
    for (int i = 0; i < taskId.length(); i++) {
      char c = taskId.charAt(i);
      if (Character.isLetterOrDigit(c) && c < 128 || c == '_') {
        out.append(c);
      } else if (c == '.') {
        out.append("__");
      } else if (c == '-') {
        out.append('_');
      } else {
        out.append("_x").append(Integer.toHexString(c)).append('_');
      }
    }
    return out.toString();
  }

  private Vars() {}
}
