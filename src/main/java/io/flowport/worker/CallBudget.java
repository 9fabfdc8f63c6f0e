package io.flowport.worker;

import java.util.function.LongSupplier;

/**
 * The worker's EMR request budget: a token bucket of {@code perSecond} requests a second that
 * holds one token, so any second sees at most {@code perSecond + 1} requests (a bucket of a
 * second's worth would allow twice the rate in a second after an idle one); in real time, as
 * request quotas are, even when an embedded run's clock is faster. A rate of 0 is no budget.
 */
public final class CallBudget {

  private final double perSecond;
  private final LongSupplier nanos;
  private double tokens;
  private long last;

  public CallBudget(double perSecond) {
    this(perSecond, System::nanoTime);
  }

  /** @param nanos monotonic nanoseconds (a test's own clock) */
  CallBudget(double perSecond, LongSupplier nanos) {
    if (perSecond < 0 || Double.isNaN(perSecond) || Double.isInfinite(perSecond)) {
      throw new IllegalArgumentException("flowport.emr.max-rate must be 0 (no budget) or a positive number of requests a second, got "
          + perSecond);
    }
    this.perSecond = perSecond;
    this.nanos = nanos;
    this.tokens = 1;
    this.last = nanos.getAsLong();
  }

  public boolean limited() {
    return perSecond > 0;
  }

  /** Requests a second; 0 for no budget. */
  public double rate() {
    return perSecond;
  }

  /** True when a request could be made now without waiting. */
  public synchronized boolean available() {
    if (!limited()) {
      return true;
    }
    refill();
    return tokens >= 1;
  }

  /** Takes one request's token, waiting until the bucket has it. */
  public void take() {
    long waitNanos = reserve();
    if (waitNanos > 0) {
      try {
        Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Takes a token now, even one not there yet, and says how long to wait until it is. */
  synchronized long reserve() {
    if (!limited()) {
      return 0;
    }
    refill();
    tokens -= 1; // may go below zero: a reservation that later takers queue behind
    return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / perSecond * 1e9);
  }

  private void refill() {
    long now = nanos.getAsLong();
    tokens = Math.min(1, tokens + (now - last) / 1e9 * perSecond);
    last = now;
  }
}
