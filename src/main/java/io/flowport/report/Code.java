package io.flowport.report;

/**
 * The catalogue of conversion messages: each has a stable id users can grep and count, like the
 * Camunda 7-to-8 converter's ElementCheckMessages. Texts are templates filled by the front-ends.
 */
public enum Code {
  // Flaws of the source that its own platform would hit (the run reproduces them).
  ASL_NOT_AN_INTEGRATION("FP101", Severity.WARNING, "Resource is not a Step Functions integration"),
  ASL_PATH_NEVER_SET("FP102", Severity.WARNING, "Path reads a field that no earlier state produces"),
  ASL_BUSY_LOOP("FP103", Severity.WARNING, "Loop without a Wait state polls as fast as it can"),
  ASL_INTEGRATION_RULE("FP104", Severity.WARNING, "Parameters break a rule of the integration"),
  ASL_TOKEN_NOT_PASSED("FP105", Severity.WARNING, "Callback task never passes its task token on"),
  AIRFLOW_XCOM_SHAPE("FP201", Severity.WARNING, "Template uses an XCom in a way its value does not allow"),
  LEAVES_RESOURCES("FP202", Severity.WARNING, "Created resources are never cleaned up"),
  AIRFLOW_DEPRECATED_ARGS("FP203", Severity.WARNING, "Arguments Airflow warns about when the DAG is parsed"),

  // Differences in how flowport runs it.
  ASL_TASK_TIMEOUT("FP301", Severity.INFO, "TimeoutSeconds became an interrupting timer boundary"),
  ASL_SYNC_POLL("FP302", Severity.INFO, ".sync became a poll loop with timers"),
  ASL_CAUSE_TEXT("FP303", Severity.REVIEW, "Cause text of a failed wait is flowport's own"),
  ASL_RETRY_CATCH("FP304", Severity.INFO, "Retry and Catch became an error boundary and a deciding job"),
  ASL_MAP_BATCHES("FP305", Severity.REVIEW, "Map MaxConcurrency runs iterations in batches"),
  ASL_OTHER_RESOURCE("FP306", Severity.TASK, "Task resource needs a job worker of your own"),
  ASL_CALLBACK("FP307", Severity.INFO, ".waitForTaskToken became a message catch correlated by the task token"),
  ASL_HEARTBEAT("FP308", Severity.TASK, "HeartbeatSeconds of a callback needs heartbeat messages (SendTaskHeartbeat)"),
  ASL_TASK_HEARTBEAT("FP309", Severity.REVIEW, "HeartbeatSeconds became a deadline for each job of the task"),
  ASL_LIMIT_FROM_INPUT("FP310", Severity.INFO, "TimeoutSecondsPath/HeartbeatSecondsPath are read by a job before the work"),
  ASL_MACHINE_TIMEOUT("FP311", Severity.INFO, "The machine's TimeoutSeconds became a timer on the execution"),
  ASL_VARIABLES("FP330", Severity.INFO, "Workflow variables (Assign) became the process variable aslVars"),
  ASL_ASSIGN_RAW_RESULT("FP331", Severity.REVIEW, "Assign next to ResultSelector reads the raw result"),
  ASL_VARIABLE_NEVER_ASSIGNED("FP332", Severity.WARNING, "Path reads a variable that no state in scope assigns"),
  ASL_JSONATA("FP340", Severity.INFO, "JSONata states are evaluated by a JSONata evaluator in their jobs"),
  ASL_JSONATA_PORT("FP341", Severity.REVIEW, "The JSONata evaluator is a Java port: regexes and error texts may differ"),
  ASL_JSONATA_SEEDED_RANDOM("FP342", Severity.WARNING, "$random with a seed gives other numbers than AWS"),
  ASL_LOOKUP_BY_NAME("FP350", Severity.REVIEW, "A *ByName integration lists to find the id; its error when none matches is flowport's"),
  AIRFLOW_SCHEDULE("FP401", Severity.INFO, "Schedule became a timer start event"),
  AIRFLOW_SCHEDULE_APPROX("FP402", Severity.REVIEW, "Schedule is approximated"),
  AIRFLOW_RETRIES("FP403", Severity.INFO, "Retries became a retry loop with a timer"),
  AIRFLOW_SENSOR("FP404", Severity.INFO, "Sensor became a poll loop with a timeout boundary"),
  AIRFLOW_CONNECTION("FP405", Severity.REVIEW, "Airflow connection settings are not merged"),
  AIRFLOW_IGNORED_ARG("FP406", Severity.REVIEW, "Argument has no effect in flowport"),
  AIRFLOW_NOT_SCHEDULED("FP407", Severity.INFO, "DAG argument only matters to Airflow's scheduler"),
  AIRFLOW_NOT_READ("FP408", Severity.TASK, "Part of the DAG file could not be read statically"),
  AIRFLOW_PARSER_NOTE("FP409", Severity.INFO, "How the DAG file was read"),
  AIRFLOW_NOT_REPRODUCED("FP410", Severity.REVIEW, "Argument's behaviour is not reproduced"),
  AIRFLOW_TRIGGER_TIMING("FP411", Severity.REVIEW, "Trigger rule starts the task later than Airflow"),
  AIRFLOW_LEAF_MASKS_FAILURE("FP412", Severity.WARNING, "A leaf task can succeed after a failure, so the run succeeds"),
  AIRFLOW_OPERATOR_WAIT("FP413", Severity.INFO, "Operator of several calls became a sequence of calls and poll loops"),
  AIRFLOW_GROUP_FLATTENED("FP414", Severity.REVIEW, "TaskGroup is not a subprocess: its tasks are drawn among the others"),
  AIRFLOW_GROUP_TIMING("FP415", Severity.REVIEW, "TaskGroup subprocess starts or ends some tasks later than Airflow"),
  AIRFLOW_OWN_WORKER("FP416", Severity.TASK, "Task runs your code: it needs a job worker of your own"),
  AIRFLOW_UNKNOWN_OPERATOR("FP417", Severity.TASK, "Operator is not in flowport's catalogs: it needs a job worker of your own"),
  AIRFLOW_MAPPED("FP418", Severity.INFO, "Mapped task became a parallel multi-instance subprocess"),
  AIRFLOW_MAPPED_CONCURRENCY("FP419", Severity.REVIEW, "Mapped instances are not limited in number at a time"),
  AIRFLOW_MAP_INDEX_TEMPLATE("FP420", Severity.REVIEW, "map_index_template is not reproduced"),
  AIRFLOW_MAPPED_XCOM("FP421", Severity.REVIEW, "Mapping over an XCom that is not a list or dict skips the task"),
  AIRFLOW_LOOKUP("FP422", Severity.INFO, "A cluster given by name is looked up with ListClusters first, as the provider does"),
  AIRFLOW_TIMER("FP423", Severity.INFO, "A time sensor became a timer event"),
  AIRFLOW_RUN_TIMEOUT("FP424", Severity.INFO, "dagrun_timeout became a timer on the run"),
  AIRFLOW_CONTEXT_UNAVAILABLE("FP425", Severity.TASK, "Template reads a context entry flowport's runs do not have"),
  AIRFLOW_GENERATED_VALUE("FP426", Severity.REVIEW, "Argument the operator generates when it is not given is left out"),
  AIRFLOW_XCOM_KEY_NOT_KEPT("FP427", Severity.REVIEW, "Template pulls an XCom key the operator pushes but flowport does not keep"),
  AIRFLOW_POKE_JITTER("FP428", Severity.REVIEW, "Sensor back-off jitter hashes a start time only Airflow's worker knows"),
  AIRFLOW_BACKOFF_MULTIPLIER("FP429", Severity.REVIEW, "A numeric retry_exponential_backoff means different things across Airflow versions"),

  // The EMR wait tracker.
  EMR_TRACKED_WAIT("FP501", Severity.INFO, "EMR wait is woken by the worker's tracker when the resource changes state"),
  EMR_POLLS_AS_DEADLINE("FP502", Severity.REVIEW, "Polls the source counts became a deadline"),
  EMR_UNTRACKED_WAIT("FP512", Severity.INFO, "EMR wait polls its resource from each instance: the tracker does not list it"),

  // Safety nets beyond what the source platforms do.
  CLUSTER_REAPER("FP510", Severity.INFO, "Cluster is terminated once its process instance has ended (flowport's reaper)"),
  JOB_RUN_REAPER("FP511", Severity.INFO, "Job run is cancelled once its process instance has ended (flowport's reaper)"),

  // Not supported yet: reported, the conversion fails or leaves the construct out visibly.
  UNSUPPORTED("FP900", Severity.TASK, "Not supported");

  /** What FP501 says, the same for both front-ends. */
  public static final String TRACKED_WAIT = "the poll loop also waits for the message " + io.flowport.contract.Messages.EMR_CHANGED
      + ": a worker's tracker lists the clusters, steps and job runs of all pending waits every flowport.tracker.interval and wakes a"
      + " wait when its resource changes state; while tracked, the loop's timer is the slow flowport.tracker.fallback"
      + " instead of the source's interval (the poll, its acceptors and the failure reasons are unchanged)";

  private final String id;
  private final Severity severity;
  private final String title;

  Code(String id, Severity severity, String title) {
    this.id = id;
    this.severity = severity;
    this.title = title;
  }

  public String id() {
    return id;
  }

  public Severity severity() {
    return severity;
  }

  public String title() {
    return title;
  }
}
