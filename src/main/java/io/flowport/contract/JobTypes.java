package io.flowport.contract;

/**
 * Job types the generated processes use. The BPMN back-end writes them, the workers subscribe to
 * them; neither side knows the other's code, only this contract.
 */
public final class JobTypes {

  /** Prefix of the EMR job types: {@code flowport.emr.<EMR API name>}, e.g. {@code flowport.emr.RunJobFlow}. */
  public static final String EMR_PREFIX = "flowport.emr.";

  /** The services whose APIs have job types, by their AWS name (as in IAM and Step Functions ARNs). */
  public static final String EMR = "emr";
  public static final String EMR_SERVERLESS = "emr-serverless";
  public static final String EMR_CONTAINERS = "emr-containers";

  /** Prefix of the EMR Serverless job types, e.g. {@code flowport.emr-serverless.StartJobRun}. */
  public static final String EMR_SERVERLESS_PREFIX = "flowport.emr-serverless.";

  /** Prefix of the EMR on EKS job types, e.g. {@code flowport.emr-containers.StartJobRun}. */
  public static final String EMR_CONTAINERS_PREFIX = "flowport.emr-containers.";

  /** An Airflow time sensor's target: renders its arguments and computes how long its timer waits. */
  public static final String AIRFLOW_TIME = "flowport.airflow.time";

  /** An Airflow task's delay before a retry with retry_exponential_backoff, as Airflow computes it. */
  public static final String AIRFLOW_RETRY_DELAY = "flowport.airflow.retry-delay";

  /** Evaluates an ASL Choice state and returns the next state's name in {@link Vars#ASL_NEXT}. */
  public static final String ASL_CHOICE = "flowport.asl.choice";

  /** Decides what a Task state's Retry and Catch do with an error: retry, catch or fail. */
  public static final String ASL_ERROR = "flowport.asl.error";

  /** Applies the data flow of an ASL state without a task (Pass, Succeed, Wait paths). */
  public static final String ASL_PASS = "flowport.asl.pass";

  /** Lists the inputs of a Parallel state's branches or a Map state's iterations. */
  public static final String ASL_ITEMS = "flowport.asl.items";

  /** Turns the outputs of a Parallel state's branches or a Map state's iterations into its output. */
  public static final String ASL_COLLECT = "flowport.asl.collect";

  /** Issues the task token of a callback (.waitForTaskToken) Task state before its call. */
  public static final String ASL_TOKEN = "flowport.asl.token";

  /** Turns the answer to a callback into the Task state's output, or into its error. */
  public static final String ASL_CALLBACK = "flowport.asl.callback";

  private JobTypes() {}

  public static String emr(String apiName) {
    return EMR_PREFIX + apiName;
  }

  /** {@code flowport.<service>.<API name>}, e.g. {@code flowport.emr-serverless.GetJobRun}. */
  public static String of(String service, String apiName) {
    return "flowport." + service + "." + apiName;
  }
}
