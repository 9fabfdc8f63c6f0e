package io.flowport.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * EMR on EKS in the simulator: how long each job run phase takes (source time), which virtual
 * clusters exist, and the scenario's job run outcomes (first matching rule wins).
 *
 * @param virtualClusters the virtual cluster ids that exist; empty: any id is taken as one that
 *     exists, since runs need no cluster set-up in the simulator
 */
public record ContainersConfig(
    Duration pending,
    Duration submitted,
    Duration running,
    Duration cancelPending,
    List<String> virtualClusters,
    List<JobRunRule> jobRuns) {

  public static final ContainersConfig DEFAULT =
      new ContainersConfig(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(120),
          Duration.ofSeconds(15), List.of(), List.of());

  public ContainersConfig {
    for (Duration d : java.util.Arrays.asList(pending, submitted, running, cancelPending)) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("EMR on EKS durations must be positive, got " + d);
      }
    }
    virtualClusters = List.copyOf(virtualClusters);
    jobRuns = List.copyOf(jobRuns);
  }

  public ContainersConfig withJobRuns(List<JobRunRule> rules) {
    return new ContainersConfig(pending, submitted, running, cancelPending, virtualClusters, rules);
  }

  public ContainersConfig withVirtualClusters(List<String> ids) {
    return new ContainersConfig(pending, submitted, running, cancelPending, ids, jobRuns);
  }

  /**
   * An outcome for job runs whose {@code name} matches a glob (a run without a name matches
   * {@code ""}): it runs for {@code running} (null: the default) and, with {@code failureReason}
   * set, ends FAILED with that reason and {@code stateDetails} instead of COMPLETED.
   *
   * @param nth when set, only the n-th run (1-based) whose name matches
   * @param failureReason one of EMR on EKS's reasons (USER_ERROR, INTERNAL_ERROR, ...), or null
   */
  public record JobRunRule(String name, Integer nth, Duration running, String failureReason, String stateDetails) {
    public JobRunRule {
      Objects.requireNonNull(name, "name");
      if (nth != null && nth < 1) {
        throw new IllegalArgumentException("nth must be 1 or more, got " + nth);
      }
      if (running != null && (running.isNegative() || running.isZero())) {
        throw new IllegalArgumentException("running must be positive, got " + running);
      }
    }

    public static JobRunRule fail(String name, String failureReason, String stateDetails) {
      return new JobRunRule(name, null, null, failureReason, stateDetails);
    }
  }
}
