package io.flowport.worker;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.emr.EmrOperations;
import io.flowport.runtime.Tracking;
import io.flowport.simulator.EmrClients;
import io.flowport.simulator.EmrSimulator;
import io.flowport.simulator.SimulatorConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.emr.EmrClient;
import software.amazon.awssdk.services.emr.model.Cluster;

/**
 * The tracker's diffing and paging against the EMR simulator over HTTP with the real SDK. The
 * simulator's default lifecycle: STARTING 240 s, BOOTSTRAPPING 120 s, then RUNNING while steps run
 * (120 s each), WAITING when idle; ListClusters and ListSteps give 50 a page.
 */
class EmrTrackerTest {

  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-04T10:00:00Z"));
  private final EmrSimulator sim = EmrSimulator.start(now::get, SimulatorConfig.defaults());
  private final EmrClient emr = EmrClients.forEndpoint(sim.endpoint());
  private final List<String> woken = new ArrayList<>();
  private final EmrTracker tracker = new EmrTracker(new EmrOperations(EmrClients.forEndpoint(sim.endpoint())), woken::add,
      now::get, Duration.ofSeconds(30), Duration.ofMinutes(10));

  @AfterEach
  void close() {
    emr.close();
    sim.close();
  }

  private String cluster(boolean withStep) {
    return emr.runJobFlow(r -> {
      r.name("c").releaseLabel("emr-7.1.0").instances(i -> i.keepJobFlowAliveWhenNoSteps(true).instanceCount(1)
          .masterInstanceType("m5.xlarge"));
      if (withStep) {
        r.steps(s -> s.name("s").actionOnFailure("CONTINUE").hadoopJarStep(j -> j.jar("command-runner.jar").args("true")));
      }
    }).jobFlowId();
  }

  private Tracking.Watch seen(String id, String key) {
    Cluster c = emr.describeCluster(r -> r.clusterId(id)).cluster();
    return new Tracking.Watch(key, id, null, c.status().stateAsString(), c.status().timeline().creationDateTime());
  }

  private void advance(Duration d) {
    now.set(now.get().plus(d));
  }

  private int calls(String api) {
    return sim.calls().getOrDefault(api, 0);
  }

  @Test
  void listsAllPagesAndWakesOnlyTheClustersWhoseStateChanged() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      ids.add(cluster(false));
    }
    ids.forEach(id -> tracker.watch(seen(id, id + "#1")));
    advance(Duration.ofSeconds(60));
    int before = calls("ListClusters");
    assertThat(tracker.refresh()).isEmpty();
    // 60 running clusters, 50 a page: two pages, no DescribeCluster.
    assertThat(calls("ListClusters") - before).isEqualTo(2);
    assertThat(tracker.size()).isEqualTo(60);

    advance(Duration.ofSeconds(200)); // 260 s: all BOOTSTRAPPING
    assertThat(tracker.refresh()).hasSize(60).contains(ids.get(0) + "#1", ids.get(59) + "#1");
    assertThat(woken).hasSize(60);
    assertThat(tracker.size()).isZero();
    before = calls("ListClusters");
    assertThat(tracker.refresh()).isEmpty();
    assertThat(calls("ListClusters")).as("nothing watched, nothing listed").isEqualTo(before);
  }

  @Test
  void aClusterMissingFromTheListingHasEndedAndAnUnchangedOneStaysWatched() {
    String ending = cluster(false);
    String idle = cluster(false);
    advance(Duration.ofSeconds(400)); // both WAITING
    tracker.watch(seen(ending, "ending#7"));
    tracker.watch(seen(idle, "idle#8"));
    emr.terminateJobFlows(r -> r.jobFlowIds(ending));
    advance(Duration.ofSeconds(120)); // terminating takes 60 s: TERMINATED, not listed any more
    assertThat(tracker.refresh()).containsExactly("ending#7");
    assertThat(tracker.size()).isEqualTo(1);
  }

  @Test
  void stepsAreListedPerClusterAndWokenWhenTheirStateChanges() {
    String id = cluster(true);
    String step = emr.listSteps(r -> r.clusterId(id)).steps().get(0).id();
    advance(Duration.ofSeconds(30));
    tracker.watch(new Tracking.Watch(id + "/" + step + "#3", id, step, "PENDING", null));
    int before = calls("ListSteps");
    assertThat(tracker.refresh()).isEmpty();
    assertThat(calls("ListSteps") - before).isEqualTo(1);
    assertThat(calls("ListClusters")).as("step waits need no cluster listing").isZero();
    advance(Duration.ofSeconds(400)); // up at 360 s: the step is RUNNING
    assertThat(tracker.refresh()).containsExactly(id + "/" + step + "#3");
  }

  @Test
  void aWaitThatFailedToWakeIsTriedAgainAndAForgottenOneIsNot() {
    String id = cluster(false);
    List<String> attempts = new ArrayList<>();
    EmrTracker flaky = new EmrTracker(new EmrOperations(EmrClients.forEndpoint(sim.endpoint())), key -> {
      attempts.add(key);
      if (attempts.size() == 1) {
        throw new IllegalStateException("gateway unavailable");
      }
    }, now::get, Duration.ofSeconds(30), Duration.ofMinutes(10));
    flaky.watch(seen(id, "a#1"));
    flaky.watch(seen(id, "b#2"));
    flaky.forget("b#2");
    advance(Duration.ofSeconds(300));
    assertThat(flaky.refresh()).isEmpty();
    assertThat(flaky.refresh()).containsExactly("a#1");
    assertThat(attempts).containsExactly("a#1", "a#1");
  }

  @Test
  void aWatchNotRenewedForTwoFallbacksIsDropped() {
    String id = cluster(false);
    advance(Duration.ofSeconds(400)); // WAITING, stays so
    tracker.watch(seen(id, "gone#1"));
    advance(Duration.ofMinutes(20));
    assertThat(tracker.refresh()).isEmpty();
    assertThat(tracker.size()).isEqualTo(1);
    advance(Duration.ofMinutes(1));
    assertThat(tracker.refresh()).isEmpty();
    assertThat(tracker.size()).isZero();
  }

  @Test
  void aRefreshKeepsWhatItListedForTwoIntervalsAsTheDescribeResponse() {
    String id = cluster(false);
    advance(Duration.ofSeconds(60));
    tracker.watch(seen(id, "w#1"));
    assertThat(tracker.seen(new Tracking.Resource(id, null))).isEmpty();
    tracker.refresh();
    JsonNode listed = tracker.seen(new Tracking.Resource(id, null)).orElseThrow();
    assertThat(listed.path("Cluster").path("Id").asText()).isEqualTo(id);
    assertThat(listed.path("Cluster").path("Status").path("State").asText())
        .isEqualTo(emr.describeCluster(r -> r.clusterId(id)).cluster().status().stateAsString());
    advance(Duration.ofSeconds(61));
    assertThat(tracker.seen(new Tracking.Resource(id, null))).as("older than two intervals").isEmpty();
  }

  @Test
  void aWatchThatSawNothingIsWokenByTheNextListingWhichKnowsItsState() {
    String id = cluster(false);
    advance(Duration.ofSeconds(60));
    tracker.watch(new Tracking.Watch("unseen#4", id, null, null, null));
    int describes = calls("DescribeCluster");
    assertThat(tracker.refresh()).containsExactly("unseen#4");
    assertThat(calls("DescribeCluster")).isEqualTo(describes);
    assertThat(tracker.seen(new Tracking.Resource(id, null))).isPresent();
  }

  @Test
  void endedClustersAreListedTooWhenEveryWatchedCreationTimeIsKnown() {
    String ending = cluster(false);
    advance(Duration.ofSeconds(400));
    tracker.watch(seen(ending, "ending#9"));
    emr.terminateJobFlows(r -> r.jobFlowIds(ending));
    advance(Duration.ofSeconds(120));
    assertThat(tracker.refresh()).containsExactly("ending#9");
    assertThat(tracker.seen(new Tracking.Resource(ending, null)).orElseThrow().path("Cluster").path("Status").path("State")
        .asText()).isEqualTo("TERMINATED");
  }

  @Test
  void stepsListedForAWaitAreKeptToo() {
    String id = cluster(true);
    String step = emr.listSteps(r -> r.clusterId(id)).steps().get(0).id();
    tracker.watch(new Tracking.Watch(id + "/" + step + "#5", id, step, null, null));
    assertThat(tracker.refresh()).containsExactly(id + "/" + step + "#5");
    assertThat(tracker.seen(new Tracking.Resource(id, step)).orElseThrow().path("Step").path("Status").path("State").asText())
        .isEqualTo("PENDING");
  }

  @Test
  void pollsAreDeferredOnlyWhileTheBudgetIsSpent() {
    CallBudget budget = new CallBudget(1);
    EmrTracker budgeted = new EmrTracker(new EmrOperations(EmrClients.forEndpoint(sim.endpoint())),
        key -> java.util.concurrent.CompletableFuture.completedFuture(null), now::get, Duration.ofSeconds(30),
        Duration.ofMinutes(10), budget);
    assertThat(budgeted.deferPoll()).isFalse();
    budget.take();
    assertThat(budgeted.deferPoll()).isTrue();
    assertThat(tracker.deferPoll()).as("no budget").isFalse();
  }

  @Test
  void aWakeWhosePublicationFailsLaterIsWatchedAgain() {
    String id = cluster(false);
    java.util.concurrent.CompletableFuture<Object> answer = new java.util.concurrent.CompletableFuture<>();
    EmrTracker async = new EmrTracker(new EmrOperations(EmrClients.forEndpoint(sim.endpoint())), key -> answer, now::get,
        Duration.ofSeconds(30), Duration.ofMinutes(10), new CallBudget(0));
    async.watch(seen(id, "late#1"));
    advance(Duration.ofSeconds(300));
    assertThat(async.refresh()).containsExactly("late#1");
    assertThat(async.size()).isZero();
    answer.completeExceptionally(new IllegalStateException("gateway unavailable"));
    assertThat(async.size()).isEqualTo(1);
  }
}
