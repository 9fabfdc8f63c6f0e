package io.flowport.simulator;

import java.util.Objects;

/**
 * Every {@code every}-th call of {@code operation} (e.g. DescribeCluster) gets a
 * ThrottlingException.
 */
public record ThrottleRule(String operation, int every) {

  public ThrottleRule {
    Objects.requireNonNull(operation, "operation");
    if (every < 1) {
      throw new IllegalArgumentException("every must be 1 or more, got " + every);
    }
  }
}
