package io.flowport.contract;

/** Message names the generated processes wait for; apps publish them (docs/task-tokens.md). */
public final class Messages {

  /**
   * The answer to a callback Task state (.waitForTaskToken), correlated by {@link Vars#TASK_TOKEN}:
   * variables {@link Vars#TASK_OUTPUT} for success, {@link Vars#TASK_ERROR} (and {@link
   * Vars#TASK_CAUSE}) for failure.
   */
  public static final String TASK_TOKEN = "flowport.task-token";

  /**
   * Wakes a wait loop whose resource (an EMR cluster, step or job run) changed state: published by the
   * worker's tracker, correlated by {@link Vars#WAIT_KEY}, which names one poll of one wait, so a
   * message never wakes a later poll or another wait on the same resource.
   */
  public static final String EMR_CHANGED = "flowport.emr-changed";

  /** The poll job types whose waits the tracker can watch and wake with {@link #EMR_CHANGED}. */
  public static boolean tracked(String jobType) {
    return jobType.equals(JobTypes.emr("DescribeCluster")) || jobType.equals(JobTypes.emr("DescribeStep"))
        || jobType.equals(JobTypes.EMR_SERVERLESS_PREFIX + "GetJobRun")
        || jobType.equals(JobTypes.EMR_CONTAINERS_PREFIX + "DescribeJobRun");
  }

  /**
   * Poll job types of waits the tracker does not watch yet though their resources could be listed
   * (ListNotebookExecutions): each wait polls at its own interval, reported so (FP512).
   */
  public static boolean untracked(String jobType) {
    return jobType.equals(JobTypes.emr("DescribeNotebookExecution"));
  }

  /**
   * A heartbeat of a callback Task state with HeartbeatSeconds (SendTaskHeartbeat), correlated by
   * {@link Vars#TASK_TOKEN}: it restarts the wait's HeartbeatSeconds timer; its variables are ignored.
   */
  public static final String TASK_HEARTBEAT = "flowport.task-heartbeat";

  private Messages() {}
}
