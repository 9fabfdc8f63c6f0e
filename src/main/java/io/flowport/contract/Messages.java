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
   * A heartbeat of a callback Task state with HeartbeatSeconds (SendTaskHeartbeat), correlated by
   * {@link Vars#TASK_TOKEN}: it restarts the wait's HeartbeatSeconds timer; its variables are ignored.
   */
  public static final String TASK_HEARTBEAT = "flowport.task-heartbeat";

  private Messages() {}
}
