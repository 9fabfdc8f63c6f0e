package io.flowport.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The worker's shared watch over EMR resources that waits are pending on: a poll job that leaves a
 * wait pending hands it the resource and the state it saw; the watcher wakes the wait with a
 * message when the state changes, so the loop's own timer can be a slow fallback. What its last
 * listing saw of a resource can stand in for the poll's own describe call.
 */
public interface Tracking {

  /**
   * A cluster, or a step of it when {@code stepId} is set ({@code service} {@code emr}); or an EMR
   * Serverless or EMR on EKS job run ({@code service} {@code emr-serverless}, {@code emr-containers}):
   * then {@code clusterId} is its application or virtual cluster and {@code stepId} the run.
   */
  record Resource(String service, String clusterId, String stepId) {
    public Resource(String clusterId, String stepId) {
      this(io.flowport.contract.JobTypes.EMR, clusterId, stepId);
    }

    public boolean jobRun() {
      return !io.flowport.contract.JobTypes.EMR.equals(service);
    }
  }

  /**
   * A pending wait on a cluster, or on a step when {@code stepId} is set.
   *
   * @param key the wait's correlation key, unique to this poll (the message wakes only the next one)
   * @param state the resource's state the poll saw, or null when the poll left the look to the watcher
   * @param clusterCreated the cluster's (or job run's) creation time, or null when unknown (step waits)
   * @param service as {@link Resource#service()}
   */
  record Watch(String key, String clusterId, String stepId, String state, Instant clusterCreated, String service) {

    public Watch(String key, String clusterId, String stepId, String state, Instant clusterCreated) {
      this(key, clusterId, stepId, state, clusterCreated, io.flowport.contract.JobTypes.EMR);
    }

    Resource resource() {
      return new Resource(service, clusterId, stepId);
    }

    public boolean jobRun() {
      return resource().jobRun();
    }
  }

  /** Watches the resource until its state changes; the fallback poll interval, or empty if not watched. */
  Optional<Duration> watch(Watch watch);

  /** Forgets a wait (its next poll came, or it ended). */
  void forget(String key);

  /**
   * The resource as the last listing saw it, shaped as its describe response but with only the
   * listing's members (Id, Name, Status, ...); empty when that listing did not see it.
   */
  default Optional<JsonNode> seen(Resource resource) {
    return Optional.empty();
  }

  /**
   * True when a poll should leave its look at the resource to the next listing instead of calling
   * EMR now, because the worker's EMR call budget is spent.
   */
  default boolean deferPoll() {
    return false;
  }

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
