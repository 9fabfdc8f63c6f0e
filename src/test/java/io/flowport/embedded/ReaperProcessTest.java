package io.flowport.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import io.flowport.ir.Workflow;
import io.flowport.runtime.CreateOnce;
import io.flowport.runtime.Mocks;
import io.flowport.simulator.EmrClients;
import io.flowport.simulator.SimulatorConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.emr.EmrClient;
import software.amazon.awssdk.services.emr.model.Cluster;
import software.amazon.awssdk.services.emr.model.ClusterState;
import software.amazon.awssdk.services.emr.model.ClusterSummary;
import software.amazon.awssdk.services.emr.model.Tag;

/**
 * Reliability test 7(c) and the reaper's keep options, on the in-memory engine with the real
 * workers and the simulator over HTTP: clusters of cancelled or ended instances are terminated by
 * the worker's reaper within one {@code flowport.reaper.interval} (default 5 min) of source time.
 */
@ZeebeProcessTest
class ReaperProcessTest {

  static final Duration INTERVAL = Duration.ofMinutes(5);
  /** The simulator's TERMINATING phase: EMR's own shutdown, after the reaper's call. */
  static final Duration SHUTDOWN = SimulatorConfig.builder().build().terminating();
  static final Path WAIT = Path.of("src/test/resources/asl/reaper_wait.asl.json");
  static final Path KEEP = Path.of("src/test/resources/asl/reaper_keep.asl.json");
  static final Path FAIL = Path.of("src/test/resources/asl/reaper_fail.asl.json");

  private ZeebeTestEngine engine;

  @Test
  @Timeout(120)
  void cancellingFiftyInstancesTerminatesAllTheirClustersWithinOneInterval() throws Exception {
    try (Harness h = new Harness(engine, SimulatorConfig.builder().build(), Mocks.NONE)) {
      List<Long> instances = startAll(h, Harness.convert(WAIT), 50);
      // Let the clusters come up and the reaper sweep twice while the instances still wait.
      h.runtime.clock().advance(Duration.ofMinutes(6));
      h.runtime.clock().advance(Duration.ofMinutes(6));
      Thread.sleep(1_000);
      Map<Long, Cluster> before = clusterOf(h, instances);
      assertThat(before.values()).allMatch(c -> c.status().state() == ClusterState.WAITING);

      long t0 = System.nanoTime();
      for (long instance : instances) {
        h.runtime.client().newCancelInstanceCommand(instance).send().join();
      }
      h.runtime.clock().advance(INTERVAL);
      awaitAll(h, instances, s -> s == ClusterState.TERMINATING || s == ClusterState.TERMINATED);
      long wallMs = Duration.ofNanos(System.nanoTime() - t0).toMillis();
      h.runtime.clock().advance(SHUTDOWN);

      Map<Long, Cluster> after = clusterOf(h, instances);
      assertThat(after.values()).allSatisfy(c -> {
        assertThat(c.status().state()).isEqualTo(ClusterState.TERMINATED);
        assertThat(c.status().stateChangeReason().codeAsString()).isEqualTo("USER_REQUEST");
      });
      System.out.printf("7c: 50 cancelled instances, 50 clusters terminated %d ms wall after the cancels; EMR calls %s%n",
          wallMs, h.runtime.simulator().calls());
    }
  }

  @Test
  @Timeout(60)
  void aKeptClusterOutlivesItsInstanceAndAFailedExecutionsClusterDoesNot() throws Exception {
    try (Harness h = new Harness(engine, SimulatorConfig.builder().build(), Mocks.NONE)) {
      long kept = h.start(Harness.convert(KEEP), Map.of("input", Map.of()));
      long failed = h.start(Harness.convert(FAIL), Map.of("input", Map.of()));
      long waiting = h.start(Harness.convert(WAIT), Map.of("input", Map.of()));
      h.settleAll();
      assertThat(h.ended(kept)).isTrue();
      assertThat(h.ended(failed)).isTrue();
      assertThat(h.variables(failed).get("error").asText()).isEqualTo("Etl.Broken");

      h.runtime.clock().advance(INTERVAL);
      awaitAll(h, List.of(failed), s -> s == ClusterState.TERMINATING || s == ClusterState.TERMINATED);
      h.runtime.clock().advance(INTERVAL);
      Thread.sleep(1_000); // a few ticks of the reaper after the second interval

      Map<Long, Cluster> clusters = clusterOf(h, List.of(kept, failed, waiting));
      assertThat(clusters.get(kept).status().state()).isNotIn(ClusterState.TERMINATING, ClusterState.TERMINATED);
      assertThat(clusters.get(waiting).status().state()).isNotIn(ClusterState.TERMINATING, ClusterState.TERMINATED);
      assertThat(clusters.get(failed).status().stateChangeReason().codeAsString()).isEqualTo("USER_REQUEST");
    }
  }

  @Test
  @Timeout(60)
  void withTheReaperOffNothingIsTerminated() throws Exception {
    try (Harness h = new Harness(engine, SimulatorConfig.builder().build(), Mocks.NONE,
        Map.of("flowport.reaper.enabled", "false"))) {
      List<Long> instances = startAll(h, Harness.convert(WAIT), 5);
      h.runtime.clock().advance(Duration.ofMinutes(6));
      for (long instance : instances) {
        h.runtime.client().newCancelInstanceCommand(instance).send().join();
      }
      h.runtime.clock().advance(INTERVAL);
      h.runtime.clock().advance(INTERVAL);
      Thread.sleep(1_500); // several reaper ticks, had there been a reaper

      assertThat(instances).allMatch(h::ended);
      assertThat(clusterOf(h, instances).values()).allMatch(c -> c.status().state() == ClusterState.WAITING);
      assertThat(h.runtime.simulator().calls()).doesNotContainKey("TerminateJobFlows");
    }
  }

  private static List<Long> startAll(Harness h, Workflow wf, int n) throws Exception {
    List<Long> instances = new ArrayList<>();
    instances.add(h.start(wf, Map.of("input", Map.of())));
    for (int i = 1; i < n; i++) {
      instances.add(h.runtime.client().newCreateInstanceCommand().bpmnProcessId(wf.id()).latestVersion()
          .variables(Map.of("input", Map.of())).send().join().getProcessInstanceKey());
    }
    h.settleAll();
    return instances;
  }

  /** Waits (up to 10 s wall: the reaper looks at the clock every 200 ms) until every instance's cluster is in such a state. */
  private static void awaitAll(Harness h, List<Long> instances, java.util.function.Predicate<ClusterState> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    Map<Long, Cluster> clusters = clusterOf(h, instances);
    while (!clusters.values().stream().allMatch(c -> done.test(c.status().state())) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      clusters = clusterOf(h, instances);
    }
    assertThat(clusters.values()).as("clusters after one reaper interval")
        .allSatisfy(c -> assertThat(done.test(c.status().state())).as(c.id() + " " + c.status().state()).isTrue());
  }

  /** Each instance's one cluster, found by flowport's process-instance tag. */
  private static Map<Long, Cluster> clusterOf(Harness h, List<Long> instances) {
    Map<Long, Cluster> out = new TreeMap<>();
    try (EmrClient emr = EmrClients.forEndpoint(h.runtime.simulator().endpoint())) {
      for (ClusterSummary s : emr.listClustersPaginator(r -> {}).clusters()) {
        Cluster c = emr.describeCluster(r -> r.clusterId(s.id())).cluster();
        c.tags().stream().filter(t -> t.key().equals(CreateOnce.PROCESS_INSTANCE)).map(Tag::value).findFirst()
            .map(Long::parseLong).filter(instances::contains)
            .ifPresent(key -> assertThat(out.put(key, c)).as("one cluster per instance").isNull());
      }
    }
    assertThat(out.keySet()).containsExactlyInAnyOrderElementsOf(instances);
    return out;
  }
}
