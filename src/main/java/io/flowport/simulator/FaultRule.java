package io.flowport.simulator;

import java.util.Objects;

/**
 * A lost answer of {@code operation}: the simulator performs the call, then drops the connection
 * ({@link Answer#DROP}) or answers 500 InternalServerError ({@link Answer#ERROR}), as when the
 * response is lost on its way back. It hits the first {@code first} answers, or each answer with
 * probability {@code fraction} (drawn from the seed), or every answer when neither is set.
 */
public record FaultRule(String operation, Answer answer, Integer first, Double fraction) {

  /** How the answer is lost. */
  public enum Answer {
    DROP,
    ERROR
  }

  public FaultRule {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(answer, "answer");
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

  /** Every answer of {@code operation} is lost this way. */
  public static FaultRule always(String operation, Answer answer) {
    return new FaultRule(operation, answer, null, null);
  }
}
