package io.flowport.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.contract.Headers;
import io.flowport.contract.Vars;
import io.flowport.emr.EmrOperations;
import io.flowport.simulator.EmrClients;
import io.flowport.simulator.EmrSimulator;
import io.flowport.simulator.SimulatorConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.emr.EmrClient;

/** A DescribeCluster poll that leaves its wait pending hands the cluster to the tracker, against the simulator. */
class TrackedPollTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration FALLBACK = Duration.ofMinutes(10);

  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-04T10:00:00Z"));
  private final EmrSimulator sim = EmrSimulator.start(now::get, SimulatorConfig.defaults());
  private final EmrClient emr = EmrClients.forEndpoint(sim.endpoint());
  private final List<Tracking.Watch> watched = new ArrayList<>();
  private final List<String> forgotten = new ArrayList<>();
  /** What the tracker's last listing saw, by cluster; and whether the EMR call budget is spent. */
  private final Map<String, com.fasterxml.jackson.databind.JsonNode> listed = new HashMap<>();
  private boolean spent;
  private final Tracking tracking = new Tracking() {
    @Override
    public Optional<com.fasterxml.jackson.databind.JsonNode> seen(Resource resource) {
      return Optional.ofNullable(listed.get(resource.clusterId()));
    }

    @Override
    public boolean deferPoll() {
      return spent;
    }

    @Override
    public Optional<Duration> watch(Watch watch) {
      watched.add(watch);
      return Optional.of(FALLBACK);
    }

    @Override
    public void forget(String key) {
      forgotten.add(key);
    }
  };
  private final JobPipeline pipeline = new JobPipeline(Map.of("emr", new EmrOperations(EmrClients.forEndpoint(sim.endpoint()))),
      Mocks.NONE, now::get, CreateOnce.Settings.DEFAULT, Answers.NONE, tracking);

  @AfterEach
  void close() {
    emr.close();
    sim.close();
  }

  private String cluster() {
    return emr.runJobFlow(r -> r.name("c").releaseLabel("emr-7.1.0")
        .instances(i -> i.keepJobFlowAliveWhenNoSteps(true).instanceCount(1).masterInstanceType("m5.xlarge"))).jobFlowId();
  }

  private static Job poll(String cluster, long activation, Map<String, Object> vars, Map<String, String> extra) {
    Map<String, String> h = new HashMap<>(Map.of(Headers.DIALECT, "asl", Headers.WAIT_ROLE, "poll",
        Headers.REQUEST, "{\"ClusterId.$\": \"$.ClusterId\"}",
        Headers.ACCEPTORS, "[{\"matcher\": \"path\", \"argument\": \"Cluster.Status.State\", \"expected\": \"WAITING\", \"state\": \"success\"}]",
        Headers.FAILURE, "{\"error\": \"States.TaskFailed\", \"cause\": \"x\"}",
        Headers.ASL_STATE, "{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::elasticmapreduce:createCluster.sync\", \"End\": true}"));
    h.putAll(extra);
    ObjectNode v = JSON.createObjectNode();
    v.set(Vars.SYNC_RESULT, JSON.createObjectNode().put("ClusterId", cluster));
    vars.forEach((k, value) -> v.set(k, JSON.valueToTree(value)));
    return new Job("flowport.emr.DescribeCluster", h, v, "p", 1, "poll", activation, null);
  }

  @Test
  void aPendingPollWatchesTheClusterItSawAndWaitsForTheFallbackNext() {
    String id = cluster();
    Instant created = emr.describeCluster(r -> r.clusterId(id)).cluster().status().timeline().creationDateTime();
    now.set(now.get().plusSeconds(60));
    Outcome first = pipeline.emr(poll(id, 41, Map.of(Vars.WAIT_KEY, "none"), Map.of()), "DescribeCluster");
    assertThat(watched).containsExactly(new Tracking.Watch(id + "#41", id, null, "STARTING", created));
    assertThat(((Outcome.Complete) first).variables()).containsEntry(Vars.WAIT_KEY, id + "#41")
        .containsEntry(Vars.WAIT_DELAY, "PT10M").containsEntry(Vars.WAIT_STATE, "pending");

    // The next poll forgets the previous one's watch; at WAITING the wait is done and nothing is watched.
    now.set(now.get().plusSeconds(400));
    Outcome done = pipeline.emr(poll(id, 42, Map.of(Vars.WAIT_KEY, id + "#41", Vars.POLL_COUNT, 1), Map.of()), "DescribeCluster");
    assertThat(forgotten).contains(id + "#41");
    assertThat(((Outcome.Complete) done).variables()).containsEntry(Vars.WAIT_STATE, "success");
    assertThat(watched).hasSize(1);
  }

  @Test
  void pollsTheSourceCountsBecomeADeadlineThatTheFallbackNeverOversleeps() {
    String id = cluster();
    // 3 polls at 60 s: the last one is 120 s after the first.
    Map<String, String> counted = Map.of(Headers.POLL_DEADLINE, "PT120S", Headers.MAX_POLLS, "3",
        Headers.EXHAUSTED, "{\"error\": \"AirflowException\", \"cause\": \"Waiter error: max attempts reached\"}");
    Instant first = now.get();
    Outcome one = pipeline.emr(poll(id, 1, Map.of(), counted), "DescribeCluster");
    Map<String, Object> vars = ((Outcome.Complete) one).variables();
    assertThat(vars).containsEntry(Vars.WAIT_DEADLINE, first.plusSeconds(120).toString())
        .containsEntry(Vars.WAIT_DELAY, "PT2M");
    // Woken early by the tracker, the second poll is no attempt of the source's: no failure before the deadline.
    now.set(first.plusSeconds(10));
    Outcome two = pipeline.emr(poll(id, 2, Map.of(Vars.POLL_COUNT, 2, Vars.WAIT_DEADLINE, vars.get(Vars.WAIT_DEADLINE)), counted),
        "DescribeCluster");
    assertThat(((Outcome.Complete) two).variables()).containsEntry(Vars.WAIT_DELAY, "PT1M50S");
    now.set(first.plusSeconds(20));
    Outcome three = pipeline.emr(poll(id, 3, Map.of(Vars.POLL_COUNT, 2, Vars.WAIT_DEADLINE, vars.get(Vars.WAIT_DEADLINE)), counted),
        "DescribeCluster");
    assertThat(three).as("the third poll, 20 s in, is not the source's third attempt").isInstanceOf(Outcome.Complete.class);
    now.set(first.plusSeconds(120));
    Outcome last = pipeline.emr(poll(id, 4, Map.of(Vars.POLL_COUNT, 3, Vars.WAIT_DEADLINE, vars.get(Vars.WAIT_DEADLINE)), counted),
        "DescribeCluster");
    assertThat(last).isInstanceOf(Outcome.Error.class);
    assertThat(((Outcome.Error) last).code()).isEqualTo("AirflowException");
    assertThat(((Outcome.Error) last).message()).isEqualTo("Waiter error: max attempts reached");
  }

  @Test
  void aSensorWithExponentialBackoffWaitsItsBackoffWhenThatComesBeforeTheFallback() {
    String id = cluster();
    // Airflow's _get_next_poke_interval for "d#wait#2026-12-04 10:00:00+00:00#<poke>", worked out in Python:
    // poke_interval 120 s gives 104 s after poke 1 and 183 s after poke 2; after poke 5 (minimum 960 s) the fallback is sooner.
    Map<String, String> backoff = Map.of(Headers.AIRFLOW_DAG_ID, "d", Headers.AIRFLOW_TASK_ID, "wait",
        Headers.AIRFLOW_POKE_BACKOFF, "{\"poke_interval\": 120.0, \"timeout\": 86400.0, \"max_wait\": null}");
    Instant first = now.get();
    Map<String, Object> one = ((Outcome.Complete) pipeline.emr(poll(id, 1, Map.of(), backoff), "DescribeCluster")).variables();
    assertThat(one).containsEntry(Vars.POKE_START, first.toString()).containsEntry(Vars.WAIT_DELAY, "PT1M44S");
    now.set(first.plusSeconds(30));
    Map<String, Object> two = ((Outcome.Complete) pipeline.emr(poll(id, 2, Map.of(Vars.POLL_COUNT, 1,
        Vars.POKE_START, first.toString()), backoff), "DescribeCluster")).variables();
    assertThat(two).containsEntry(Vars.POKE_START, first.toString()).containsEntry(Vars.WAIT_DELAY, "PT3M3S");
    Map<String, Object> five = ((Outcome.Complete) pipeline.emr(poll(id, 5, Map.of(Vars.POLL_COUNT, 4,
        Vars.POKE_START, first.toString()), backoff), "DescribeCluster")).variables();
    assertThat(five).containsEntry(Vars.WAIT_DELAY, FALLBACK.toString());
  }

  private int describes() {
    return sim.calls().getOrDefault("DescribeCluster", 0);
  }

  private void list(String id, String state) {
    listed.put(id, JSON.createObjectNode().set("Cluster", JSON.createObjectNode().put("Id", id)
        .set("Status", JSON.createObjectNode().put("State", state)
            .set("Timeline", JSON.createObjectNode().put("CreationDateTime", "2026-12-04T09:59:00Z")))));
  }

  @Test
  void whatTheListingSawDecidesWithoutADescribe() {
    String id = cluster();
    list(id, "BOOTSTRAPPING");
    Outcome pending = pipeline.emr(poll(id, 7, Map.of(), Map.of()), "DescribeCluster");
    assertThat(describes()).isZero();
    assertThat(((Outcome.Complete) pending).variables()).containsEntry(Vars.WAIT_STATE, "pending").containsEntry(Vars.POLL_COUNT, 1);
    assertThat(watched).containsExactly(
        new Tracking.Watch(id + "#7", id, null, "BOOTSTRAPPING", Instant.parse("2026-12-04T09:59:00Z")));
    list(id, "WAITING");
    Outcome done = pipeline.emr(poll(id, 8, Map.of(Vars.POLL_COUNT, 1), Map.of()), "DescribeCluster");
    assertThat(describes()).isZero();
    assertThat(((Outcome.Complete) done).variables()).containsEntry(Vars.WAIT_STATE, "success");
  }

  @Test
  void aWaitWhoseResultIsTheResponseOrWhoseTextsReadMoreStillDescribes() {
    String id = cluster();
    list(id, "WAITING");
    pipeline.emr(poll(id, 9, Map.of(), Map.of(Headers.WAIT_OUTPUT, "response")), "DescribeCluster");
    assertThat(describes()).isEqualTo(1);
    pipeline.emr(poll(id, 10, Map.of(), Map.of(Headers.FAILURE,
        "{\"error\": \"States.TaskFailed\", \"cause\": \"{Cluster.Name} failed\"}")), "DescribeCluster");
    assertThat(describes()).as("a cause reading more than Id and Status needs the describe").isEqualTo(2);
  }

  @Test
  void withTheBudgetSpentAPollLeavesItsLookToTheNextListing() {
    String id = cluster();
    spent = true;
    Outcome deferred = pipeline.emr(poll(id, 11, Map.of(Vars.POLL_COUNT, 2), Map.of()), "DescribeCluster");
    assertThat(describes()).isZero();
    assertThat(watched).containsExactly(new Tracking.Watch(id + "#11", id, null, null, null));
    assertThat(((Outcome.Complete) deferred).variables()).containsEntry(Vars.WAIT_STATE, "pending")
        .containsEntry(Vars.POLL_COUNT, 2).containsEntry(Vars.WAIT_DELAY, "PT10M");
    // A listing that saw the cluster answers even while the budget is spent.
    list(id, "STARTING");
    pipeline.emr(poll(id, 12, Map.of(Vars.POLL_COUNT, 2), Map.of()), "DescribeCluster");
    assertThat(describes()).isZero();
    assertThat(watched.get(1).state()).isEqualTo("STARTING");
    spent = false;
    listed.clear();
    pipeline.emr(poll(id, 13, Map.of(Vars.POLL_COUNT, 3), Map.of()), "DescribeCluster");
    assertThat(describes()).isEqualTo(1);
  }
}
