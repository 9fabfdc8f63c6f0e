package io.flowport.simulator;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.emr.model.ClusterState;

/**
 * A scenario outcome for clusters whose {@code Name} matches a glob: the cluster fails while in
 * {@code failIn}, {@code after} that state began (by default at the end of STARTING or
 * BOOTSTRAPPING, at once in RUNNING or WAITING), and ends TERMINATED_WITH_ERRORS with {@code
 * reason}.
 *
 * @param nth when set, only the n-th cluster (1-based) whose name matches
 */
public record ClusterRule(
    String name, Integer nth, ClusterState failIn, Duration after, Reason reason) {

  static final Set<ClusterState> FAILABLE =
      Set.of(
          ClusterState.STARTING,
          ClusterState.BOOTSTRAPPING,
          ClusterState.RUNNING,
          ClusterState.WAITING);

  /** The cluster's {@code Status.StateChangeReason}. */
  public record Reason(String code, String message) {
    public Reason {
      Objects.requireNonNull(code, "code");
    }
  }

  public ClusterRule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(reason, "reason");
    if (!FAILABLE.contains(failIn)) {
      throw new IllegalArgumentException("failIn must be one of " + FAILABLE + ", got " + failIn);
    }
    if (nth != null && nth < 1) {
      throw new IllegalArgumentException("nth must be 1 or more, got " + nth);
    }
    if (after != null && after.isNegative()) {
      throw new IllegalArgumentException("after must not be negative, got " + after);
    }
  }

  /** Fails every cluster named like {@code name} in {@code failIn}. */
  public static ClusterRule fail(String name, ClusterState failIn, String code, String message) {
    return new ClusterRule(name, null, failIn, null, new Reason(code, message));
  }
}
