package io.flowport.simulator;

import java.util.function.LongSupplier;

/**
 * A token bucket over wall-clock time for a {@code perSecond} throttle rule: request rates are real
 * even when the simulator's lifecycle clock runs faster. A refused call takes no token.
 */
final class RateBucket {

  private final double perNano;
  private final double capacity;
  private final LongSupplier nanos;
  private double tokens;
  private long last;

  RateBucket(double perSecond, int capacity, LongSupplier nanos) {
    this.perNano = perSecond / 1e9;
    this.capacity = capacity;
    this.nanos = nanos;
    this.tokens = capacity;
    this.last = nanos.getAsLong();
  }

  /** True when the call may go ahead (a token was taken), false when it is throttled. */
  synchronized boolean take() {
    long now = nanos.getAsLong();
    tokens = Math.min(capacity, tokens + (now - last) * perNano);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
