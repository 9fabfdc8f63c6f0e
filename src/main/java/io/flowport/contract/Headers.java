package io.flowport.contract;

/**
 * Task header keys. Everything a worker needs to run a job is in its headers and variables, so a
 * deployed process is self-contained: workers never read the converter's catalogs.
 */
public final class Headers {

  /** The ASL state name or Airflow task_id the job belongs to (also a zeebe:property on the element). */
  public static final String SOURCE = "source";

  /**
   * How the request is bound and the result stored: {@code asl}, {@code airflow}, or {@code
   * template} (a task made in Modeler from an element template: request in {@link Vars#REQUEST}).
   */
  public static final String DIALECT = "dialect";

  /** The job's role in a wait loop: {@code start} (begins the work) or {@code poll} (checks it). */
  public static final String WAIT_ROLE = "waitRole";

  /** JSON: request adapter, a template whose {@code .$} keys read the call's input (catalog `request`). */
  public static final String REQUEST = "request";

  /**
   * JSON: an Airflow time sensor's target: {@code {"after": "PT1H"}} (TimeDeltaSensor: the run's
   * data_interval_end plus that), {@code {"at": "target_time"}} (DateTimeSensor: that argument,
   * rendered) or {@code {"wait": "PT5M"}} (WaitSensor: from when the task starts).
   */
  public static final String AIRFLOW_TIMER = "airflow.timer";

  /**
   * JSON: an Airflow task's retry back-off: {@code {"retry_delay": "PT5M", "multiplier": 2.0,
   * "max_retry_delay": "PT1H" or null}} (retry_exponential_backoff True is the multiplier 2).
   */
  public static final String AIRFLOW_RETRY_BACKOFF = "airflow.retryBackoff";

  /**
   * JSON: a sensor's exponential_backoff, on its poll job: {@code {"poke_interval": 60.0,
   * "timeout": 604800.0, "max_wait": 600.0 or null}} in seconds; the poll sets the next interval.
   */
  public static final String AIRFLOW_POKE_BACKOFF = "airflow.pokeBackoff";

  /**
   * JSON: a listing that finds what the call needs by name before it (catalog `lookup`: api,
   * request, items, match, found, notFound, ambiguous); the request adapter reads it as {@code $$.Found}.
   */
  public static final String LOOKUP = "lookup";

  /** JSON: result adapter, a template whose {@code .$} keys read the raw response (catalog `result`). */
  public static final String RESULT = "result";

  /** JSON: the AWS-waiter style acceptors of a poll job (catalog `wait.acceptors`). */
  public static final String ACCEPTORS = "acceptors";

  /** JSON: how a failure of the poll is reported: error name and the response paths of the reason. */
  public static final String FAILURE = "failure";

  /** How many polls a wait makes before it fails with {@link #EXHAUSTED} (an Airflow operator's waiter_max_attempts). */
  public static final String MAX_POLLS = "maxPolls";

  /**
   * ISO 8601 duration from the first poll to the last one the source makes ({@link #MAX_POLLS}
   * polls at the source's interval): polls counted as time, since a tracked wait polls less often.
   */
  public static final String POLL_DEADLINE = "pollDeadline";

  /** {@code response} when a wait's result is its last poll's response, not the start call's result. */
  public static final String WAIT_OUTPUT = "waitOutput";

  /** JSON: the error and cause of a wait whose polls ran out. */
  public static final String EXHAUSTED = "exhausted";

  // ASL.
  /**
   * JSON of the whole state definition: workers apply its InputPath, Parameters, ResultSelector,
   * ResultPath and OutputPath (or Choice rules) exactly as written.
   */
  public static final String ASL_STATE = "asl.State";
  public static final String ASL_RESOURCE = "asl.Resource";
  /**
   * {@code true} on the call of a callback Task state (.waitForTaskToken): its result is ignored,
   * the state's result is the answer to the callback.
   */
  public static final String ASL_CALLBACK = "asl.callback";
  /** A Parallel state's number of branches. */
  public static final String ASL_BRANCHES = "asl.branches";
  /** A batched Map state's batch size, or {@code path} when MaxConcurrencyPath gives it. */
  public static final String ASL_BATCH = "asl.batch";

  // Airflow.
  /** JSON: the operator's request fields, strings may be Jinja templates rendered per try. */
  public static final String AIRFLOW_ARGS = "airflow.args";
  /** JSON list of the operator's template_fields (the arguments rendered with Jinja). */
  public static final String AIRFLOW_TEMPLATED = "airflow.templated";
  public static final String AIRFLOW_TASK_ID = "airflow.taskId";
  public static final String AIRFLOW_DAG_ID = "airflow.dagId";
  /** JSON: how the operator's return value (its XCom) is derived from the result, or absent. */
  public static final String AIRFLOW_XCOM = "airflow.xcom";
  /** An argument whose dict is merged into the request, as boto3 calls take {@code **config}. */
  public static final String AIRFLOW_MERGE = "airflow.merge";
  /** Where the task's code is: {@code file:line} of the python_callable's def or of bash_command. */
  public static final String AIRFLOW_CODE = "airflow.code";
  /** The python_callable as written (a function name or an imported path). */
  public static final String AIRFLOW_CALLABLE = "airflow.callable";
  /** JSON: JSON pointers into the arguments where an XComArg stands, to the producing task's id. */
  public static final String AIRFLOW_XCOM_ARGS = "airflow.xcomArgs";
  /**
   * JSON on a mapped task's jobs: {"into": JSON pointer of the arguments the instance's mapped ones
   * go into ("" or "/op_kwargs"), "rendered": names of mapped arguments that come from literals and
   * are rendered like the others; those from an XCom are not rendered, as in Airflow}.
   */
  public static final String AIRFLOW_EXPAND = "airflow.expand";
  /** {@code branch} on a branching task: its XCom must name tasks of the DAG, as skip_all_except checks. */
  public static final String AIRFLOW_BRANCH = "airflow.branch";
  /** JSON list of the DAG's task ids, for that check. */
  public static final String AIRFLOW_DAG_TASK_IDS = "airflow.dagTaskIds";
  /** JSON object: the DAG's params with the task's own params over them, as templates see {@code params}. */
  public static final String AIRFLOW_PARAMS = "airflow.params";

  // Tasks made from an element template (dialect template).
  /** The variable the API's response is stored in; absent, the response is dropped. */
  public static final String RESULT_VARIABLE = "resultVariable";
  /** Of a template task: the members of the response to keep, comma-separated dotted paths (blank: all). */
  public static final String RESULT_FIELDS = "resultFields";

  private Headers() {}
}
