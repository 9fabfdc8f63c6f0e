package io.flowport.simulator;

import java.util.Objects;

/**
 * A scenario outcome for steps whose {@code Name} matches a glob: the step ends FAILED with these
 * {@code FailureDetails} (any part may be null) instead of COMPLETED.
 */
public record StepRule(String name, String reason, String message, String logFile) {

  public StepRule {
    Objects.requireNonNull(name, "name");
  }
}
