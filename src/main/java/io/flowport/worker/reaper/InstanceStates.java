package io.flowport.worker.reaper;

import java.util.Collection;
import java.util.Map;

/**
 * Whether the process instances that created clusters have ended. Zeebe's gRPC API cannot look an
 * instance up and runs no execution listener when an instance is cancelled, so each runtime answers
 * from what it can read: a full cluster's REST API, or the embedded engine's record stream.
 */
@FunctionalInterface
public interface InstanceStates {

  enum State {
    /** Still running (or with an incident): its clusters are in use. */
    ACTIVE,
    /** Completed or terminated (cancelled): nothing of it will use its clusters again. */
    ENDED,
    /** Not known here (not exported yet, another Zeebe cluster's key, lookup failed): never reaped. */
    UNKNOWN
  }

  /** The state of each key; a key missing from the answer is {@link State#UNKNOWN}. */
  Map<Long, State> of(Collection<Long> processInstanceKeys);
}
