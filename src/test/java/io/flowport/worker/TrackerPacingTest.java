package io.flowport.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.runtime.Tracking;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The tracker's windowed listings, driven tick by tick on a test clock against a ListClusters
 * that keeps EMR's documented contract (states, creation bounds, 50 a page) and costs each call a
 * budget token's time. What is checked is what the waits rely on: each watched cluster is looked at
 * again within the interval (plus the one call under way), the calls are spread over it, and a
 * state change wakes its wait within that time.
 */
class TrackerPacingTest {

  static final Duration INTERVAL = Duration.ofSeconds(30);
  static final Duration TICK = Duration.ofMillis(50);
  /** A budget of 9 calls a second. */
  static final Duration CALL = Duration.ofMillis(1000 / 9);
  /** Within an interval of its last look, give or take the listing under way and the thread's clock check. */
  static final Duration LOOK = INTERVAL.plus(CALL).plus(TICK);

  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-04T10:00:00Z"));
  private final List<String> woken = new ArrayList<>();

  private EmrTracker tracker(FakeListClusters emr) {
    return new EmrTracker(emr, woken::add, now::get, INTERVAL, Duration.ofMinutes(10));
  }

  /** Runs the tracker's thread for {@code d} of the test clock. */
  private void run(EmrTracker tracker, Duration d) {
    Instant end = now.get().plus(d);
    while (now.get().isBefore(end)) {
      tracker.tick();
      now.set(now.get().plus(TICK));
    }
  }

  /** Clusters created {@code stepMs} apart from {@code first}, all RUNNING. */
  private List<String> clusters(FakeListClusters emr, String prefix, int n, Instant first, long stepMs) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = prefix + i;
      emr.add(id, first.plusMillis(i * stepMs), "RUNNING");
      ids.add(id);
    }
    return ids;
  }

  private void watch(EmrTracker tracker, FakeListClusters emr, String id) {
    tracker.watch(new Tracking.Watch(id + "#1", id, null, emr.clusters.get(id).state(), emr.clusters.get(id).created()));
  }

  /** The longest time between two listings that showed the cluster, counting from {@code from} to {@code to}. */
  private static Duration longestGap(List<Instant> shown, Instant from, Instant to) {
    Duration longest = Duration.ZERO;
    Instant last = from;
    for (Instant at : shown) {
      if (Duration.between(last, at).compareTo(longest) > 0) {
        longest = Duration.between(last, at);
      }
      last = at;
    }
    return Duration.between(last, to).compareTo(longest) > 0 ? Duration.between(last, to) : longest;
  }

  @Test
  void fiveHundredWatchedClustersAreEachListedOncePerIntervalWithTheCallsSpreadOverIt() {
    FakeListClusters emr = new FakeListClusters(now, CALL, false);
    Instant t0 = now.get().minus(Duration.ofHours(1));
    // Watched clusters 7 ms apart, 5 of them sharing one millisecond, and unwatched ones among them.
    List<String> ids = clusters(emr, "w", 500, t0, 7);
    clusters(emr, "same", 5, t0.plusMillis(7 * 250), 0);
    clusters(emr, "other", 200, t0.plusMillis(3), 17);
    EmrTracker tracker = tracker(emr);
    ids.forEach(id -> watch(tracker, emr, id));
    List<String> watched = new ArrayList<>(ids);
    for (int i = 0; i < 5; i++) {
      watch(tracker, emr, "same" + i);
      watched.add("same" + i);
    }
    Instant start = now.get();
    run(tracker, INTERVAL.multipliedBy(4));
    Instant end = now.get();

    for (String id : watched) {
      assertThat(longestGap(emr.shown(id), start, end)).as(id).isLessThanOrEqualTo(LOOK);
    }
    assertThat(woken).as("nothing changed, no member missed").isEmpty();
    // 505 clusters, 45 a window: 12 windows an interval (two pages each with the unwatched ones),
    // one every 2.5 s or so (a cluster due sooner moves one up), never a burst.
    int windows = ClusterWindows.count(505);
    List<Instant> starts = emr.calls.stream().filter(c -> !c.request().has("Marker")).map(FakeListClusters.Call::at).toList();
    assertThat(starts).hasSizeBetween(windows * 4 - 1, windows * 4 + 2);
    for (int i = 3; i < starts.size(); i++) {
      assertThat(Duration.between(starts.get(i - 3), starts.get(i))).isGreaterThanOrEqualTo(INTERVAL.dividedBy(windows).multipliedBy(3)
          .minusSeconds(1));
    }
    // Every listing has every state and creation bounds.
    assertThat(emr.calls).allSatisfy(c -> {
      assertThat(c.request().path("ClusterStates")).hasSize(EmrTracker.ALL.size());
      assertThat(c.request().has("CreatedAfter") && c.request().has("CreatedBefore")).isTrue();
    });

    emr.state("w321", "TERMINATED");
    Instant changed = now.get();
    run(tracker, LOOK.plus(TICK));
    assertThat(woken).containsExactly("w321#1");
    assertThat(emr.shown("w321").stream().filter(at -> at.isAfter(changed)).findFirst().orElseThrow())
        .isBefore(changed.plus(LOOK));
  }

  @Test
  void clustersCreatedAMillisecondApartAreNotMissedWhicheverWayTheBoundsCount() {
    for (boolean inclusive : new boolean[] {true, false}) {
      woken.clear();
      FakeListClusters emr = new FakeListClusters(now, CALL, inclusive);
      // A bound between two of them falls on one: it must never be a window's own cluster.
      List<String> ids = clusters(emr, "c", 200, now.get().minusSeconds(600), 1);
      EmrTracker tracker = tracker(emr);
      ids.forEach(id -> watch(tracker, emr, id));
      Instant start = now.get();
      run(tracker, INTERVAL.multipliedBy(2));
      assertThat(woken).as("inclusive %s: a member missing from its window's listing is woken", inclusive).isEmpty();
      for (String id : ids) {
        assertThat(longestGap(emr.shown(id), start, now.get())).as(id).isLessThanOrEqualTo(LOOK);
      }
    }
  }

  @Test
  void aClusterCreatedExactlyOnTheBoundOfAnotherWindowIsListedInItsOwn() {
    for (boolean inclusive : new boolean[] {true, false}) {
      woken.clear();
      FakeListClusters emr = new FakeListClusters(now, CALL, inclusive);
      Instant t = now.get().minusSeconds(600);
      // 45 watched clusters a second apart, then one a millisecond after the last: the first
      // window's upper bound falls on it, the second window's lower bound on the 45th.
      List<String> ids = clusters(emr, "a", 45, t, 1000);
      emr.add("edge", t.plusMillis(44_001), "RUNNING");
      EmrTracker tracker = tracker(emr);
      ids.forEach(id -> watch(tracker, emr, id));
      watch(tracker, emr, "edge");
      assertThat(tracker.refresh()).isEmpty();
      assertThat(Instant.parse(emr.calls.get(0).request().get("CreatedBefore").asText())).isEqualTo(t.plusMillis(44_001));
      if (inclusive) {
        assertThat(emr.calls).as("the neighbour on the bound came with the first window").hasSize(1);
      } else {
        assertThat(emr.calls).hasSize(2);
        assertThat(Instant.parse(emr.calls.get(1).request().get("CreatedAfter").asText())).isEqualTo(t.plusMillis(44_000));
      }
      assertThat(emr.shown("edge")).hasSize(1);
      emr.state("edge", "TERMINATED");
      emr.state("a44", "TERMINATED");
      assertThat(tracker.refresh()).as("inclusive %s", inclusive).containsExactlyInAnyOrder("edge#1", "a44#1");
    }
  }

  @Test
  void aNewWatchIsLookedAtInTheOngoingPassNotAfterTheNextOne() {
    FakeListClusters emr = new FakeListClusters(now, CALL, false);
    Instant t0 = now.get().minus(Duration.ofHours(1));
    List<String> ids = clusters(emr, "w", 450, t0, 1000); // 10 windows: one every 3 s
    emr.add("late", t0.plusMillis(400_500), "RUNNING"); // among the last window's clusters
    EmrTracker tracker = tracker(emr);
    ids.forEach(id -> watch(tracker, emr, id));
    run(tracker, INTERVAL.plus(Duration.ofSeconds(4))); // one pass, and the next has begun
    Instant firstWindowAgain = emr.shown("w0").getLast();
    assertThat(emr.shown("w0")).hasSize(2);
    watch(tracker, emr, "late");
    Instant watched = now.get();
    emr.state("late", "TERMINATED");
    run(tracker, INTERVAL);
    assertThat(woken).containsExactly("late#1");
    Instant seen = emr.shown("late").stream().filter(at -> at.isAfter(watched)).findFirst().orElseThrow();
    // The pass under way reaches it (with its neighbour w400) before it comes back to the first window.
    assertThat(seen).isAfter(watched).isBefore(firstWindowAgain.plus(INTERVAL));
    assertThat(emr.shown("w400")).contains(seen);
  }

  @Test
  void aWindowOfMoreThanFiftyClustersIsPagedAndAMissingMemberIsWoken() {
    FakeListClusters emr = new FakeListClusters(now, CALL, false);
    Instant t = now.get().minusSeconds(600);
    // 60 watched clusters made in the same millisecond: one window, two pages.
    List<String> ids = clusters(emr, "s", 60, t, 0);
    EmrTracker tracker = tracker(emr);
    ids.forEach(id -> watch(tracker, emr, id));
    assertThat(tracker.refresh()).isEmpty();
    assertThat(emr.calls).hasSize(2);
    assertThat(emr.calls.get(1).request().path("Marker").asText()).isEqualTo("50");
    assertThat(emr.calls.get(0).shown()).hasSize(50);
    // EMR no longer lists one (past its listing retention): its wait is woken to describe it.
    emr.clusters.remove("s7");
    emr.state("s59", "TERMINATING");
    assertThat(tracker.refresh()).containsExactlyInAnyOrder("s7#1", "s59#1");
  }

  @Test
  void unwatchedClustersInAWindowsRangeArePagedPast() {
    FakeListClusters emr = new FakeListClusters(now, CALL, false);
    Instant t = now.get().minusSeconds(600);
    List<String> ids = clusters(emr, "w", 45, t, 10);
    clusters(emr, "u", 40, t.plusMillis(5), 10); // other callers' clusters between them
    EmrTracker tracker = tracker(emr);
    ids.forEach(id -> watch(tracker, emr, id));
    emr.state("w0", "WAITING"); // the oldest, on the second page
    assertThat(tracker.refresh()).containsExactly("w0#1");
    assertThat(emr.calls).hasSize(2);
  }

  @Test
  void aPollThatLeftItsLookToTheListingIsLookedAtInTheNextWindowNotALiveListing() {
    FakeListClusters emr = new FakeListClusters(now, CALL, false);
    List<String> ids = clusters(emr, "w", 90, now.get().minus(Duration.ofHours(1)), 1000); // 2 windows: one every 15 s
    EmrTracker tracker = tracker(emr);
    ids.forEach(id -> watch(tracker, emr, id));
    run(tracker, INTERVAL.plusSeconds(1));
    int before = emr.calls.size();
    // Woken, the poll found the budget spent: it watches again knowing neither state nor creation time.
    tracker.forget("w70#1");
    tracker.watch(new Tracking.Watch("w70#2", "w70", null, null, null));
    Instant watched = now.get();
    run(tracker, INTERVAL.dividedBy(2).plus(CALL).plus(TICK));
    assertThat(woken).containsExactly("w70#2");
    assertThat(emr.calls.subList(before, emr.calls.size())).as("no listing of every live cluster")
        .allSatisfy(c -> assertThat(c.request().has("CreatedAfter")).isTrue());
    assertThat(emr.shown("w70").getLast()).isBefore(watched.plus(INTERVAL.dividedBy(2)).plus(CALL).plus(TICK));
  }

  @Test
  void looksInTheReverseOfCreationOrderStillTakeAWholeWindowACall() {
    FakeListClusters emr = new FakeListClusters(now, CALL, false);
    List<String> ids = clusters(emr, "w", 450, now.get().minus(Duration.ofHours(1)), 1000);
    EmrTracker tracker = tracker(emr);
    // Newest first, as a live listing's pages wake them and their polls watch again.
    for (String id : ids.reversed()) {
      watch(tracker, emr, id);
      now.set(now.get().plusMillis(10));
    }
    Instant start = now.get();
    run(tracker, INTERVAL);
    assertThat(emr.calls).as("10 windows of 45 an interval").hasSizeLessThanOrEqualTo(ClusterWindows.count(450) + 1);
    for (String id : ids) {
      assertThat(emr.shown(id)).as(id).isNotEmpty();
      assertThat(longestGap(emr.shown(id), start, now.get())).as(id).isLessThanOrEqualTo(LOOK);
    }
  }

  @Test
  void moreWindowsThanTheBudgetAllowsComeRoundLaterAndSaySoOnce() {
    FakeListClusters emr = new FakeListClusters(now, CALL, false);
    List<String> ids = clusters(emr, "w", 900, now.get().minus(Duration.ofHours(1)), 1000); // 20 windows
    Duration interval = Duration.ofSeconds(2); // 20 calls in 2 s: more than 9 a second
    EmrTracker tracker = new EmrTracker(emr, key -> java.util.concurrent.CompletableFuture.completedFuture(null), now::get,
        interval, Duration.ofMinutes(10), new CallBudget(9));
    ids.forEach(id -> watch(tracker, emr, id));
    ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(EmrTracker.class);
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged = new ch.qos.logback.core.read.ListAppender<>();
    logged.start();
    log.addAppender(logged);
    ch.qos.logback.classic.Level level = log.getLevel();
    log.setLevel(ch.qos.logback.classic.Level.WARN); // the CLI's configuration logs errors only
    try {
      Instant start = now.get();
      run(tracker, Duration.ofSeconds(10));
      for (String id : ids) {
        // 20 calls of 111 ms: each window comes round every 2.2 s or so, not every 2 s.
        assertThat(longestGap(emr.shown(id), start, now.get())).as(id).isLessThanOrEqualTo(Duration.ofMillis(20 * 111 + 200));
      }
    } finally {
      log.detachAppender(logged);
      log.setLevel(level);
    }
    assertThat(logged.list).filteredOn(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN).singleElement()
        .satisfies(e -> assertThat(e.getFormattedMessage()).contains("900 watched clusters need 20 ListClusters calls every PT2S")
            .contains("9.0/s"));
  }

  @Test
  void clustersEndingRoughlyInCreationOrderAreEachSeenWithinTheIntervalAsTheirPollsWatchAgain() {
    // A budget as tight as 10,000 clusters' at 9 calls a second: 20 windows of 1.2 s in a 30 s interval.
    Duration call = Duration.ofMillis(1200);
    FakeListClusters emr = new FakeListClusters(now, call, false);
    List<String> ids = clusters(emr, "w", 900, now.get().minus(Duration.ofHours(1)), 5);
    EmrTracker tracker = tracker(emr);
    ids.forEach(id -> watch(tracker, emr, id));
    run(tracker, INTERVAL);
    // As the bench does: terminated over 60 s in about creation order (8 threads made them),
    // TERMINATING for 5 s; a woken wait's poll watches again up to half a second later.
    java.util.Random random = new java.util.Random(8);
    List<String> order = new ArrayList<>(ids);
    for (int i = 0; i + 8 <= order.size(); i += 8) {
      java.util.Collections.shuffle(order.subList(i, i + 8), random);
    }
    Instant start = now.get();
    java.util.Map<String, Instant> ended = new java.util.HashMap<>();
    java.util.Map<String, Instant> seenEnded = new java.util.HashMap<>();
    java.util.Map<Tracking.Watch, Instant> polls = new java.util.HashMap<>();
    int firstCall = emr.calls.size();
    while (seenEnded.size() < ids.size() && now.get().isBefore(start.plus(Duration.ofMinutes(3)))) {
      long t = Duration.between(start, now.get()).toMillis();
      for (int i = 0; i < order.size(); i++) {
        long terminating = i * 60_000L / order.size();
        String id = order.get(i);
        if (t >= terminating + 5000 && !ended.containsKey(id)) {
          emr.state(id, "TERMINATED");
          ended.put(id, now.get());
        } else if (t >= terminating && t < terminating + 5000 && emr.clusters.get(id).state().equals("RUNNING")) {
          emr.state(id, "TERMINATING");
        }
      }
      tracker.tick();
      // Each woken wait's poll decides from what the listing saw: done, or watching again.
      for (String key : List.copyOf(woken)) {
        String id = key.substring(0, key.indexOf('#'));
        String state = emr.clusters.get(id).state();
        if (state.equals("TERMINATED")) {
          seenEnded.put(id, now.get());
        } else {
          polls.put(new Tracking.Watch(id + "#" + now.get().toEpochMilli(), id, null, state, emr.clusters.get(id).created()),
              now.get().plusMillis(random.nextInt(500)));
        }
      }
      woken.clear();
      polls.entrySet().removeIf(p -> {
        if (now.get().isBefore(p.getValue())) {
          return false;
        }
        tracker.watch(p.getKey());
        return true;
      });
      now.set(now.get().plus(TICK));
    }
    assertThat(seenEnded).hasSize(ids.size());
    for (String id : ids) {
      // The listing that first showed it ended began within an interval (and the call under way) of the end.
      Instant listing = emr.calls.stream().filter(c -> c.at().isAfter(ended.get(id)) && c.shown().contains(id)).findFirst()
          .orElseThrow().listing();
      assertThat(Duration.between(ended.get(id), listing)).as(id).isLessThanOrEqualTo(INTERVAL.plus(call).plus(TICK));
    }
    long windows = emr.calls.subList(firstCall, emr.calls.size()).stream().filter(c -> !c.request().has("Marker")).count();
    long intervals = Duration.between(start, now.get()).toMillis() / INTERVAL.toMillis() + 1;
    assertThat(windows).as("window listings over %d intervals", intervals).isLessThanOrEqualTo(intervals * (ClusterWindows.count(900) + 1));
  }
}
