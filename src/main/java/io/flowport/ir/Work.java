package io.flowport.ir;

/**
 * External work: a call, and when the call only starts the work (Step Functions {@code .sync},
 * Airflow sensors), a wait that polls until it is done, or (Step Functions {@code
 * .waitForTaskToken}) a wait for someone to answer.
 *
 * @param start the call that performs or starts the work; null for a pure wait (a sensor)
 * @param waitLoop the poll loop, or null
 * @param callback the wait for an answer, or null
 */
public record Work(Call start, Wait waitLoop, Callback callback) {

  public Work {
    if (start == null && waitLoop == null) {
      throw new IllegalArgumentException("work needs a call or a wait");
    }
    if (callback != null && (start == null || waitLoop != null)) {
      throw new IllegalArgumentException("a callback follows a call and excludes a poll loop");
    }
  }

  public Work(Call start, Wait waitLoop) {
    this(start, waitLoop, null);
  }
}
