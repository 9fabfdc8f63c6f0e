package io.flowport.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import io.flowport.ir.Workflow;
import io.flowport.runtime.Mocks;
import io.flowport.simulator.ClusterRule;
import io.flowport.simulator.SimulatorConfig;
import io.flowport.simulator.ThrottleRule;
import software.amazon.awssdk.services.emr.model.ClusterState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reference Step Functions machines on Zeebe, with the real workers and the EMR simulator. */
@ZeebeProcessTest
class AslProcessTest {

  static final Path FIXED = Path.of("examples/seed/emr_job_fixed.asl.json");
  static final Path ORIGINAL = Path.of("examples/seed/original/emr_job.asl.json");

  private ZeebeTestEngine engine;

  @Test
  void correctedMachineSucceedsWhenTheIdleClusterTerminatesItself() throws Exception {
    try (Harness h = new Harness(engine, SimulatorConfig.defaults(), Mocks.NONE)) {
      Workflow wf = Harness.convert(FIXED);
      long instance = h.start(wf, Map.of());
      Duration used = h.runToEnd(instance, Duration.ofSeconds(20), Duration.ofHours(2));
      Map<String, JsonNode> vars = h.variables(instance);
      assertThat(h.completed(instance)).contains("EMRJobComplete", "succeeded").doesNotContain("failed");
      JsonNode output = vars.get("output");
      assertThat(output.path("ClusterId").asText()).startsWith("j-");
      assertThat(output.path("ClusterStatus").path("Cluster").path("Status").path("State").asText())
          .isIn("TERMINATING", "TERMINATED");
      // 6 min to WAITING, 3 min idle: the run takes about 9 to 11 source minutes.
      assertThat(used).isBetween(Duration.ofMinutes(8), Duration.ofMinutes(14));
    }
  }

  @Test
  void originalMachineFailsLikeStepFunctionsWithStatesRuntime() throws Exception {
    try (Harness h = new Harness(engine, SimulatorConfig.defaults(), Mocks.NONE)) {
      long instance = h.start(Harness.convert(ORIGINAL), Map.of());
      h.runToEnd(instance, Duration.ofSeconds(20), Duration.ofHours(2));
      Map<String, JsonNode> vars = h.variables(instance);
      assertThat(h.completed(instance)).contains("failed").doesNotContain("succeeded");
      assertThat(vars.get("error").asText()).isEqualTo("States.Runtime");
      assertThat(vars.get("cause").asText()).isEqualTo("An error occurred while executing the state 'WaitForEMRJobCompletion'. "
          + "The JSONPath '$.CreateClusterClusterId' specified for the field 'ClusterId.$' could not be found in the input '{\"ClusterId\":\""
          + vars.get("cause").asText().replaceAll(".*\\{\"ClusterId\":\"(j-[A-Z0-9]+)\"}'$", "$1") + "\"}'");
      assertThat(h.completed(instance)).doesNotContain("CheckEMRJobStatus");
    }
  }

  @Test
  void clusterThatFailsToBootstrapFailsTheSyncTaskWithTheEmrReason() throws Exception {
    SimulatorConfig failing = SimulatorConfig.builder()
        .clusterRule(ClusterRule.fail("MyEMRJob", ClusterState.BOOTSTRAPPING,
            "BOOTSTRAP_FAILURE", "On the master instance (i-0abc), bootstrap action 1 returned a non-zero return code"))
        .build();
    try (Harness h = new Harness(engine, failing, Mocks.NONE)) {
      long instance = h.start(Harness.convert(FIXED), Map.of());
      h.runToEnd(instance, Duration.ofSeconds(20), Duration.ofHours(2));
      Map<String, JsonNode> vars = h.variables(instance);
      assertThat(h.completed(instance)).contains("failed");
      assertThat(vars.get("error").asText()).isEqualTo("States.TaskFailed");
      assertThat(vars.get("cause").asText()).contains("BOOTSTRAP_FAILURE").contains("bootstrap action 1 returned a non-zero return code");
    }
  }

  @Test
  void throttledCallsThatNeverSucceedEndInAnIncidentNamingTheThrottle() throws Exception {
    SimulatorConfig throttled = SimulatorConfig.builder().throttle(new ThrottleRule("DescribeCluster", 1)).build();
    try (Harness h = new Harness(engine, throttled, Mocks.NONE)) {
      long instance = h.start(Harness.convert(FIXED), Map.of());
      h.runToEnd(instance, Duration.ofSeconds(20), Duration.ofHours(2));
      assertThat(h.incident(instance)).contains("ThrottlingException").doesNotContain("\tat ");
    }
  }

  @Test
  void retryRunsTheWholeSyncTaskAgainAfterItsIntervalThenTheCatcherRecovers() throws Exception {
    SimulatorConfig failing = SimulatorConfig.builder()
        .clusterRule(ClusterRule.fail("MyEMRJob", ClusterState.BOOTSTRAPPING, "BOOTSTRAP_FAILURE", "bootstrap action 1 failed"))
        .build();
    try (Harness h = new Harness(engine, failing, Mocks.NONE)) {
      long instance = h.start(Harness.convert(Path.of("src/test/resources/asl/retry_catch.asl.json")),
          Map.of("input", Map.of("in", 1)));
      h.runToEnd(instance, Duration.ofSeconds(5), Duration.ofHours(2));
      Map<String, JsonNode> vars = h.variables(instance);
      assertThat(h.completed(instance)).contains("Recover", "succeeded");
      JsonNode failure = vars.get("output").get("failure");
      assertThat(failure.get("Error").asText()).isEqualTo("States.TaskFailed");
      assertThat(failure.get("Cause").asText()).contains("BOOTSTRAP_FAILURE");
      // The TaskFailed retrier (MaxAttempts 1, IntervalSeconds 30) made a second cluster, 30 s or more after the first failed.
      try (var emr = io.flowport.simulator.EmrClients.forEndpoint(h.runtime.simulator().endpoint())) {
        assertThat(emr.listClusters(r -> {}).clusters()).hasSize(2);
      }
      java.util.List<Long> attempts = h.activations(instance, "CreateCluster_attempt");
      java.util.List<Long> failures = h.activations(instance, "CreateCluster_handle");
      assertThat(attempts).hasSize(2);
      assertThat(attempts.get(1) - failures.get(0)).isGreaterThanOrEqualTo(30_000);
    }
  }
}
