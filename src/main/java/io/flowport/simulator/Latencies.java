package io.flowport.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Random;

/** The scenario's latency rules: how long a call waits (wall clock) before it is handled. */
final class Latencies {

  private final List<LatencyRule> rules;
  /** Its own source from the seed, so that adding latency changes neither ids nor fault draws. */
  private final Random random;

  Latencies(SimulatorConfig config) {
    this.rules = config.latencies();
    this.random = new Random(config.seed() * 31 + 13);
  }

  /** The first matching rule's delay for this call, or zero. */
  Duration delay(String service, String operation) {
    if (operation == null) {
      return Duration.ZERO;
    }
    for (LatencyRule rule : rules) {
      if (rule.matches(service, operation)) {
        long min = rule.min().toNanos();
        long spread = rule.max().toNanos() - min;
        if (spread == 0) {
          return rule.min();
        }
        synchronized (random) {
          return Duration.ofNanos(min + (long) (random.nextDouble() * (spread + 1)));
        }
      }
    }
    return Duration.ZERO;
  }

  /** Waits out the delay of this call. */
  void await(String service, String operation) {
    Duration d = delay(service, operation);
    if (!d.isZero()) {
      try {
        Thread.sleep(d);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
