package io.flowport.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * EMR Serverless in the simulator: how long each application and job run phase takes (source
 * time) and the scenario's job run outcomes (first matching rule wins).
 */
public record ServerlessConfig(
    Duration creating,
    Duration starting,
    Duration stopping,
    Duration submitted,
    Duration pending,
    Duration scheduled,
    Duration running,
    Duration cancelling,
    List<JobRunRule> jobRuns) {

  public static final ServerlessConfig DEFAULT =
      new ServerlessConfig(
          Duration.ofSeconds(5),
          Duration.ofSeconds(60),
          Duration.ofSeconds(30),
          Duration.ofSeconds(5),
          Duration.ofSeconds(10),
          Duration.ofSeconds(15),
          Duration.ofSeconds(120),
          Duration.ofSeconds(15),
          List.of());

  public ServerlessConfig {
    for (Duration d : List.of(creating, starting, stopping, submitted, pending, scheduled, running, cancelling)) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("EMR Serverless durations must be positive, got " + d);
      }
    }
    jobRuns = List.copyOf(jobRuns);
  }

  public ServerlessConfig withJobRuns(List<JobRunRule> rules) {
    return new ServerlessConfig(creating, starting, stopping, submitted, pending, scheduled, running, cancelling, rules);
  }

  /**
   * An outcome for job runs whose {@code name} matches a glob (a run without a name matches
   * {@code ""}): it runs for {@code running} (null: the default) and, with {@code failure} set,
   * ends FAILED with that {@code stateDetails} instead of SUCCESS.
   *
   * @param nth when set, only the n-th run (1-based) whose name matches
   */
  public record JobRunRule(String name, Integer nth, Duration running, String failure) {
    public JobRunRule {
      Objects.requireNonNull(name, "name");
      if (nth != null && nth < 1) {
        throw new IllegalArgumentException("nth must be 1 or more, got " + nth);
      }
      if (running != null && (running.isNegative() || running.isZero())) {
        throw new IllegalArgumentException("running must be positive, got " + running);
      }
    }

    public static JobRunRule fail(String name, String stateDetails) {
      return new JobRunRule(name, null, null, stateDetails);
    }
  }
}
