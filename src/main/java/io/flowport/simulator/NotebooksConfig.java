package io.flowport.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * EMR notebook executions in the simulator: how long each phase takes (source time) and the
 * scenario's outcomes (first matching rule wins).
 */
public record NotebooksConfig(
    Duration startPending,
    Duration starting,
    Duration running,
    Duration finishing,
    Duration failing,
    Duration stopPending,
    Duration stopping,
    List<ExecutionRule> executions) {

  public static final NotebooksConfig DEFAULT = new NotebooksConfig(Duration.ofSeconds(5), Duration.ofSeconds(60),
      Duration.ofSeconds(120), Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(5),
      Duration.ofSeconds(10), List.of());

  public NotebooksConfig {
    for (Duration d : java.util.Arrays.asList(startPending, starting, running, finishing, failing, stopPending, stopping)) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("notebook execution durations must be positive, got " + d);
      }
    }
    executions = List.copyOf(executions);
  }

  public NotebooksConfig withExecutions(List<ExecutionRule> rules) {
    return new NotebooksConfig(startPending, starting, running, finishing, failing, stopPending, stopping, rules);
  }

  /**
   * An outcome for executions whose NotebookExecutionName matches a glob (one without a name
   * matches {@code ""}): it is RUNNING for {@code running} (null: the default) and, with {@code
   * fail}, ends FAILED (through FAILING) with that LastStateChangeReason instead of FINISHED.
   *
   * @param nth when set, only the n-th execution (1-based) whose name matches
   * @param fail the LastStateChangeReason of a failed execution, or null when it finishes
   */
  public record ExecutionRule(String name, Integer nth, Duration running, String fail) {
    public ExecutionRule {
      Objects.requireNonNull(name, "name");
      if (nth != null && nth < 1) {
        throw new IllegalArgumentException("nth must be 1 or more, got " + nth);
      }
      if (running != null && (running.isNegative() || running.isZero())) {
        throw new IllegalArgumentException("running must be positive, got " + running);
      }
    }

    public static ExecutionRule fail(String name, String reason) {
      return new ExecutionRule(name, null, null, reason);
    }
  }
}
