package io.flowport.ir;

/**
 * External work: a call, and when the call only starts the work (Step Functions {@code .sync},
 * Airflow sensors), a wait that polls until it is done; then, for operators that do more than one
 * thing (Airflow's EMR Serverless delete stops the application first), the next work.
 *
 * @param start the call that performs or starts the work; null for a pure wait (a sensor)
 * @param waitLoop the poll loop, or null
 * @param then the work that follows once this is done, or null
 */
public record Work(Call start, Wait waitLoop, Work then) {

  public Work {
    if (start == null && waitLoop == null) {
      throw new IllegalArgumentException("work needs a call or a wait");
    }
  }

  public Work(Call start, Wait waitLoop) {
    this(start, waitLoop, null);
  }
}
