package io.flowport.simulator;

import java.util.Objects;
import java.util.Set;

/**
 * Calls that get a ThrottlingException: every {@code every}-th call of each matching operation, or
 * the calls above {@code perSecond} requests per second of wall-clock time over all the calls the
 * rule matches (a token bucket holding {@code burst} requests, by default one second's worth).
 * {@code operation} is a glob ({@code *} for all); {@code service} is {@code emr},
 * {@code emr-serverless}, {@code emr-containers}, or null for any.
 */
public record ThrottleRule(String service, String operation, Integer every, Double perSecond, Integer burst) {

  /** The services a rule may name: the job types' service names. */
  public static final Set<String> SERVICES = Set.of("emr", "emr-serverless", "emr-containers");

  public ThrottleRule {
    Objects.requireNonNull(operation, "operation");
    if (service != null && !SERVICES.contains(service)) {
      throw new IllegalArgumentException("service must be emr, emr-serverless or emr-containers, got " + service);
    }
    if ((every == null) == (perSecond == null)) {
      throw new IllegalArgumentException("give every or perSecond, one of them");
    }
    if (every != null && every < 1) {
      throw new IllegalArgumentException("every must be 1 or more, got " + every);
    }
    if (perSecond != null && !(perSecond > 0 && perSecond < 1e9)) {
      throw new IllegalArgumentException("perSecond must be more than 0, got " + perSecond);
    }
    if (burst != null && (perSecond == null || burst < 1)) {
      throw new IllegalArgumentException("burst must be 1 or more, and only with perSecond, got " + burst);
    }
  }

  /** Every {@code every}-th call of {@code operation} (of any service) is throttled. */
  public ThrottleRule(String operation, int every) {
    this(null, operation, every, null, null);
  }

  /** Calls of {@code service} matching {@code operation} above {@code perSecond} per wall-clock second are throttled. */
  public static ThrottleRule perSecond(String service, String operation, double perSecond) {
    return new ThrottleRule(service, operation, null, perSecond, null);
  }

  /** How many requests the bucket holds when full. */
  int capacity() {
    return burst != null ? burst : (int) Math.max(1, Math.ceil(perSecond));
  }

  boolean matches(String service, String operation) {
    return (this.service == null || this.service.equals(service)) && Glob.matches(this.operation, operation);
  }
}
