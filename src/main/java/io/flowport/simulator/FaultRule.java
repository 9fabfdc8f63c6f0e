package io.flowport.simulator;

import java.util.Objects;

/**
 * A lost answer of the operations matching the glob {@code operation} (of {@code service}, or of
 * any when null): the simulator performs the call, then drops the connection ({@link Answer#DROP})
 * or answers 500 InternalServerError ({@link Answer#ERROR}), as when the response is lost on its
 * way back. It hits the first {@code first} answers of each operation, or each answer with
 * probability {@code fraction} (drawn from the seed), or every answer when neither is set.
 */
public record FaultRule(String service, String operation, Answer answer, Integer first, Double fraction) {

  /** How the answer is lost. */
  public enum Answer {
    DROP,
    ERROR
  }

  public FaultRule {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(answer, "answer");
    if (service != null && !ThrottleRule.SERVICES.contains(service)) {
      throw new IllegalArgumentException("service must be emr, emr-serverless or emr-containers, got " + service);
    }
    if (first != null && fraction != null) {
      throw new IllegalArgumentException("give first or fraction, not both");
    }
    if (first != null && first < 1) {
      throw new IllegalArgumentException("first must be 1 or more, got " + first);
    }
    if (fraction != null && !(fraction >= 0 && fraction <= 1)) {
      throw new IllegalArgumentException("fraction must be between 0 and 1, got " + fraction);
    }
  }

  /** A rule for {@code operation} of any service. */
  public FaultRule(String operation, Answer answer, Integer first, Double fraction) {
    this(null, operation, answer, first, fraction);
  }

  /** Every answer of {@code operation} is lost this way. */
  public static FaultRule always(String operation, Answer answer) {
    return new FaultRule(operation, answer, null, null);
  }

  boolean matches(String service, String operation) {
    return (this.service == null || this.service.equals(service)) && Glob.matches(this.operation, operation);
  }
}
