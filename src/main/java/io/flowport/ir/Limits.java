package io.flowport.ir;

import java.time.Duration;

/**
 * A Task state's time limits: TimeoutSeconds for the whole attempt and HeartbeatSeconds for each
 * piece of its work. A limit is fixed, read from the state input at run time, or absent; {@code
 * read} is the job that reads the ones from the input before the work starts (null when none is).
 */
public record Limits(Duration timeout, boolean timeoutFromInput, Duration heartbeat, boolean heartbeatFromInput,
    Call read) {

  public static final Limits NONE = new Limits(null, false, null, false, null);

  public static Limits timeout(Duration timeout) {
    return new Limits(timeout, false, null, false, null);
  }

  public boolean hasTimeout() {
    return timeout != null || timeoutFromInput;
  }

  public boolean hasHeartbeat() {
    return heartbeat != null || heartbeatFromInput;
  }
}
