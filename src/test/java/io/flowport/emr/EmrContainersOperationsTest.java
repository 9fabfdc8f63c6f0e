package io.flowport.emr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowport.runtime.EmrCall;
import io.flowport.simulator.EmrClients;
import io.flowport.simulator.EmrSimulator;
import io.flowport.simulator.SimulatorConfig;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.emrcontainers.EmrContainersClient;

/** The generic SDK call for EMR on EKS (REST-JSON with path members), against the simulator over HTTP. */
class EmrContainersOperationsTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String VC = "kbrbt6s8xlfmrzfrtm3txdh9w";

  private EmrSimulator simulator;
  private EmrContainersClient client;
  private EmrCall containers;
  private volatile Instant now = Instant.parse("2025-03-01T08:00:00Z");

  @BeforeEach
  void start() {
    simulator = EmrSimulator.start(() -> now, SimulatorConfig.defaults());
    client = EmrClients.containersForEndpoint(simulator.endpoint());
    containers = new EmrContainersOperations(client);
  }

  @AfterEach
  void stop() {
    client.close();
    simulator.close();
  }

  private JsonNode start(EmrCall call, String json, String token) throws Exception {
    return call.call("StartJobRun", JSON.readTree(json), token);
  }

  @Test
  void boto3NamesTheRunIdAsItsMemberNotAsThePathParameter() throws Exception {
    JsonNode started = start(containers, """
        {"virtualClusterId": "%s", "name": "load", "executionRoleArn": "arn:aws:iam::123456789012:role/r",
         "releaseLabel": "emr-7.1.0-latest", "jobDriver": {"sparkSubmitJobDriver": {"entryPoint": "s3://code/load.py"}}}"""
        .formatted(VC), "flowport-1");
    String id = started.get("id").asText();

    JsonNode run = containers.call("DescribeJobRun", JSON.createObjectNode().put("virtualClusterId", VC).put("id", id))
        .get("jobRun");
    assertThat(run.get("state").asText()).isEqualTo("PENDING");
    assertThat(run.get("clientToken").asText()).as("the run key, not a random SDK token").isEqualTo("flowport-1");
    assertThat(run.get("createdAt").asText()).isEqualTo("2025-03-01T08:00:00Z");
  }

  @Test
  void stepFunctionsNamesAreCapitalizedMemberNamesAndARedeliveryFindsTheSameRun() throws Exception {
    EmrCall sfn = containers.capitalizedNames();
    String request = """
        {"VirtualClusterId": "%s", "Name": "load", "ExecutionRoleArn": "arn:aws:iam::123456789012:role/r",
         "ReleaseLabel": "emr-7.1.0-latest",
         "JobDriver": {"SparkSubmitJobDriver": {"EntryPoint": "s3://code/load.py", "EntryPointArguments": ["2025-03-01"]}},
         "ConfigurationOverrides": {"ApplicationConfiguration": [{"Classification": "spark-defaults",
           "Properties": {"spark.executor.instances": "2"}}]}}""".formatted(VC);
    JsonNode first = start(sfn, request, "key-7");
    assertThat(first.fieldNames()).toIterable().containsExactlyInAnyOrder("Id", "Name", "Arn", "VirtualClusterId");
    assertThat(start(sfn, request, "key-7").get("Id")).as("same token, same run").isEqualTo(first.get("Id"));

    JsonNode run = sfn.call("DescribeJobRun", JSON.createObjectNode().put("VirtualClusterId", VC)
        .put("Id", first.get("Id").asText())).get("JobRun");
    assertThat(run.at("/ConfigurationOverrides/ApplicationConfiguration/0/Properties/spark.executor.instances").asText())
        .as("map keys are data, never renamed").isEqualTo("2");
    assertThat(client.listJobRuns(r -> r.virtualClusterId(VC)).jobRuns()).hasSize(1);
  }

  @Test
  void cancelAndAnUnknownRunAsServiceErrors() throws Exception {
    assertThatThrownBy(() -> containers.call("DescribeJobRun",
        JSON.createObjectNode().put("virtualClusterId", VC).put("id", "0000000nosuchrun000")))
        .isInstanceOfSatisfying(EmrCall.ServiceException.class, e -> {
          assertThat(e.code()).isEqualTo("ResourceNotFoundException");
          assertThat(e.retryable()).isFalse();
        });
    String id = start(containers, """
        {"virtualClusterId": "%s", "executionRoleArn": "arn:aws:iam::123456789012:role/r",
         "releaseLabel": "emr-7.1.0-latest", "jobDriver": {"sparkSubmitJobDriver": {"entryPoint": "s3://x.py"}}}"""
        .formatted(VC), "k").get("id").asText();
    JsonNode cancelled = containers.call("CancelJobRun", JSON.createObjectNode().put("virtualClusterId", VC).put("id", id));
    assertThat(cancelled.get("id").asText()).isEqualTo(id);
  }
}
