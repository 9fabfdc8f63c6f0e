package io.flowport.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import io.flowport.runtime.Mocks;
import io.flowport.simulator.ContainersConfig;
import io.flowport.simulator.EmrClients;
import io.flowport.simulator.SimulatorConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.emrcontainers.model.JobRunState;

/** The EMR on EKS Step Functions example on Zeebe, with the real workers and the simulator. */
@ZeebeProcessTest
class ContainersAslProcessTest {

  static final Path MACHINE = Path.of("examples/eks/spark_eks.asl.json");
  static final String VC = "kbrbt6s8xlfmrzfrtm3txdh9w";
  static final Map<String, Object> INPUT =
      Map.of("input", Map.of("VirtualClusterId", VC, "JobName", "aggregate-orders", "Day", "2025-03-01"));

  private ZeebeTestEngine engine;

  @Test
  void runsTheJobAndWaitsUntilItCompletes() throws Exception {
    try (Harness h = new Harness(engine, SimulatorConfig.defaults(), Mocks.NONE)) {
      long instance = h.start(Harness.convert(MACHINE), INPUT);
      h.runToEnd(instance, Duration.ofSeconds(20), Duration.ofHours(1));

      assertThat(h.incident(instance)).isNull();
      assertThat(h.completed(instance)).contains("Done", "succeeded").doesNotContain("failed");
      JsonNode job = h.variables(instance).get("output").path("Job");
      assertThat(job.path("VirtualClusterId").asText()).isEqualTo(VC);
      String id = job.path("Id").asText();
      try (var client = EmrClients.containersForEndpoint(h.runtime.simulator().endpoint())) {
        var run = client.describeJobRun(r -> r.virtualClusterId(VC).id(id)).jobRun();
        assertThat(run.state()).isEqualTo(JobRunState.COMPLETED);
        assertThat(run.jobDriver().sparkSubmitJobDriver().entryPointArguments()).containsExactly("2025-03-01");
        assertThat(run.configurationOverrides().applicationConfiguration().get(0).properties())
            .containsEntry("spark.dynamicAllocation.enabled", "false");
        assertThat(run.tags()).containsEntry("team", "data");
        assertThat(run.clientToken()).as("the run key, the same on a redelivery").startsWith("flowport-");
      }
      assertThat(h.runtime.simulator().calls()).containsEntry("StartJobRun", 1);
    }
  }

  @Test
  void aFailedRunFailsTheSyncTaskWithStatesTaskFailedAndTheRunAsCause() throws Exception {
    SimulatorConfig failing = SimulatorConfig.builder().containers(ContainersConfig.DEFAULT.withJobRuns(List.of(
        ContainersConfig.JobRunRule.fail("aggregate-*", "USER_ERROR",
            "Jobrun failed. Main Spark container terminated with errors. java.io.FileNotFoundException")))).build();
    try (Harness h = new Harness(engine, failing, Mocks.NONE)) {
      long instance = h.start(Harness.convert(MACHINE), INPUT);
      h.runToEnd(instance, Duration.ofSeconds(20), Duration.ofHours(1));

      assertThat(h.incident(instance)).isNull();
      assertThat(h.completed(instance)).contains("SparkJobFailed", "failed").doesNotContain("Done");
      Map<String, JsonNode> vars = h.variables(instance);
      assertThat(vars.get("error").asText()).isEqualTo("SparkJobFailed");
      JsonNode cause = Harness.JSON.readTree(vars.get("cause").asText());
      assertThat(cause.path("State").asText()).isEqualTo("FAILED");
      assertThat(cause.path("FailureReason").asText()).isEqualTo("USER_ERROR");
      assertThat(cause.path("StateDetails").asText()).contains("FileNotFoundException");
      assertThat(cause.path("Name").asText()).isEqualTo("aggregate-orders");
    }
  }

  static final Path NO_CATCH = Path.of("src/test/resources/asl/eks_no_catch.asl.json");

  @Test
  void withoutACatchAFailedRunEndsTheMachineWithStatesTaskFailed() throws Exception {
    SimulatorConfig failing = SimulatorConfig.builder().containers(ContainersConfig.DEFAULT.withJobRuns(List.of(
        ContainersConfig.JobRunRule.fail("*", "INTERNAL_ERROR", "Driver pod lost")))).build();
    try (Harness h = new Harness(engine, failing, Mocks.NONE)) {
      long instance = h.start(Harness.convert(NO_CATCH), INPUT);
      h.runToEnd(instance, Duration.ofSeconds(20), Duration.ofHours(1));

      Map<String, JsonNode> vars = h.variables(instance);
      assertThat(h.completed(instance)).contains("failed");
      assertThat(vars.get("error").asText()).isEqualTo("States.TaskFailed");
      assertThat(vars.get("cause").asText()).contains("\"State\":\"FAILED\"").contains("\"FailureReason\":\"INTERNAL_ERROR\"")
          .contains("Driver pod lost");
    }
  }

  @Test
  void anUnknownVirtualClusterFailsTheTaskWithTheEmrContainersErrorName() throws Exception {
    SimulatorConfig known = SimulatorConfig.builder().containers(ContainersConfig.DEFAULT.withVirtualClusters(List.of("other"))).build();
    try (Harness h = new Harness(engine, known, Mocks.NONE)) {
      long instance = h.start(Harness.convert(NO_CATCH), INPUT);
      h.runToEnd(instance, Duration.ofSeconds(20), Duration.ofHours(1));

      Map<String, JsonNode> vars = h.variables(instance);
      assertThat(h.completed(instance)).contains("failed");
      assertThat(vars.get("error").asText()).isEqualTo("EMRContainers.ResourceNotFoundException");
      assertThat(vars.get("cause").asText()).isEqualTo("Virtual cluster " + VC + " doesn't exist.");
    }
  }
}
