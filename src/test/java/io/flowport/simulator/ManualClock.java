package io.flowport.simulator;

import java.time.Duration;
import java.time.Instant;

/** A clock the test moves by hand, so lifecycle tests never sleep. */
final class ManualClock implements SimClock {

  private Instant now;

  ManualClock(Instant start) {
    this.now = start;
  }

  @Override
  public synchronized Instant now() {
    return now;
  }

  synchronized void advance(Duration by) {
    now = now.plus(by);
  }

  synchronized void set(Instant to) {
    now = to;
  }
}
