package io.flowport.ir;

/**
 * External work: a call, and when the call only starts the work (Step Functions {@code .sync},
 * Airflow sensors), a wait that polls until it is done.
 *
 * @param start the call that performs or starts the work; null for a pure wait (a sensor)
 * @param waitLoop the poll loop, or null
 */
public record Work(Call start, Wait waitLoop) {

  public Work {
    if (start == null && waitLoop == null) {
      throw new IllegalArgumentException("work needs a call or a wait");
    }
  }
}
