package io.flowport.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static software.amazon.awssdk.services.emr.model.ActionOnFailure.CONTINUE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.emr.EmrClient;
import software.amazon.awssdk.services.emr.model.ClusterState;
import software.amazon.awssdk.services.emr.model.ClusterSummary;
import software.amazon.awssdk.services.emr.model.EmrException;
import software.amazon.awssdk.services.emr.model.InvalidRequestException;
import software.amazon.awssdk.services.emr.model.ListClustersResponse;
import software.amazon.awssdk.services.emr.model.RunJobFlowRequest;
import software.amazon.awssdk.services.emr.model.Tag;

class EmrApiTest extends SimulatorTestBase {

  @Test
  void terminationProtectionBlocksTerminateJobFlowsUntilLifted() {
    start(SimulatorConfig.defaults());
    String guarded = run(cluster("guarded", true).instances(instances(true, true)));
    String open = run(cluster("open", true));
    at(360);
    assertThat(describe(guarded).terminationProtected()).isTrue();

    assertThatThrownBy(() -> emr.terminateJobFlows(r -> r.jobFlowIds(guarded, open)))
        .isInstanceOfSatisfying(
            EmrException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
              assertThat(e.awsErrorDetails().errorMessage())
                  .isEqualTo(
                      "Could not shut down one or more job flows since they are termination protected.");
            });
    // As on EMR, the unprotected cluster in the same call is terminated all the same.
    assertThat(describe(guarded).status().state()).isEqualTo(ClusterState.WAITING);
    assertThat(describe(open).status().state()).isEqualTo(ClusterState.TERMINATING);

    emr.setTerminationProtection(r -> r.jobFlowIds(guarded).terminationProtected(false));
    assertThat(describe(guarded).terminationProtected()).isFalse();
    emr.terminateJobFlows(r -> r.jobFlowIds(guarded));
    assertThat(describe(guarded).status().state()).isEqualTo(ClusterState.TERMINATING);
  }

  @Test
  void listClustersFiltersByStateAndCreationTime() {
    start(SimulatorConfig.defaults());
    String early = run(cluster("early", true));
    at(100);
    String middle = run(cluster("middle", true));
    at(200);
    String late = run(cluster("late", true));
    emr.terminateJobFlows(r -> r.jobFlowIds(middle));
    at(500); // early WAITING, middle TERMINATED, late BOOTSTRAPPING

    assertThat(
            ids(
                emr.listClusters(
                    r -> r.clusterStates(ClusterState.WAITING, ClusterState.BOOTSTRAPPING))))
        .containsExactly(late, early);
    assertThat(ids(emr.listClusters(r -> r.clusterStates(ClusterState.TERMINATED))))
        .containsExactly(middle);
    assertThat(ids(emr.listClusters(r -> r.createdAfter(T0.plusSeconds(100)))))
        .containsExactly(late, middle);
    assertThat(ids(emr.listClusters(r -> r.createdBefore(T0.plusSeconds(100)))))
        .containsExactly(middle, early);
    ClusterSummary summary = emr.listClusters(r -> r.createdBefore(T0)).clusters().get(0);
    assertThat(summary.name()).isEqualTo("early");
    assertThat(summary.status().state()).isEqualTo(ClusterState.WAITING);
    assertThat(summary.clusterArn()).endsWith(":cluster/" + early);
  }

  @Test
  void listClustersPagesFiftyAtATimeNewestFirst() {
    start(SimulatorConfig.defaults());
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      at(i);
      created.add(run(cluster("c" + i, true)));
    }

    ListClustersResponse first =
        emr.listClusters(
            r ->
                r.clusterStates(
                    ClusterState.STARTING, ClusterState.BOOTSTRAPPING, ClusterState.WAITING));
    assertThat(first.clusters()).hasSize(50);
    assertThat(first.marker()).isNotNull();
    assertThat(first.clusters().get(0).id()).isEqualTo(created.get(119));

    List<String> all =
        emr
            .listClustersPaginator(
                r ->
                    r.clusterStates(
                        ClusterState.STARTING, ClusterState.BOOTSTRAPPING, ClusterState.WAITING))
            .clusters()
            .stream()
            .map(ClusterSummary::id)
            .toList();
    assertThat(all).containsExactlyElementsOf(created.reversed());
    assertThat(emr.listClustersPaginator(r -> r.clusterStates(ClusterState.STARTING)).stream())
        .hasSize(3);
  }

  @Test
  void unknownClusterIdIsAnInvalidRequest() {
    start(SimulatorConfig.defaults());

    assertThatThrownBy(() -> describe("j-3NOSUCHCLUST3R"))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.awsErrorDetails().errorMessage())
                  .isEqualTo("Cluster id 'j-3NOSUCHCLUST3R' is not valid.");
            });
    assertThatThrownBy(
            () ->
                emr.addJobFlowSteps(
                    r -> r.jobFlowId("j-3NOSUCHCLUST3R").steps(step("x", CONTINUE))))
        .isInstanceOfSatisfying(
            EmrException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"))
        .hasMessageStartingWith("Specified job flow ID not valid");
  }

  @Test
  void unknownStepIdIsAnInvalidRequest() {
    start(SimulatorConfig.defaults());
    String id = run(cluster("c", true));

    assertThatThrownBy(() -> describeStep(id, "s-NOSUCHSTEP"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith("Step id 's-NOSUCHSTEP' is not valid.");
  }

  @Test
  void missingRequiredMembersAreReportedTogether() {
    start(SimulatorConfig.defaults());

    assertThatThrownBy(
            () -> emr.runJobFlow(RunJobFlowRequest.builder().releaseLabel("emr-7.1.0").build()))
        .isInstanceOfSatisfying(
            EmrException.class,
            e -> {
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
              assertThat(e.awsErrorDetails().errorMessage())
                  .isEqualTo(
                      "2 validation errors detected: "
                          + "Value null at 'name' failed to satisfy constraint: Member must not be null; "
                          + "Value null at 'instances' failed to satisfy constraint: Member must not be null");
            });
  }

  @Test
  void stepsCannotBeAddedToAnEndingCluster() {
    start(SimulatorConfig.defaults());
    String id = run(cluster("c", true));
    emr.terminateJobFlows(r -> r.jobFlowIds(id));

    assertThatThrownBy(
            () -> emr.addJobFlowSteps(r -> r.jobFlowId(id).steps(step("late", CONTINUE))))
        .isInstanceOf(EmrException.class)
        .hasMessageStartingWith(
            "A job flow that is shutting down, terminated, or finished may not be modified.");
  }

  @Test
  void tagsLiveOnTheClusterAndShowInDescribeCluster() {
    start(SimulatorConfig.defaults());
    String id = run(cluster("tagged", true).tags(Tag.builder().key("team").value("data").build()));

    emr.addTags(
        r ->
            r.resourceId(id)
                .tags(t -> t.key("env").value("dev"), t -> t.key("team").value("platform")));
    emr.removeTags(r -> r.resourceId(id).tagKeys("env"));

    Map<String, String> tags =
        describe(id).tags().stream().collect(Collectors.toMap(Tag::key, Tag::value));
    assertThat(tags).containsExactly(Map.entry("team", "platform"));
  }

  @Test
  void throttledOperationGivesThrottlingException() {
    start(SimulatorConfig.builder().throttle(new ThrottleRule("DescribeCluster", 3)).build());
    String id = run(cluster("c", true));
    try (EmrClient noRetries =
        EmrClients.builderFor(simulator.endpoint())
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .build()) {
      noRetries.describeCluster(r -> r.clusterId(id));
      noRetries.describeCluster(r -> r.clusterId(id));

      assertThatThrownBy(() -> noRetries.describeCluster(r -> r.clusterId(id)))
          .isInstanceOfSatisfying(
              EmrException.class,
              e -> {
                assertThat(e.isThrottlingException()).isTrue();
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
              });
      // Other operations are not counted.
      noRetries.listClusters();
      noRetries.describeCluster(r -> r.clusterId(id));
    }
    // The default client retries a throttle, as it would against EMR (calls 5 and 6: 6 is
    // throttled).
    assertThat(describe(id).id()).isEqualTo(id);
    assertThat(describe(id).id()).isEqualTo(id);
  }

  @Test
  void lostAnswerIsPerformedThenDroppedOrAnswered500() {
    start(
        SimulatorConfig.builder()
            .fault(new FaultRule("RunJobFlow", FaultRule.Answer.DROP, 1, null))
            .fault(new FaultRule("RunJobFlow", FaultRule.Answer.ERROR, 2, null))
            .build());
    try (EmrClient once = noRetries()) {
      // First answer: dropped; second: 500 (the drop rule covers only the first); third: given.
      assertThatThrownBy(() -> once.runJobFlow(cluster("a", true).build()))
          .isInstanceOf(SdkClientException.class);
      assertThatThrownBy(() -> once.runJobFlow(cluster("b", true).build()))
          .isInstanceOfSatisfying(
              EmrException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(500);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalServerError");
              });
      String c = once.runJobFlow(cluster("c", true).build()).jobFlowId();

      // Each call was performed although two answers were lost.
      assertThat(emr.listClusters().clusters())
          .extracting(ClusterSummary::name)
          .containsExactly("c", "b", "a");
      assertThat(describe(c).name()).isEqualTo("c");
    }
  }

  @Test
  void sdkRetryOfALostAnswerCreatesASecondCluster() {
    // Why RunJobFlow must not be retried blindly: the default client resends it.
    start(
        SimulatorConfig.builder()
            .fault(new FaultRule("RunJobFlow", FaultRule.Answer.ERROR, 1, null))
            .build());

    String id = run(cluster("once", true));

    assertThat(emr.listClusters().clusters()).hasSize(2);
    assertThat(emr.listClusters().clusters().get(0).id()).isEqualTo(id);
  }

  @Test
  void lostAnswerFractionIsRepeatableForTheSameSeed() {
    List<Boolean> first = lostPattern(5);
    List<Boolean> again = lostPattern(5);
    List<Boolean> other = lostPattern(6);

    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
    assertThat(first).contains(true, false);
  }

  /** Which of 40 DescribeCluster answers a 50 % fault loses, for a seed. */
  private List<Boolean> lostPattern(long seed) {
    stop();
    start(
        SimulatorConfig.builder()
            .seed(seed)
            .fault(new FaultRule("DescribeCluster", FaultRule.Answer.ERROR, null, 0.5))
            .build());
    String id = run(cluster("c", true));
    List<Boolean> lost = new ArrayList<>();
    try (EmrClient once = noRetries()) {
      for (int i = 0; i < 40; i++) {
        try {
          once.describeCluster(r -> r.clusterId(id));
          lost.add(false);
        } catch (EmrException e) {
          lost.add(true);
        }
      }
    }
    return lost;
  }

  private EmrClient noRetries() {
    return EmrClients.builderFor(simulator.endpoint())
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  @Test
  void unknownFieldOnTheWireIsRejectedWithItsPath() throws Exception {
    start(SimulatorConfig.defaults());

    HttpResponse<String> response =
        post("ElasticMapReduce.RunJobFlow", "{\"Name\": \"x\", \"Instances\": {\"Foo\": 1}}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/x-amz-json-1.1");
    JsonNode body = new ObjectMapper().readTree(response.body());
    assertThat(body.get("__type").asText()).isEqualTo("SerializationException");
    assertThat(body.get("message").asText())
        .isEqualTo("unknown field 'Instances.Foo' for RunJobFlowRequest");
  }

  @Test
  void unknownOperationIsReportedAsSuch() throws Exception {
    start(SimulatorConfig.defaults());

    JsonNode body = new ObjectMapper().readTree(post("ElasticMapReduce.BakeCake", "{}").body());
    assertThat(body.get("__type").asText()).isEqualTo("UnknownOperationException");

    assertThatThrownBy(() -> emr.listInstances(r -> r.clusterId("j-X")))
        .isInstanceOfSatisfying(
            EmrException.class,
            e ->
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnknownOperationException"));
  }

  @Test
  void idsAreRepeatableForTheSameSeed() {
    start(SimulatorConfig.builder().seed(42).build());
    String first = run(cluster("a", true));
    stop();
    start(SimulatorConfig.builder().seed(42).build());
    String again = run(cluster("a", true));
    stop();
    start(SimulatorConfig.builder().seed(43).build());
    String other = run(cluster("a", true));

    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  private HttpResponse<String> post(String target, String json) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpRequest request =
          HttpRequest.newBuilder(simulator.endpoint().resolve("/"))
              .header("X-Amz-Target", target)
              .header("Content-Type", "application/x-amz-json-1.1")
              .POST(HttpRequest.BodyPublishers.ofString(json))
              .build();
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }

  private static List<String> ids(ListClustersResponse response) {
    return response.clusters().stream().map(ClusterSummary::id).toList();
  }
}
