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
 */
public record DagTask(
    String taskId,
    SourceLocation source,
    Work work,
    String triggerRule,
    int retries,
    Duration retryDelay,
    Duration executionTimeout,
    String label) {}
