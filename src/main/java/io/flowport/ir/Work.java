package io.flowport.ir;

/**
 * External work: a call, and when the call only starts the work (Step Functions {@code .sync},
 * Airflow sensors), a wait that polls until it is done, or (Step Functions {@code
 * .waitForTaskToken}) a wait for someone to answer; then, for operators that do more than one
 * thing (Airflow's EMR Serverless delete stops the application first), the next work.
 *
 * @param start the call that performs or starts the work; null for a pure wait (a sensor)
 * @param waitLoop the poll loop, or null
 * @param callback the wait for an answer, or null
 * @param then the work that follows once this is done, or null
 * @param pause a timer after the call, for as long as the call computed, or null
 */
public record Work(Call start, Wait waitLoop, Callback callback, Work then, Pause pause) {

  public Work {
    if (start == null && waitLoop == null) {
      throw new IllegalArgumentException("work needs a call or a wait");
    }
    if (callback != null && (start == null || waitLoop != null || then != null)) {
      throw new IllegalArgumentException("a callback follows a call and excludes a poll loop and further work");
    }
    if (pause != null && (start == null || waitLoop != null || callback != null || then != null)) {
      throw new IllegalArgumentException("a pause follows a call and excludes any other wait");
    }
  }

  public Work(Call start, Wait waitLoop, Callback callback, Work then) {
    this(start, waitLoop, callback, then, null);
  }

  /** A call that computes a wait, then a timer for that long. */
  public static Work pause(Call start, Pause pause) {
    return new Work(start, null, null, null, pause);
  }

  /** The sensor timeout of this work's wait (a poll loop's or a pause's), or null. */
  public java.time.Duration sensorTimeout() {
    return waitLoop != null ? waitLoop.timeout() : pause != null ? pause.timeout() : null;
  }

  public Work(Call start, Wait waitLoop) {
    this(start, waitLoop, null, null);
  }

  /** Work that waits for an answer after its call. */
  public static Work callback(Call start, Callback callback) {
    return new Work(start, null, callback, null);
  }

  /** {@code first}'s call and wait, then {@code then}. */
  public static Work then(Call start, Wait waitLoop, Work then) {
    return new Work(start, waitLoop, null, then);
  }
}
