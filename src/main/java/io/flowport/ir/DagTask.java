package io.flowport.ir;

import io.flowport.diag.SourceLocation;
import java.time.Duration;

/**
 * One Airflow task.
 *
 * @param taskId the task_id (dotted for TaskGroup members)
 * @param work what the operator or sensor does, or null for a task that does nothing (EmptyOperator)
 * @param triggerRule Airflow's trigger rule, e.g. {@code all_success}
 * @param retries retries after the first try (Airflow {@code retries})
 * @param retryDelay the delay before each retry
 * @param executionTimeout a per-try timeout, retried like other failures, or null
 * @param label a human name
 * @param branch how the task's XCom skips downstream tasks (branching, short-circuiting), or null
 * @param mapping how a mapped task (Airflow's expand) gets its instances, or null
 * @param retryBackoff the job that computes each retry's delay (retry_exponential_backoff), or null
 *     for a fixed {@code retryDelay}
 * @param softFail a sensor's soft_fail: its timeout (and an execution timeout while it waits) skips
 *     the task instead of failing it
 */
public record DagTask(
    String taskId,
    SourceLocation source,
    Work work,
    String triggerRule,
    int retries,
    Duration retryDelay,
    Duration executionTimeout,
    String label,
    Branch branch,
    Mapping mapping,
    Call retryBackoff,
    boolean softFail) {

  public DagTask(String taskId, SourceLocation source, Work work, String triggerRule, int retries, Duration retryDelay,
      Duration executionTimeout, String label) {
    this(taskId, source, work, triggerRule, retries, retryDelay, executionTimeout, label, null, null);
  }

  public DagTask(String taskId, SourceLocation source, Work work, String triggerRule, int retries, Duration retryDelay,
      Duration executionTimeout, String label, Branch branch, Mapping mapping) {
    this(taskId, source, work, triggerRule, retries, retryDelay, executionTimeout, label, branch, mapping, null, false);
  }

  /**
   * A mapped task: one instance per element of {@code items}, a FEEL expression over the process
   * variables evaluated when the task starts, giving a list of contexts (each instance's mapped
   * arguments). Each instance tries, retries and fails on its own; an empty list skips the task.
   */
  public record Mapping(String items) {}

  /**
   * A branching task: {@code BRANCH} runs the direct downstream tasks its XCom names (a task id, a
   * list of them, or None) and skips the others; {@code SHORT_CIRCUIT} skips on a falsy XCom every
   * downstream task ({@code allDownstream}, ignore_downstream_trigger_rules) or the direct ones.
   */
  public record Branch(Kind kind, boolean allDownstream) {
    public enum Kind { BRANCH, SHORT_CIRCUIT }
  }
}
