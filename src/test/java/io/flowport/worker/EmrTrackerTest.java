package io.flowport.worker;

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
}
