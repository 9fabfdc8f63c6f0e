package io.flowport.emr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowport.runtime.EmrCall;
import io.flowport.simulator.EmrClients;
import io.flowport.simulator.EmrSimulator;
import io.flowport.simulator.FaultRule;
import io.flowport.simulator.SimulatorConfig;
import io.flowport.simulator.ThrottleRule;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.emr.EmrClient;

class EmrOperationsTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String CLUSTER =
      """
      {"Name": "c", "ReleaseLabel": "emr-7.1.0",
       "Instances": {"InstanceGroups": [{"InstanceRole": "MASTER", "InstanceCount": 1,
                     "InstanceType": "m5.xlarge"}], "KeepJobFlowAliveWhenNoSteps": true}}""";

  private EmrSimulator simulator;
  private EmrClient client;

  private EmrOperations start(SimulatorConfig config) {
    simulator = EmrSimulator.start(() -> Instant.parse("2025-03-01T08:00:00Z"), config);
    client = EmrClients.forEndpoint(simulator.endpoint());
    return new EmrOperations(client);
  }

  @AfterEach
  void stop() {
    client.close();
    simulator.close();
  }

  @Test
  void aLostRunJobFlowAnswerIsNotResentByTheSdk() throws Exception {
    for (FaultRule.Answer answer : FaultRule.Answer.values()) {
      EmrOperations emr = start(SimulatorConfig.builder().fault(new FaultRule("RunJobFlow", answer, 1, null)).build());

      assertThatThrownBy(() -> emr.call("RunJobFlow", JSON.readTree(CLUSTER)))
          .isInstanceOfSatisfying(EmrCall.ServiceException.class, e -> assertThat(e.retryable()).isTrue());

      assertThat(clusters(emr)).as("clusters after a lost answer (%s)", answer).isEqualTo(1);
      stop();
    }
    start(SimulatorConfig.defaults());
  }

  @Test
  void aLostStartNotebookExecutionAnswerIsNotResentByTheSdk() throws Exception {
    java.util.concurrent.atomic.AtomicReference<Instant> now = new java.util.concurrent.atomic.AtomicReference<>(
        Instant.parse("2025-03-01T08:00:00Z"));
    simulator = EmrSimulator.start(now::get, SimulatorConfig.builder()
        .fault(new FaultRule("StartNotebookExecution", FaultRule.Answer.DROP, 1, null)).build());
    client = EmrClients.forEndpoint(simulator.endpoint());
    EmrOperations emr = new EmrOperations(client);
    String cluster = emr.call("RunJobFlow", JSON.readTree(CLUSTER)).path("JobFlowId").asText();
    now.set(now.get().plusSeconds(400)); // WAITING
    String start = """
        {"EditorId": "e-1", "RelativePath": "a.ipynb", "ServiceRole": "role",
         "ExecutionEngine": {"Id": "%s", "Type": "EMR"}}""".formatted(cluster);

    assertThatThrownBy(() -> emr.call("StartNotebookExecution", JSON.readTree(start)))
        .isInstanceOfSatisfying(EmrCall.ServiceException.class, e -> assertThat(e.retryable()).isTrue());

    assertThat(emr.call("ListNotebookExecutions", JSON.createObjectNode()).path("NotebookExecutions")).hasSize(1);
  }

  @Test
  void idempotentCallsAreStillRetriedBySdk() throws Exception {
    EmrOperations emr = start(SimulatorConfig.builder().fault(new FaultRule("ListClusters", FaultRule.Answer.DROP, 1, null)).build());

    assertThat(clusters(emr)).isZero();
  }

  @Test
  void aThrottledRunJobFlowIsRetriedBySdk() throws Exception {
    EmrOperations emr = start(SimulatorConfig.builder().throttle(new ThrottleRule("RunJobFlow", 2)).build());
    emr.call("RunJobFlow", JSON.readTree(CLUSTER));

    JsonNode second = emr.call("RunJobFlow", JSON.readTree(CLUSTER));

    assertThat(second.path("JobFlowId").asText()).startsWith("j-");
    assertThat(clusters(emr)).isEqualTo(2);
  }

  @Test
  void aCallStillThrottledAfterTheSdkRetriesIsMarkedThrottledAndA500IsNot() {
    EmrOperations emr = start(SimulatorConfig.builder().throttle(new ThrottleRule("DescribeCluster", 1))
        .fault(FaultRule.always("ListClusters", FaultRule.Answer.ERROR)).build());

    assertThatThrownBy(() -> emr.call("DescribeCluster", JSON.readTree("{\"ClusterId\": \"j-1\"}")))
        .isInstanceOfSatisfying(EmrCall.ServiceException.class, e -> {
          assertThat(e.code()).isEqualTo("ThrottlingException");
          assertThat(e.throttled()).isTrue();
          assertThat(e.retryable()).isTrue();
        });
    assertThatThrownBy(() -> emr.call("ListClusters", JSON.createObjectNode()))
        .isInstanceOfSatisfying(EmrCall.ServiceException.class, e -> {
          assertThat(e.code()).isEqualTo("InternalServerError");
          assertThat(e.throttled()).isFalse();
          assertThat(e.retryable()).isTrue();
        });
  }

  @Test
  void anUnknownOrIllTypedRequestFieldIsAValidationErrorNamingIt() {
    EmrOperations emr = start(SimulatorConfig.defaults());

    assertThatThrownBy(() -> emr.call("RunJobFlow", JSON.readTree(CLUSTER.replace("\"Name\"", "\"Nmae\""))))
        .isInstanceOfSatisfying(EmrCall.ServiceException.class, e -> {
          assertThat(e.code()).isEqualTo("ValidationException");
          assertThat(e.retryable()).isFalse();
        })
        .hasMessageContaining("RunJobFlow request")
        .hasMessageContaining("Nmae");
    assertThatThrownBy(() -> emr.call("RunJobFlow", JSON.readTree(CLUSTER.replace("\"InstanceCount\": 1", "\"InstanceCount\": \"one\""))))
        .isInstanceOf(EmrCall.ServiceException.class)
        .hasMessageContaining("InstanceCount");
  }

  private static int clusters(EmrOperations emr) {
    return emr.call("ListClusters", JSON.createObjectNode()).path("Clusters").size();
  }
}
