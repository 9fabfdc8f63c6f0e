package io.flowport.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The worker's shared watch over EMR resources that waits are pending on: a poll job that leaves a
 * wait pending hands it the resource and the state it saw; the watcher wakes the wait with a
 * message when the state changes, so the loop's own timer can be a slow fallback.
 */
public interface Tracking {

  /**
   * A pending wait on a cluster, or on a step when {@code stepId} is set.
   *
   * @param key the wait's correlation key, unique to this poll (the message wakes only the next one)
   * @param state the resource's state the poll saw
   * @param clusterCreated the cluster's creation time, or null when unknown (step waits)
   */
  record Watch(String key, String clusterId, String stepId, String state, Instant clusterCreated) {}

  /** Watches the resource until its state changes; the fallback poll interval, or empty if not watched. */
  Optional<Duration> watch(Watch watch);

  /** Forgets a wait (its next poll came, or it ended). */
  void forget(String key);

  /** No watcher: waits poll at the source's interval. */
  Tracking OFF = new Tracking() {
    @Override
    public Optional<Duration> watch(Watch watch) {
      return Optional.empty();
    }

    @Override
    public void forget(String key) {}
  };
}
