package io.flowport.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;

/**
 * How an Airflow operator or sensor class maps to EMR jobs.
 *
 * @param operator the fully qualified class name
 * @param aliases other import paths of the same class
 * @param service the AWS service the operator and its sensor call: {@code emr} or {@code emr-serverless}
 * @param api the API the operator calls, or null when it calls none (EmptyOperator, sensors)
 * @param request request template over the operator's arguments, or null
 * @param templated the operator's template_fields
 * @param xcom how the return value derives from the raw response, or null (returns None)
 * @param returns the Python type of the return value ({@code str}, {@code dict}, {@code None}), for
 *     static checks of XCom use
 * @param defaults argument defaults, as an object
 * @param sensor the poll of a sensor, or null
 * @param ignored arguments without effect here (reported)
 * @param phases for operators that make several calls, each call and its wait in order (the first
 *     is also {@code api} and {@code request}); empty for one call
 * @param merge an argument whose dict is merged into the first call's keyword arguments (boto3's
 *     {@code **config}), or null
 * @param waiterDelay the argument giving the phases' poll interval in seconds, or null
 * @param waiterAttempts the argument giving how many polls a phase's wait makes before it fails, or null
 * @param job the job type of an operator whose work is the user's code, with {@code {dag_id}},
 *     {@code {task_id}} and {@code {operator}} placeholders; null for flowport's own job types
 * @param code the argument holding that code (python_callable, bash_command), or null
 * @param branch {@code branch} or {@code short_circuit} when the XCom decides which downstream tasks run, else null
 * @param generated arguments the operator makes up when not given (a random name), with what it
 *     makes: flowport sends none and reports it (FP426)
 * @param pushes XCom keys the operator pushes besides its return value, with what each holds:
 *     flowport keeps only the return value, so a pull of such a key is reported (FP427)
 * @param orDefault arguments the operator's __init__ replaces with its default when falsy
 *     ({@code x or default}: None, "", [], 0), before any rendering
 * @param required arguments without a default in the operator's signature: Airflow refuses a task
 *     that gets none of them from its keywords or default_args ("missing keyword argument")
 * @param lookup a listing the first call makes first, to find an id given by name, or null
 * @param timer for the time sensors, what their timer waits for, or null
 */
public record AirflowOperator(
    String operator,
    List<String> aliases,
    String service,
    String api,
    JsonNode request,
    List<String> templated,
    JsonNode xcom,
    String returns,
    JsonNode defaults,
    Waiter sensor,
    List<String> ignored,
    List<Phase> phases,
    String merge,
    String waiterDelay,
    String waiterAttempts,
    String job,
    String code,
    String branch,
    List<String> required,
    java.util.Map<String, String> generated,
    java.util.Map<String, String> pushes,
    List<String> orDefault,
    Lookup lookup,
    Timer timer,
    Path file) {

  /**
   * A time sensor's target, one of: {@code after} names the timedelta argument added to the run's
   * data_interval_end (TimeDeltaSensor), {@code at} the datetime argument (DateTimeSensor),
   * {@code fromStart} the timedelta (or minutes) argument counted from the task's start (WaitSensor).
   */
  public record Timer(String after, String at, String fromStart) {}

  /** Whether the operator is a sensor: it polls (a sensor entry) or waits for a time (a timer). */
  public boolean isSensor() {
    return sensor != null || timer != null;
  }

  /** The catalog entry for operators no other entry matches. */
  public static final String ANY = "*";

  /** The job type of a task with this operator, for an operator with a {@code job} pattern. */
  public String jobType(String dagId, String taskId, String qualifiedName) {
    return job.replace("{dag_id}", dagId).replace("{task_id}", taskId)
        .replace("{operator}", qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1));
  }

  /**
   * One call of a phased operator and, when {@code waiter} is set, the wait that follows it.
   *
   * @param waitWhen the boolean argument that turns the wait on (wait_for_completion), or null for always
   * @param policy an enum argument whose value picks the waiter and turns the wait on, or null
   */
  public record Phase(String api, JsonNode request, Waiter waiter, String waitWhen, WaitPolicy policy) {}

  /**
   * An argument such as EmrCreateJobFlowOperator's {@code wait_policy}: a member of the enum
   * {@code type} (or its string value) names the waiter; None leaves the choice to {@code waitWhen}.
   *
   * @param waiters each member's value (the enum's string, e.g. {@code wait_for_completion}) and its waiter
   */
  public record WaitPolicy(String argument, String type, java.util.Map<String, Waiter> waiters) {}

  public boolean matches(String qualifiedName) {
    return operator.equals(qualifiedName) || aliases.contains(qualifiedName);
  }

  /** The class name without its module. */
  public String simpleName() {
    return operator.substring(operator.lastIndexOf('.') + 1);
  }
}
