package io.flowport.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.emr.EmrOperations;
import io.flowport.simulator.EmrClients;
import io.flowport.simulator.EmrSimulator;
import io.flowport.simulator.FaultRule;
import io.flowport.simulator.SimulatorConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.emr.EmrClient;

/** RunJobFlow and AddJobFlowSteps repeated for one task activation, against the simulator. */
class CreateOnceTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");
  static final String CLUSTER =
      """
      {"Name": "nightly", "ReleaseLabel": "emr-7.1.0", "Tags": [{"Key": "team", "Value": "data"}],
       "Instances": {"InstanceGroups": [{"InstanceRole": "MASTER", "InstanceCount": 1,
                     "InstanceType": "m5.xlarge"}], "KeepJobFlowAliveWhenNoSteps": true}}""";
  static final String STEP =
      """
      {"Name": "load", "ActionOnFailure": "CONTINUE",
       "HadoopJarStep": {"Jar": "command-runner.jar", "Args": ["spark-submit", "s3://code/load.py"]}}""";

  private final AtomicReference<Instant> now = new AtomicReference<>(T0);
  private final Map<String, Integer> calls = new java.util.concurrent.ConcurrentSkipListMap<>();
  private EmrSimulator simulator;
  private EmrClient client;
  private EmrCall emr;

  private CreateOnce start(SimulatorConfig config, CreateOnce.Settings settings) {
    simulator = EmrSimulator.start(now::get, config);
    client = EmrClients.forEndpoint(simulator.endpoint());
    EmrOperations operations = new EmrOperations(client);
    emr = (api, request) -> {
      calls.merge(api, 1, Integer::sum);
      return operations.call(api, request);
    };
    return new CreateOnce(emr, settings, now::get);
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
      simulator.close();
    }
  }

  static Job job(long elementInstanceKey) {
    return new Job("flowport.emr.RunJobFlow", Map.of(), JSON.createObjectNode(), "p", 7, "Create", elementInstanceKey, null);
  }

  @Test
  void tagsNameTheActivationAndKeepTheUsersOwn() throws Exception {
    ObjectNode request = (ObjectNode) JSON.readTree(CLUSTER);
    request.withArray("Tags").addObject().put("Key", CreateOnce.ELEMENT).put("Value", "mine");

    ObjectNode tagged = CreateOnce.tagged(job(42), request);

    assertThat(tagged.get("Tags").toString()).isEqualTo("[{\"Key\":\"team\",\"Value\":\"data\"},"
        + "{\"Key\":\"flowport:element\",\"Value\":\"mine\"},"
        + "{\"Key\":\"flowport:process-instance\",\"Value\":\"7\"},"
        + "{\"Key\":\"flowport:run-key\",\"Value\":\"42\"}]");
    assertThat(request.get("Tags")).hasSize(2);
  }

  @Test
  void anUnknownOrIllTypedFieldStillFailsNamingTheField() throws Exception {
    CreateOnce once = start(SimulatorConfig.defaults(), CreateOnce.Settings.DEFAULT);

    assertThatThrownBy(() -> once.call(job(42), "RunJobFlow", JSON.readTree(CLUSTER.replace("ReleaseLabel", "Release"))))
        .isInstanceOfSatisfying(EmrCall.ServiceException.class, e -> assertThat(e.code()).isEqualTo("ValidationException"))
        .hasMessageContaining("'Release'");
    assertThatThrownBy(() -> once.call(job(42), "RunJobFlow", JSON.readTree(CLUSTER.replace("[{\"Key\": \"team\", \"Value\": \"data\"}]", "{\"team\": \"data\"}"))))
        .isInstanceOf(EmrCall.ServiceException.class)
        .hasMessageContaining("Tags");
    assertThat(simulator.calls()).doesNotContainKey("RunJobFlow");
  }

  @Test
  void aLostAnswerIsFoundByTheNextDeliveryAndANewActivationCreatesAgain() throws Exception {
    CreateOnce once = start(lose("RunJobFlow", 1), CreateOnce.Settings.DEFAULT);

    assertThatThrownBy(() -> once.call(job(42), "RunJobFlow", JSON.readTree(CLUSTER)))
        .isInstanceOfSatisfying(EmrCall.ServiceException.class, e -> assertThat(e.retryable()).isTrue());
    now.set(T0.plusSeconds(30));
    JsonNode again = once.call(job(42), "RunJobFlow", JSON.readTree(CLUSTER));
    JsonNode retried = once.call(job(43), "RunJobFlow", JSON.readTree(CLUSTER));

    JsonNode clusters = emr.call("ListClusters", JSON.createObjectNode()).get("Clusters");
    assertThat(clusters).hasSize(2);
    assertThat(again.get("JobFlowId").asText()).isEqualTo(clusters.get(1).get("Id").asText());
    assertThat(again.get("ClusterArn").asText()).isEqualTo(clusters.get(1).get("ClusterArn").asText());
    assertThat(retried.get("JobFlowId").asText()).isEqualTo(clusters.get(0).get("Id").asText());
    JsonNode tags = emr.call("DescribeCluster", JSON.createObjectNode().put("ClusterId", again.get("JobFlowId").asText()))
        .at("/Cluster/Tags");
    assertThat(tags.toString()).contains("\"team\"", "{\"Key\":\"flowport:run-key\",\"Value\":\"42\"}");
  }

  @Test
  void withoutTheLookupALostAnswerMakesASecondCluster() throws Exception {
    CreateOnce once = start(lose("RunJobFlow", 1), new CreateOnce.Settings(false, Duration.ofHours(24), Duration.ZERO));

    assertThatThrownBy(() -> once.call(job(42), "RunJobFlow", JSON.readTree(CLUSTER)));
    once.call(job(42), "RunJobFlow", JSON.readTree(CLUSTER));

    assertThat(emr.call("ListClusters", JSON.createObjectNode()).get("Clusters")).hasSize(2);
  }

  @Test
  void theLookupCostsOneListClustersPageAndOneDescribePerUnseenClusterOfTheName() throws Exception {
    CreateOnce once = start(SimulatorConfig.defaults(), CreateOnce.Settings.DEFAULT);
    for (int i = 0; i < 60; i++) {
      now.set(T0.plusSeconds(i));
      once.call(job(100 + i), "RunJobFlow", JSON.readTree(i % 2 == 0 ? CLUSTER : CLUSTER.replace("nightly", "other")));
    }
    // 60 creates; the n-th saw n-1 clusters, those of its name were described once each, then cached.
    assertThat(calls).containsEntry("RunJobFlow", 60).containsEntry("DescribeCluster", 29 + 29)
        .containsEntry("ListClusters", 60 + 9);
    calls.clear();

    once.call(job(100), "RunJobFlow", JSON.readTree(CLUSTER));

    // The oldest cluster is on the second page; the newest of its name had not been described yet.
    assertThat(calls).isEqualTo(Map.of("ListClusters", 2, "DescribeCluster", 1));
  }

  @Test
  void clustersOlderThanTheLookbackAreNotLookedAt() throws Exception {
    CreateOnce once = start(SimulatorConfig.defaults(), new CreateOnce.Settings(true, Duration.ofHours(1), Duration.ZERO));
    once.call(job(42), "RunJobFlow", JSON.readTree(CLUSTER));
    now.set(T0.plus(Duration.ofHours(2)));

    once.call(job(42), "RunJobFlow", JSON.readTree(CLUSTER));

    assertThat(calls).containsEntry("RunJobFlow", 2);
  }

  /** A job of a task entered at {@code started}, as the generated processes record it. */
  static Job started(long elementInstanceKey, Instant started) {
    ObjectNode vars = JSON.createObjectNode().put(io.flowport.contract.Vars.CREATE_START_TIME, started.toString());
    return new Job("flowport.emr.RunJobFlow", Map.of(), vars, "p", 7, "Create", elementInstanceKey, null);
  }

  @Test
  void aTaskThatRecordsItsStartLooksOnlyAtClustersMadeSinceThen() throws Exception {
    CreateOnce once = start(SimulatorConfig.defaults(), CreateOnce.Settings.DEFAULT);
    // An account busy with clusters of the same name, made an hour before the task starts.
    for (int i = 0; i < 120; i++) {
      emr.call("RunJobFlow", JSON.readTree(CLUSTER));
    }
    now.set(T0.plus(Duration.ofHours(1)));
    Job job = started(42, now.get());
    calls.clear();

    JsonNode first = once.call(job, "RunJobFlow", JSON.readTree(CLUSTER));
    assertThat(calls).isEqualTo(Map.of("ListClusters", 1, "RunJobFlow", 1));
    calls.clear();
    // The same job again (its answer was lost, or its worker stopped before completing it).
    now.set(now.get().plusSeconds(30));
    JsonNode again = once.call(job, "RunJobFlow", JSON.readTree(CLUSTER));

    assertThat(again.get("JobFlowId")).isEqualTo(first.get("JobFlowId"));
    assertThat(calls).isEqualTo(Map.of("ListClusters", 1, "DescribeCluster", 1));
  }

  @Test
  void withoutTheStartTheLookupPagesThroughTheLookback() throws Exception {
    CreateOnce once = start(SimulatorConfig.defaults(), CreateOnce.Settings.DEFAULT);
    for (int i = 0; i < 120; i++) {
      emr.call("RunJobFlow", JSON.readTree(CLUSTER));
    }
    now.set(T0.plus(Duration.ofHours(1)));
    calls.clear();

    once.call(job(42), "RunJobFlow", JSON.readTree(CLUSTER));

    // A process converted by an older flowport: all 120 are candidates, on 3 pages of 50.
    assertThat(calls).isEqualTo(Map.of("ListClusters", 3, "DescribeCluster", 120, "RunJobFlow", 1));
  }

  @Test
  void aDeliveryLaterThanTheLookbackStillFindsItsCluster() throws Exception {
    // An incident an operator resolves days later: the task's start, not the lookback, bounds the lookup.
    CreateOnce once = start(lose("RunJobFlow", 1), new CreateOnce.Settings(true, Duration.ofHours(24), Duration.ZERO));
    Job job = started(42, T0);
    assertThatThrownBy(() -> once.call(job, "RunJobFlow", JSON.readTree(CLUSTER))).isInstanceOf(EmrCall.ServiceException.class);
    now.set(T0.plus(Duration.ofDays(3)));

    once.call(job, "RunJobFlow", JSON.readTree(CLUSTER));

    assertThat(calls).containsEntry("RunJobFlow", 1);
  }

  @Test
  void theClockSkewMarginCoversAnEngineClockAheadOfEmrs() throws Exception {
    CreateOnce once = start(lose("RunJobFlow", 1), CreateOnce.Settings.DEFAULT);
    // The engine's clock is 2 minutes ahead of EMR's: the task "started" after its cluster was made.
    Job job = started(42, T0.plus(Duration.ofMinutes(2)));
    assertThatThrownBy(() -> once.call(job, "RunJobFlow", JSON.readTree(CLUSTER))).isInstanceOf(EmrCall.ServiceException.class);
    now.set(T0.plusSeconds(30));

    once.call(job, "RunJobFlow", JSON.readTree(CLUSTER));
    assertThat(calls).containsEntry("RunJobFlow", 1);
    // With a margin too small for that skew, the lookup misses it.
    CreateOnce tight = new CreateOnce(emr, new CreateOnce.Settings(true, Duration.ofHours(24), Duration.ZERO, Duration.ofMinutes(1)), now::get);
    tight.call(job, "RunJobFlow", JSON.readTree(CLUSTER));
    assertThat(calls).containsEntry("RunJobFlow", 2);
  }

  @Test
  void createsThatStartTogetherShareTheirListings() throws Exception {
    // Each listing takes 300 ms: the lookups that come meanwhile wait for the next one, together.
    CreateOnce once = start(SimulatorConfig.builder()
        .latency(io.flowport.simulator.LatencyRule.fixed("ListClusters", Duration.ofMillis(300))).build(), CreateOnce.Settings.DEFAULT);
    int creates = 8;
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    java.util.List<java.util.concurrent.Future<JsonNode>> made = new java.util.ArrayList<>();
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(creates)) {
      for (int i = 0; i < creates; i++) {
        Job job = started(200 + i, T0);
        made.add(pool.submit(() -> {
          go.await();
          return once.call(job, "RunJobFlow", JSON.readTree(CLUSTER));
        }));
      }
      go.countDown();
      for (var f : made) {
        f.get();
      }
      // Every job delivered again (all answers lost, say), again all at once.
      made.clear();
      java.util.concurrent.CountDownLatch again = new java.util.concurrent.CountDownLatch(1);
      for (int i = 0; i < creates; i++) {
        Job job = started(200 + i, T0);
        made.add(pool.submit(() -> {
          again.await();
          return once.call(job, "RunJobFlow", JSON.readTree(CLUSTER));
        }));
      }
      again.countDown();
      java.util.Set<String> found = new java.util.HashSet<>();
      for (var f : made) {
        found.add(f.get().get("JobFlowId").asText());
      }
      assertThat(found).as("each repeat finds its own cluster").hasSize(creates);
    }

    assertThat(simulator.calls()).containsEntry("RunJobFlow", creates);
    // About two listings per round (the first lookup's, then one for all that came during it; a
    // thread late by more than a listing makes a third), where each lookup listing alone makes 16.
    assertThat(simulator.calls().get("ListClusters")).isBetween(2, 6);
  }

  @Test
  void aStartThatIsNotATimeFallsBackToTheLookback() {
    CreateOnce once = new CreateOnce((api, request) -> {
      throw new AssertionError("no call");
    }, CreateOnce.Settings.DEFAULT, now::get);
    ObjectNode vars = JSON.createObjectNode().put(io.flowport.contract.Vars.CREATE_START_TIME, "yesterday");
    Job job = new Job("flowport.emr.RunJobFlow", Map.of(), vars, "p", 7, "Create", 42, null);

    assertThat(once.createdAfter(job)).isEqualTo(T0.minus(Duration.ofHours(24)));
    assertThat(once.createdAfter(started(42, T0.minusSeconds(10)))).isEqualTo(T0.minusSeconds(10).minus(Duration.ofMinutes(5)));
  }

  @Test
  void noCreateCloseToTheJobsDeadline() throws Exception {
    CreateOnce once = start(SimulatorConfig.defaults(), CreateOnce.Settings.DEFAULT);
    Job late = new Job("flowport.emr.RunJobFlow", Map.of(), JSON.createObjectNode(), "p", 7, "Create", 42,
        T0.plusSeconds(10));

    assertThatThrownBy(() -> once.call(late, "RunJobFlow", JSON.readTree(CLUSTER)))
        .isInstanceOfSatisfying(EmrCall.ServiceException.class, e -> assertThat(e.retryable()).isTrue())
        .hasMessageContaining("deadline");
    assertThat(calls).doesNotContainKey("RunJobFlow");
  }

  @Test
  void aLostAddJobFlowStepsAnswerIsFoundByTheNextDelivery() throws Exception {
    CreateOnce once = start(lose("AddJobFlowSteps", 1), CreateOnce.Settings.DEFAULT);
    // The cluster starts with a step like the first one to add: it is older, so not taken for it.
    ObjectNode withStep = (ObjectNode) JSON.readTree(CLUSTER);
    withStep.putArray("Steps").add(JSON.readTree(STEP));
    String cluster = once.call(job(1), "RunJobFlow", withStep).get("JobFlowId").asText();
    JsonNode add = JSON.createObjectNode().put("JobFlowId", cluster).set("Steps", JSON.createArrayNode()
        .add(JSON.readTree(STEP)).add(JSON.readTree(STEP.replace("load", "report"))));

    assertThatThrownBy(() -> once.call(job(2), "AddJobFlowSteps", add)).isInstanceOf(EmrCall.ServiceException.class);
    JsonNode again = once.call(job(2), "AddJobFlowSteps", add);
    JsonNode next = once.call(job(3), "AddJobFlowSteps", add);

    JsonNode steps = emr.call("ListSteps", JSON.createObjectNode().put("ClusterId", cluster)).get("Steps");
    assertThat(steps).hasSize(5); // 1 at the start, then 2 per activation
    assertThat(again.get("StepIds")).hasSize(2);
    assertThat(again.get("StepIds").get(0).asText()).isEqualTo(steps.get(3).get("Id").asText());
    assertThat(again.get("StepIds").get(1).asText()).isEqualTo(steps.get(2).get("Id").asText());
    assertThat(next.get("StepIds").get(0).asText()).isEqualTo(steps.get(1).get("Id").asText());
    JsonNode tags = emr.call("DescribeCluster", JSON.createObjectNode().put("ClusterId", cluster)).at("/Cluster/Tags");
    assertThat(tags.toString()).doesNotContain(StepsOnce.TAG_PREFIX);
  }

  @Test
  void withoutTheLookupALostAddJobFlowStepsAnswerAddsTheStepsTwice() throws Exception {
    CreateOnce once = start(lose("AddJobFlowSteps", 1), new CreateOnce.Settings(false, Duration.ofHours(24), Duration.ZERO));
    String cluster = once.call(job(1), "RunJobFlow", JSON.readTree(CLUSTER)).get("JobFlowId").asText();
    JsonNode add = JSON.createObjectNode().put("JobFlowId", cluster).set("Steps", JSON.createArrayNode().add(JSON.readTree(STEP)));

    assertThatThrownBy(() -> once.call(job(2), "AddJobFlowSteps", add));
    once.call(job(2), "AddJobFlowSteps", add);

    assertThat(emr.call("ListSteps", JSON.createObjectNode().put("ClusterId", cluster)).get("Steps")).hasSize(2);
  }

  @Test
  void addJobFlowStepsCostsFourExtraCalls() throws Exception {
    CreateOnce once = start(SimulatorConfig.defaults(), CreateOnce.Settings.DEFAULT);
    String cluster = once.call(job(1), "RunJobFlow", JSON.readTree(CLUSTER)).get("JobFlowId").asText();
    calls.clear();

    once.call(job(2), "AddJobFlowSteps", JSON.createObjectNode().put("JobFlowId", cluster)
        .set("Steps", JSON.createArrayNode().add(JSON.readTree(STEP))));

    assertThat(calls).isEqualTo(Map.of("DescribeCluster", 1, "ListSteps", 1, "AddTags", 1, "AddJobFlowSteps", 1,
        "RemoveTags", 1));
  }

  @Test
  void aBadClusterIdGetsAddJobFlowStepsOwnError() throws Exception {
    CreateOnce once = start(SimulatorConfig.defaults(), CreateOnce.Settings.DEFAULT);

    assertThatThrownBy(() -> once.call(job(2), "AddJobFlowSteps", JSON.createObjectNode().put("JobFlowId", "j-NOSUCH")
        .set("Steps", JSON.createArrayNode().add(JSON.readTree(STEP)))))
        .isInstanceOfSatisfying(EmrCall.ServiceException.class, e -> assertThat(e.code()).isEqualTo("ValidationException"))
        .hasMessageContaining("Specified job flow ID not valid");
  }

  private static SimulatorConfig lose(String api, int first) {
    return SimulatorConfig.builder().fault(new FaultRule(api, FaultRule.Answer.DROP, first, null)).build();
  }
}
