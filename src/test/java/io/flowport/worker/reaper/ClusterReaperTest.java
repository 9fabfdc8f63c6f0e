package io.flowport.worker.reaper;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.emr.EmrOperations;
import io.flowport.runtime.EmrCall;
import io.flowport.simulator.EmrClients;
import io.flowport.simulator.EmrSimulator;
import io.flowport.simulator.SimulatorConfig;
import io.flowport.worker.reaper.InstanceStates.State;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.emr.EmrClient;
import software.amazon.awssdk.services.emr.model.ClusterState;
import software.amazon.awssdk.services.emr.model.Tag;

/**
 * The reaper's decisions, against the simulator over HTTP with the real SDK; only the instance
 * states are given by the test (the port the runtimes answer).
 */
class ClusterReaperTest {

  static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");

  private final AtomicReference<Instant> now = new AtomicReference<>(T0);
  private final Map<Long, State> instances = new HashMap<>();
  private final Map<String, Integer> calls = new TreeMap<>();
  private final List<String> log = new ArrayList<>();
  private EmrSimulator simulator;
  private EmrClient client;
  private ClusterReaper reaper;

  @BeforeEach
  void start() {
    simulator = EmrSimulator.start(now::get, SimulatorConfig.builder().build());
    client = EmrClients.forEndpoint(simulator.endpoint());
    EmrOperations operations = new EmrOperations(client);
    EmrCall counted = (api, request) -> {
      calls.merge(api, 1, Integer::sum);
      return operations.call(api, request);
    };
    InstanceStates states = keys -> {
      Map<Long, State> out = new HashMap<>();
      keys.forEach(k -> {
        if (instances.containsKey(k)) {
          out.put(k, instances.get(k));
        }
      });
      return out;
    };
    reaper = new ClusterReaper(counted, states, log::add);
  }

  @AfterEach
  void stop() {
    client.close();
    simulator.close();
  }

  private String cluster(boolean protectedCluster, Tag... tags) {
    return client.runJobFlow(r -> r.name("nightly").releaseLabel("emr-7.1.0")
        .instances(i -> i.keepJobFlowAliveWhenNoSteps(true).terminationProtected(protectedCluster)
            .instanceGroups(g -> g.instanceRole("MASTER").instanceType("m5.xlarge").instanceCount(1)))
        .tags(tags)).jobFlowId();
  }

  private static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }

  private static Tag owner(long instance) {
    return tag("flowport:process-instance", Long.toString(instance));
  }

  private ClusterState state(String id) {
    return client.describeCluster(r -> r.clusterId(id)).cluster().status().state();
  }

  private static boolean ending(ClusterState s) {
    return s == ClusterState.TERMINATING || s == ClusterState.TERMINATED;
  }

  @Test
  void terminatesOnlyTheClustersOfEndedInstancesThatAreNotKept() {
    instances.put(1L, State.ENDED);
    instances.put(2L, State.ACTIVE);
    instances.put(3L, State.ENDED);
    instances.put(4L, State.ENDED);
    String ended = cluster(false, owner(1));
    String endedKeepFalse = cluster(false, owner(1), tag("flowport:keep", "false"));
    String active = cluster(false, owner(2));
    String kept = cluster(false, owner(3), tag("flowport:keep", "true"));
    String protectedCluster = cluster(true, owner(4));
    String unknown = cluster(false, owner(5));
    String notOurs = cluster(false, tag("team", "data"));
    now.set(T0.plus(Duration.ofMinutes(10))); // all WAITING

    ClusterReaper.Sweep sweep = reaper.sweep();

    assertThat(sweep.terminated()).containsExactlyInAnyOrder(ended, endedKeepFalse);
    assertThat(sweep.kept()).containsExactly(kept);
    assertThat(sweep.protectedIds()).containsExactly(protectedCluster);
    assertThat(ending(state(ended))).isTrue();
    assertThat(ending(state(endedKeepFalse))).isTrue();
    for (String id : List.of(active, kept, protectedCluster, unknown, notOurs)) {
      assertThat(state(id)).as(id).isEqualTo(ClusterState.WAITING);
    }
    assertThat(log).anyMatch(l -> l.contains(protectedCluster) && l.contains("termination protected"));
  }

  @Test
  void metricsCountTerminatedClustersAndShowTheStuckOnes() {
    instances.put(1L, State.ENDED);
    cluster(false, owner(1));
    cluster(false, owner(1));
    cluster(true, owner(1));
    var registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    ReaperMetrics metrics = new ReaperMetrics(registry);

    metrics.accept(reaper.sweep());
    metrics.accept(reaper.sweep());

    assertThat(registry.get("flowport.reaper.terminated").counter().count()).isEqualTo(2.0);
    assertThat(registry.get("flowport.reaper.stuck").gauge().value()).isEqualTo(1.0);
  }

  @Test
  void anInstanceThatEndsLaterIsReapedAtTheNextSweepAndTagsAreReadOnce() {
    instances.put(1L, State.ACTIVE);
    String id = cluster(false, owner(1));
    String other = cluster(false, tag("team", "data"));
    assertThat(reaper.sweep().terminated()).isEmpty();
    assertThat(calls).containsEntry("DescribeCluster", 2);

    instances.put(1L, State.ENDED);
    ClusterReaper.Sweep sweep = reaper.sweep();

    assertThat(sweep.terminated()).containsExactly(id);
    // Owners come from the cache; only the cluster about to be terminated is read again.
    assertThat(sweep.described()).isEqualTo(1);
    assertThat(ending(state(id))).isTrue();
    assertThat(state(other)).isIn(ClusterState.STARTING, ClusterState.BOOTSTRAPPING, ClusterState.RUNNING,
        ClusterState.WAITING);
  }

  @Test
  void aKeepTagAddedAfterTheClusterWasSeenIsHonoured() {
    instances.put(1L, State.ACTIVE);
    String id = cluster(false, owner(1));
    reaper.sweep();
    client.addTags(r -> r.resourceId(id).tags(tag("flowport:keep", "yes")));
    instances.put(1L, State.ENDED);

    assertThat(reaper.sweep().kept()).containsExactly(id);
    assertThat(ending(state(id))).isFalse();
  }

  @Test
  void pagesThroughManyClustersAndTerminatesInBatches() {
    instances.put(7L, State.ENDED);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 73; i++) {
      ids.add(cluster(false, owner(7)));
    }

    ClusterReaper.Sweep sweep = reaper.sweep();

    assertThat(sweep.listed()).isEqualTo(73);
    assertThat(sweep.terminated()).containsExactlyInAnyOrderElementsOf(ids);
    // Each cluster is read when first seen and again just before it is terminated.
    assertThat(calls).containsEntry("ListClusters", 2).containsEntry("DescribeCluster", 146)
        .containsEntry("TerminateJobFlows", 8);
    assertThat(ids).allMatch(id -> ending(state(id)));
    // A second sweep finds nothing active left.
    assertThat(reaper.sweep().listed()).isZero();
  }
}
