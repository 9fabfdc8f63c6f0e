package io.flowport.worker;

import io.flowport.contract.Headers;
import io.flowport.contract.Vars;
import io.flowport.runtime.Job;
import io.flowport.runtime.Outcome;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Counts the EMR waits (.sync integrations, sensors) this worker saw pending recently: a wait is
 * in progress from a start or poll job that left it pending until a poll ends it, and is forgotten
 * when no poll for it came within {@code stale} (its instance was cancelled or another worker
 * polls it). A gauge, per worker, keyed by process instance and source state/task.
 */
public final class WaitTracker {

  static final String WAITS = "flowport.waits.active";

  private final Map<String, Instant> pending = new ConcurrentHashMap<>();
  private final Duration stale;
  private final Supplier<Instant> clock;

  public WaitTracker(MeterRegistry registry, Duration stale, Supplier<Instant> clock) {
    this.stale = stale;
    this.clock = clock;
    Gauge.builder(WAITS, this::active).description("EMR waits in progress seen by this worker").register(registry);
  }

  /** Notes what a start or poll job of a wait did; other jobs are ignored. */
  void observe(Job job, Outcome outcome) {
    if (job.header(Headers.WAIT_ROLE) == null) {
      return;
    }
    String key = job.processInstanceKey() + "/" + (job.header(Headers.SOURCE) == null ? job.elementId() : job.header(Headers.SOURCE));
    if (outcome instanceof Outcome.Complete c && "pending".equals(c.variables().get(Vars.WAIT_STATE))) {
      pending.put(key, clock.get());
    } else {
      pending.remove(key); // done, or failed with the EMR reason
    }
  }

  int active() {
    Instant cutoff = clock.get().minus(stale);
    pending.values().removeIf(seen -> seen.isBefore(cutoff));
    return pending.size();
  }
}
