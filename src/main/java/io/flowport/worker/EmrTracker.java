package io.flowport.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.runtime.EmrCall;
import io.flowport.runtime.EmrTimes;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One watch per worker over the EMR clusters and steps its pending waits are on. It lists the
 * watched clusters in windows of creation time (ListClusters with CreatedAfter/CreatedBefore, see
 * {@link ClusterWindows}), each due an interval after its own last listing and spread over the
 * interval, and every {@code interval} the steps of each cluster that has watched steps
 * (ListSteps); it wakes each wait whose resource is no longer in the state its poll saw as soon as
 * the page that shows it arrives, and keeps what it saw: a poll whose acceptors read only the
 * resource's status decides from that instead of calling DescribeCluster/DescribeStep. A few calls
 * per interval instead of one per wait. EMR Serverless and EMR on EKS job runs are watched the
 * same way, with one ListJobRuns listing per application or virtual cluster.
 */
public final class EmrTracker implements Tracking, AutoCloseable {

  static final String TRACKED = "flowport.tracker.resources";
  /** ListClusters' ClusterStates: the states a cluster can leave. */
  static final List<String> LIVE = List.of("STARTING", "BOOTSTRAPPING", "RUNNING", "WAITING", "TERMINATING");
  static final List<String> ALL = List.of("STARTING", "BOOTSTRAPPING", "RUNNING", "WAITING", "TERMINATING", "TERMINATED",
      "TERMINATED_WITH_ERRORS");

  private static final Logger LOG = LoggerFactory.getLogger(EmrTracker.class);
  /** How often the thread looks at the clock; the clock may be an embedded run's faster one. */
  private static final long CHECK_MS = 50;
  /** With no watched clusters, how soon to look again whether there are. */
  private static final Duration IDLE = Duration.ofSeconds(1);

  /** Publishes the message that wakes one wait; the stage fails when it could not be published. */
  @FunctionalInterface
  public interface Wake {
    CompletionStage<?> wake(String key);
  }

  private record Entry(Watch watch, Instant since) {}

  private record Seen(JsonNode response, Instant at) {}

  private final Map<String, Entry> watches = new ConcurrentHashMap<>();
  private final Map<Resource, Seen> seen = new ConcurrentHashMap<>();
  private final EmrCall emr;
  private final Wake wake;
  private final Supplier<Instant> clock;
  private final Duration interval;
  private final Duration fallback;
  private final CallBudget budget;
  private EmrCall serverless;
  private EmrCall containers;
  private ScheduledExecutorService thread;
  /** Cluster id: when a listing last showed it. */
  private final Map<String, Instant> looked = new ConcurrentHashMap<>();
  /**
   * Cluster id: its creation time, from a watch or a listing (a poll that left its look to the
   * listing knows none; a window's bounds stop short of the clusters around it).
   */
  private final Map<String, Instant> createdOf = new ConcurrentHashMap<>();
  private volatile Instant due;
  private volatile Instant nextWindow;
  private boolean overBudget;

  /** A tracker that wakes waits synchronously: {@code wake} throws when it could not. */
  public EmrTracker(EmrCall emr, Consumer<String> wake, Supplier<Instant> clock, Duration interval, Duration fallback) {
    this(emr, key -> {
      wake.accept(key);
      return CompletableFuture.completedFuture(null);
    }, clock, interval, fallback, new CallBudget(0));
  }

  /**
   * @param wake publishes the message that wakes the wait with this key
   * @param interval how often the resources are listed
   * @param fallback the poll interval of a watched wait, in case this worker stops watching it
   * @param budget the worker's EMR request budget: when it is spent, polls leave their look to the listing
   */
  public EmrTracker(EmrCall emr, Wake wake, Supplier<Instant> clock, Duration interval, Duration fallback, CallBudget budget) {
    this.emr = emr;
    this.wake = wake;
    this.clock = clock;
    this.interval = interval;
    this.fallback = fallback;
    this.budget = budget;
    this.due = clock.get().plus(interval);
    this.nextWindow = clock.get();
  }

  /** Also watches job runs, through these calls (boto3's names); a null one leaves its runs to their polls. */
  public EmrTracker jobRuns(EmrCall serverless, EmrCall containers) {
    this.serverless = serverless;
    this.containers = containers;
    return this;
  }

  /** Starts the one thread that refreshes every interval of {@code clock}'s time. */
  public synchronized EmrTracker start() {
    due = clock.get().plus(interval);
    nextWindow = clock.get();
    thread = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("flowport-tracker").unstarted(r));
    thread.scheduleWithFixedDelay(this::tick, CHECK_MS, CHECK_MS, TimeUnit.MILLISECONDS);
    return this;
  }

  /** One look at the clock: the per-interval refresh and the next window when due (package-private: tests drive it). */
  void tick() {
    Instant started = clock.get();
    if (!started.isBefore(due)) {
      try {
        guarded(() -> refreshOthers(new ArrayList<>()));
      } finally {
        // From the start: a refresh that takes long (many steps on a budget) still comes every interval.
        due = started.plus(interval);
      }
    }
    // Windows due back to back are listed without waiting for the next look at the clock (at least
    // one a tick), until the per-interval refresh is due.
    for (boolean first = true; !clock.get().isBefore(nextWindow) && (first || clock.get().isBefore(due))
        && !Thread.currentThread().isInterrupted(); first = false) {
      Instant at = clock.get();
      Instant[] next = {at.plus(IDLE)};
      try {
        guarded(() -> next[0] = listNextWindow(at, new ArrayList<>()));
      } finally {
        nextWindow = next[0];
      }
    }
  }

  private static void guarded(Runnable listing) {
    try {
      listing.run();
    } catch (EmrCall.ServiceException e) {
      LOG.warn("EMR tracker: listing failed, the waits keep their fallback polls: {}: {}", e.code(), e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("EMR tracker: refresh failed", e);
    }
  }

  @Override
  public Optional<Duration> watch(Watch watch) {
    if (!watch.jobRun() && watch.stepId() == null && watch.clusterCreated() != null) {
      createdOf.put(watch.clusterId(), watch.clusterCreated());
    }
    watches.put(watch.key(), new Entry(watch, clock.get()));
    return Optional.of(fallback);
  }

  @Override
  public void forget(String key) {
    watches.remove(key);
  }

  @Override
  public Optional<JsonNode> seen(Resource resource) {
    Seen s = seen.get(resource);
    return s == null || s.at().isBefore(clock.get().minus(interval.multipliedBy(2))) ? Optional.empty()
        : Optional.of(s.response());
  }

  @Override
  public boolean deferPoll() {
    return !budget.available();
  }

  int size() {
    return watches.size();
  }

  /**
   * Lists every watched resource once and wakes the waits whose resource changed; returns their
   * keys. The thread does not: it lists one window of clusters at a time ({@link #listNextWindow}).
   */
  List<String> refresh() {
    List<String> woken = new ArrayList<>();
    housekeeping();
    Set<String> listed = new HashSet<>();
    List<ClusterWindows.Cluster> clusters = windowed();
    for (ClusterWindows.Window w = ClusterWindows.next(clusters, listed, interval, known()); w != null;
        w = ClusterWindows.next(clusters, listed, interval, known())) {
      listed.addAll(listWindow(w, woken));
    }
    others(woken);
    return woken;
  }

  /** The per-interval part: stale watches dropped, then the live listing, steps and job runs. */
  private void refreshOthers(List<String> woken) {
    housekeeping();
    others(woken);
  }

  private void housekeeping() {
    Instant now = clock.get();
    // A wait that neither polled nor was woken for this long ended elsewhere (cancelled, another worker).
    Instant stale = now.minus(fallback.multipliedBy(2).plus(interval));
    watches.values().removeIf(e -> e.since().isBefore(stale));
    Instant old = now.minus(interval.multipliedBy(2));
    seen.values().removeIf(s -> s.at().isBefore(old));
    Set<String> watched = new HashSet<>();
    watches.values().forEach(e -> watched.add(e.watch().clusterId()));
    looked.keySet().retainAll(watched);
    // Kept while the cluster's listing is: a woken poll forgets its watch before it makes the next.
    createdOf.keySet().removeIf(id -> !watched.contains(id) && !seen.containsKey(new Resource(id, null)));
  }

  /** The creation times of the clusters recent listings showed (and watches told). */
  private java.util.NavigableSet<Instant> known() {
    return new java.util.TreeSet<>(createdOf.values());
  }

  /** The watched cluster's creation time, its watch's or one an earlier watch or listing told; null when unknown. */
  private Instant created(Watch w) {
    return w.clusterCreated() != null ? w.clusterCreated() : createdOf.get(w.clusterId());
  }

  private void others(List<String> woken) {
    List<Watch> snapshot = watches.values().stream().map(Entry::watch).toList();
    List<Watch> unknown = snapshot.stream().filter(w -> !w.jobRun() && w.stepId() == null && created(w) == null).toList();
    if (!unknown.isEmpty()) {
      LOG.debug("EMR tracker: {} cluster waits without a creation time, listing live clusters", unknown.size());
      listLive(unknown, woken);
    }
    Map<String, List<Watch>> steps = new LinkedHashMap<>();
    snapshot.stream().filter(w -> !w.jobRun() && w.stepId() != null)
        .forEach(w -> steps.computeIfAbsent(w.clusterId(), c -> new ArrayList<>()).add(w));
    steps.forEach((cluster, waits) -> listSteps(cluster, waits, woken));
    Map<Resource, List<Watch>> places = new LinkedHashMap<>();
    snapshot.stream().filter(Watch::jobRun)
        .forEach(w -> places.computeIfAbsent(new Resource(w.service(), w.clusterId(), null), p -> new ArrayList<>()).add(w));
    places.forEach((place, waits) -> JobRunListing.list(place.service().equals(io.flowport.contract.JobTypes.EMR_SERVERLESS)
        ? serverless : containers, place, waits, (resource, run) -> seen.put(resource, new Seen(run, clock.get())),
        key -> wake(key, woken)));
    LOG.debug("EMR tracker: {} waits, {} on clusters without a creation time, {} steps, woke {}", snapshot.size(),
        unknown.size(), steps.size(), woken.size());
  }

  /**
   * Lists the window of clusters whose oldest look is the oldest and says when to list the next:
   * a pass over all windows spread evenly over the interval, or sooner when a cluster's last look
   * is an interval old.
   */
  private Instant listNextWindow(Instant now, List<String> woken) {
    List<ClusterWindows.Cluster> clusters = windowed();
    ClusterWindows.Window window = ClusterWindows.next(clusters, Set.of(), interval, known());
    if (window == null) {
      return now.plus(IDLE);
    }
    int windows = ClusterWindows.count(clusters.size());
    Duration pace = interval.dividedBy(windows);
    if (budget.limited() && windows > interval.toMillis() / 1000.0 * budget.rate() && !overBudget) {
      overBudget = true;
      LOG.warn("EMR tracker: {} watched clusters need {} ListClusters calls every {}, more than the EMR call budget of {}/s allows: "
          + "each comes round every {} s or more instead", clusters.size(), windows, interval, budget.rate(),
          (long) Math.ceil(windows / budget.rate()));
    }
    Instant next = now.plus(pace);
    if (window.nextOldest() != null && window.nextOldest().plus(interval).isBefore(next)) {
      next = window.nextOldest().plus(interval);
    }
    int before = woken.size();
    listWindow(window, woken);
    LOG.debug("EMR tracker: window {} of {} clusters created {}..{}, woke {}; {} windows, next in {} ms", window.members().getFirst().id(),
        window.members().size(), window.after(), window.before(), woken.size() - before, windows, Duration.between(now, next).toMillis());
    return next;
  }

  /**
   * The watched clusters with a creation time, each with its last look: the last listing that
   * showed it, else its poll's (a poll that left the look to the listing had none).
   */
  private List<ClusterWindows.Cluster> windowed() {
    Map<String, ClusterWindows.Cluster> byId = new LinkedHashMap<>();
    for (Entry e : watches.values()) {
      Watch w = e.watch();
      Instant created = w.jobRun() || w.stepId() != null ? null : created(w);
      if (created == null) {
        continue;
      }
      // A poll that saw a state mostly saw it in the last listing (seen()): that listing is its look.
      Instant listed = looked.get(w.clusterId());
      Instant last = w.state() == null ? (listed != null && !listed.isBefore(e.since()) ? listed : Instant.EPOCH)
          : listed != null ? listed : e.since();
      byId.merge(w.clusterId(), new ClusterWindows.Cluster(w.clusterId(), created, last),
          (a, b) -> a.looked().isBefore(b.looked()) ? a : b);
    }
    return new ArrayList<>(byId.values());
  }

  /**
   * Lists one window's clusters, every state, all pages, waking the changed ones page by page (any
   * watched cluster the bounds also take in too); a member missing from the listing has ended.
   * Returns the ids of the watched clusters it saw or missed.
   */
  private Set<String> listWindow(ClusterWindows.Window window, List<String> woken) {
    Map<String, List<Watch>> byId = new HashMap<>();
    watches.values().forEach(e -> {
      if (!e.watch().jobRun() && e.watch().stepId() == null) {
        byId.computeIfAbsent(e.watch().clusterId(), c -> new ArrayList<>()).add(e.watch());
      }
    });
    ObjectNode request = JsonNodeFactory.instance.objectNode();
    ALL.forEach(request.putArray("ClusterStates")::add);
    request.put("CreatedAfter", window.after().toString());
    request.put("CreatedBefore", window.before().toString());
    Set<String> listed = list(request, byId, woken);
    Instant at = clock.get();
    Set<String> done = new HashSet<>(listed);
    done.retainAll(byId.keySet());
    for (ClusterWindows.Cluster c : window.members()) {
      done.add(c.id());
      if (!listed.contains(c.id())) {
        looked.put(c.id(), at);
        byId.getOrDefault(c.id(), List.of()).forEach(w -> wake(w.key(), woken));
      }
    }
    return done;
  }

  /** Lists the live clusters for the watches without a creation time; one missing from the listing has ended. */
  private void listLive(List<Watch> clusters, List<String> woken) {
    Map<String, List<Watch>> byId = new LinkedHashMap<>();
    clusters.forEach(w -> byId.computeIfAbsent(w.clusterId(), c -> new ArrayList<>()).add(w));
    ObjectNode request = JsonNodeFactory.instance.objectNode();
    LIVE.forEach(request.putArray("ClusterStates")::add);
    Set<String> listed = list(request, byId, woken);
    for (Watch w : clusters) {
      if (!listed.contains(w.clusterId()) && (w.state() == null || LIVE.contains(w.state()))) {
        wake(w.key(), woken);
      }
    }
  }

  /**
   * All pages of one ListClusters request, waking the watches whose cluster is in another state;
   * the ids listed. A watched cluster listed counts as looked at when the first page came, however
   * many pages follow: a window's clusters stay due together.
   */
  private Set<String> list(ObjectNode request, Map<String, List<Watch>> byId, List<String> woken) {
    Set<String> listed = new HashSet<>();
    Instant started = null;
    String marker = null;
    do {
      if (marker != null) {
        request.put("Marker", marker);
      }
      JsonNode page = emr.call("ListClusters", request);
      Instant at = clock.get();
      started = started == null ? at : started;
      for (JsonNode c : page.path("Clusters")) {
        String id = c.path("Id").asText();
        listed.add(id);
        Instant created = EmrTimes.instant(c.path("Status").path("Timeline").path("CreationDateTime"));
        if (created != null) {
          createdOf.put(id, created);
        }
        seen.put(new Resource(id, null), new Seen(JsonNodeFactory.instance.objectNode().set("Cluster", c), at));
        List<Watch> waits = byId.get(id);
        if (waits == null) {
          continue;
        }
        looked.put(id, started);
        String state = c.path("Status").path("State").asText();
        for (Watch w : waits) {
          if (!state.equals(w.state())) {
            wake(w.key(), woken);
          }
        }
      }
      marker = page.path("Marker").asText(null);
    } while (marker != null);
    return listed;
  }

  /** Lists one cluster's steps, newest first, until every watched one is seen; wakes the changed ones. */
  private void listSteps(String cluster, List<Watch> waits, List<String> woken) {
    Set<String> wanted = new HashSet<>();
    waits.forEach(w -> wanted.add(w.stepId()));
    Map<String, String> states = new LinkedHashMap<>();
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
        break; // the cluster is gone: its waits' polls report what EMR says
      }
      Instant at = clock.get();
      for (JsonNode s : page.path("Steps")) {
        String id = s.path("Id").asText();
        seen.put(new Resource(cluster, id), new Seen(JsonNodeFactory.instance.objectNode().set("Step", s), at));
        if (wanted.contains(id)) {
          states.put(id, s.path("Status").path("State").asText());
        }
      }
      marker = states.keySet().containsAll(wanted) ? null : page.path("Marker").asText(null);
    } while (marker != null);
    for (Watch w : waits) {
      if (w.state() == null || !w.state().equals(states.get(w.stepId()))) {
        wake(w.key(), woken);
      }
    }
  }

  /** Wakes one wait unless its next poll came meanwhile; one that could not be woken stays watched. */
  private void wake(String key, List<String> woken) {
    Entry e = watches.get(key);
    if (e == null) {
      return;
    }
    CompletionStage<?> sent;
    try {
      sent = wake.wake(key);
    } catch (RuntimeException ex) {
      LOG.warn("EMR tracker: could not wake {}, next refresh tries again: {}", key, ex.getMessage());
      return;
    }
    if (watches.remove(key, e)) {
      woken.add(key);
    }
    sent.whenComplete((ok, ex) -> {
      if (ex != null) {
        LOG.warn("EMR tracker: could not wake {}, next refresh tries again: {}", key, ex.getMessage());
        watches.putIfAbsent(key, e);
      }
    });
  }

  @Override
  public synchronized void close() {
    if (thread != null) {
      thread.shutdownNow();
    }
  }
}
