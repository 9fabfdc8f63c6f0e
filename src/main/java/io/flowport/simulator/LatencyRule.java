package io.flowport.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * Calls of {@code service} (null: any) whose operation matches the glob {@code operation} are
 * answered after a wall-clock delay: {@code min} when {@code max} equals it, else drawn uniformly
 * from [min, max] with the scenario's seed.
 */
public record LatencyRule(String service, String operation, Duration min, Duration max) {

  public LatencyRule {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(min, "min");
    Objects.requireNonNull(max, "max");
    if (service != null && !ThrottleRule.SERVICES.contains(service)) {
      throw new IllegalArgumentException("service must be emr, emr-serverless or emr-containers, got " + service);
    }
    if (min.isNegative() || max.compareTo(min) < 0) {
      throw new IllegalArgumentException("latency must be 0 or more, and max at least min, got " + min + " and " + max);
    }
  }

  /** A fixed delay for {@code operation} of any service. */
  public static LatencyRule fixed(String operation, Duration delay) {
    return new LatencyRule(null, operation, delay, delay);
  }

  boolean matches(String service, String operation) {
    return (this.service == null || this.service.equals(service)) && Glob.matches(this.operation, operation);
  }
}
