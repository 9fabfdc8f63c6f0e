package io.flowport.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.runtime.EmrCall;
import io.flowport.runtime.Tracking;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One watch per worker over the EMR clusters and steps its pending waits are on. Every {@code
 * interval} it lists the clusters that are still running (ListClusters, 50 a page) and the steps
 * of each cluster that has watched steps (ListSteps), and wakes each wait whose resource is no
 * longer in the state its poll saw; the woken poll decides, so acceptors and data flow are the
 * same as without it. A few calls per interval instead of one per wait.
 */
public final class EmrTracker implements Tracking, AutoCloseable {

  static final String TRACKED = "flowport.tracker.resources";
  /** ListClusters' ClusterStates: the states a cluster can leave. One not listed has ended. */
  static final List<String> LIVE = List.of("STARTING", "BOOTSTRAPPING", "RUNNING", "WAITING", "TERMINATING");

  private static final Logger LOG = LoggerFactory.getLogger(EmrTracker.class);
  /** How often the thread looks at the clock; the clock may be an embedded run's faster one. */
  private static final long CHECK_MS = 50;

  private record Entry(Watch watch, Instant since) {}

  private final Map<String, Entry> watches = new ConcurrentHashMap<>();
  private final EmrCall emr;
  private final Consumer<String> wake;
  private final Supplier<Instant> clock;
  private final Duration interval;
  private final Duration fallback;
  private ScheduledExecutorService thread;
  private volatile Instant due;

  /**
   * @param wake publishes the message that wakes the wait with this key
   * @param interval how often the resources are listed
   * @param fallback the poll interval of a watched wait, in case this worker stops watching it
   */
  public EmrTracker(EmrCall emr, Consumer<String> wake, Supplier<Instant> clock, Duration interval, Duration fallback) {
    this.emr = emr;
    this.wake = wake;
    this.clock = clock;
    this.interval = interval;
    this.fallback = fallback;
  }

  /** Starts the one thread that refreshes every interval of {@code clock}'s time. */
  public synchronized EmrTracker start() {
    due = clock.get().plus(interval);
    thread = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("flowport-tracker").unstarted(r));
    thread.scheduleWithFixedDelay(this::tick, CHECK_MS, CHECK_MS, TimeUnit.MILLISECONDS);
    return this;
  }

  private void tick() {
    if (clock.get().isBefore(due)) {
      return;
    }
    try {
      refresh();
    } catch (EmrCall.ServiceException e) {
      LOG.warn("EMR tracker: listing failed, the waits keep their fallback polls: {}: {}", e.code(), e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("EMR tracker: refresh failed", e);
    } finally {
      due = clock.get().plus(interval);
    }
  }

  @Override
  public Optional<Duration> watch(Watch watch) {
    watches.put(watch.key(), new Entry(watch, clock.get()));
    return Optional.of(fallback);
  }

  @Override
  public void forget(String key) {
    watches.remove(key);
  }

  int size() {
    return watches.size();
  }

  /** Lists the watched resources once and wakes the waits whose resource changed; returns their keys. */
  List<String> refresh() {
    Instant now = clock.get();
    // A wait that neither polled nor was woken for this long ended elsewhere (cancelled, another worker).
    Instant stale = now.minus(fallback.multipliedBy(2).plus(interval));
    watches.values().removeIf(e -> e.since().isBefore(stale));
    List<Entry> snapshot = new ArrayList<>(watches.values());
    List<String> changed = new ArrayList<>();
    List<Watch> clusters = snapshot.stream().map(Entry::watch).filter(w -> w.stepId() == null).toList();
    if (!clusters.isEmpty()) {
      Map<String, String> live = liveClusters(clusters);
      for (Watch w : clusters) {
        String state = live.get(w.clusterId());
        if (state == null ? LIVE.contains(w.state()) : !state.equals(w.state())) {
          changed.add(w.key());
        }
      }
    }
    Map<String, List<Watch>> steps = new LinkedHashMap<>();
    snapshot.stream().map(Entry::watch).filter(w -> w.stepId() != null)
        .forEach(w -> steps.computeIfAbsent(w.clusterId(), c -> new ArrayList<>()).add(w));
    steps.forEach((cluster, waits) -> {
      Map<String, String> states = stepStates(cluster, waits);
      for (Watch w : waits) {
        if (!w.state().equals(states.get(w.stepId()))) {
          changed.add(w.key());
        }
      }
    });
    List<String> woken = new ArrayList<>();
    for (String key : changed) {
      Entry e = watches.get(key);
      if (e == null) {
        continue; // its next poll came meanwhile
      }
      try {
        wake.accept(key);
        watches.remove(key, e);
        woken.add(key);
      } catch (RuntimeException ex) {
        LOG.warn("EMR tracker: could not wake {}, next refresh tries again: {}", key, ex.getMessage());
      }
    }
    return woken;
  }

  /** Id to state of the clusters still running, created since the earliest watched one: all pages. */
  private Map<String, String> liveClusters(List<Watch> clusters) {
    Instant after = null;
    boolean unknown = false;
    for (Watch w : clusters) {
      if (w.clusterCreated() == null) {
        unknown = true;
      } else if (after == null || w.clusterCreated().isBefore(after)) {
        after = w.clusterCreated();
      }
    }
    ObjectNode request = JsonNodeFactory.instance.objectNode();
    LIVE.forEach(request.putArray("ClusterStates")::add);
    if (after != null && !unknown) {
      // A minute early: a bound that fell on the earliest cluster itself would make it look ended.
      request.put("CreatedAfter", after.minusSeconds(60).toString());
    }
    Map<String, String> live = new HashMap<>();
    String marker = null;
    do {
      if (marker != null) {
        request.put("Marker", marker);
      }
      JsonNode page = emr.call("ListClusters", request);
      page.path("Clusters").forEach(c -> live.put(c.path("Id").asText(), c.path("Status").path("State").asText()));
      marker = page.path("Marker").asText(null);
    } while (marker != null);
    return live;
  }

  /** Step id to state of the watched steps of one cluster: pages (newest first) until all are seen. */
  private Map<String, String> stepStates(String cluster, List<Watch> waits) {
    Set<String> wanted = new HashSet<>();
    waits.forEach(w -> wanted.add(w.stepId()));
    Map<String, String> states = new HashMap<>();
    ObjectNode request = JsonNodeFactory.instance.objectNode().put("ClusterId", cluster);
    String marker = null;
    do {
      if (marker != null) {
        request.put("Marker", marker);
      }
      JsonNode page;
      try {
        page = emr.call("ListSteps", request);
      } catch (EmrCall.ServiceException e) {
        if (e.retryable()) {
          throw e;
        }
        return states; // the cluster is gone: its waits' polls report what EMR says
      }
      page.path("Steps").forEach(s -> {
        if (wanted.contains(s.path("Id").asText())) {
          states.put(s.path("Id").asText(), s.path("Status").path("State").asText());
        }
      });
      marker = states.keySet().containsAll(wanted) ? null : page.path("Marker").asText(null);
    } while (marker != null);
    return states;
  }

  @Override
  public synchronized void close() {
    if (thread != null) {
      thread.shutdownNow();
    }
  }
}
