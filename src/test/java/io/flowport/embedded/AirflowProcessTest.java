package io.flowport.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import io.flowport.runtime.Mocks;
import io.flowport.simulator.ClusterRule;
import io.flowport.simulator.SimulatorConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.emr.model.ClusterState;

/** The reference DAGs on Zeebe, with the real workers and the EMR simulator. */
@ZeebeProcessTest
class AirflowProcessTest {

  static final Path FIXED = Path.of("examples/seed/orchestrate_emr_jobs_fixed.py");
  static final Path ORIGINAL = Path.of("examples/seed/original/orchestrate_emr_jobs.py");
  static final Path SENSOR_TIMEOUT = Path.of("src/test/resources/airflow/runs/sensor_timeout.py");
  static final Path TRIGGER_RULES = Path.of("src/test/resources/airflow/runs/trigger_rules.py");

  private ZeebeTestEngine engine;

  @Test
  void correctedDagSucceedsOnceTheSensorSeesTheClusterTerminated() throws Exception {
    try (Harness h = new Harness(engine, SimulatorConfig.defaults(), Mocks.NONE)) {
      long instance = h.start(Harness.convert(FIXED), Map.of());
      Duration used = h.runToEnd(instance, Duration.ofSeconds(20), Duration.ofHours(2));
      Map<String, JsonNode> vars = h.variables(instance);
      assertThat(vars.get("dagState").asText()).isEqualTo("success");
      assertThat(vars.get("ti_create_emr_cluster").asText()).isEqualTo("success");
      assertThat(vars.get("ti_wait_for_emr_job_completion").asText()).isEqualTo("success");
      assertThat(vars.get("xcom_create_emr_cluster").asText()).matches("j-[A-Z0-9]{13}");
      // Up after 6 min, idle 3 min, terminating 1 min: the sensor sees TERMINATED after about 10 min.
      assertThat(used).isBetween(Duration.ofMinutes(9), Duration.ofMinutes(14));
    }
  }

  @Test
  void originalDagFailsTheSensorWithUndefinedErrorAndRetriesItOnceAfterFiveMinutes() throws Exception {
    try (Harness h = new Harness(engine, SimulatorConfig.defaults(), Mocks.NONE)) {
      long instance = h.start(Harness.convert(ORIGINAL), Map.of());
      Duration used = h.runToEnd(instance, Duration.ofSeconds(20), Duration.ofHours(2));
      Map<String, JsonNode> vars = h.variables(instance);
      assertThat(vars.get("dagState").asText()).isEqualTo("failed");
      assertThat(vars.get("ti_create_emr_cluster").asText()).isEqualTo("success");
      assertThat(vars.get("ti_wait_for_emr_job_completion").asText()).isEqualTo("failed");
      assertThat(vars.get("error").asText()).isEqualTo("UndefinedError");
      assertThat(vars.get("cause").asText()).isEqualTo("'str object' has no attribute 'JobFlowId'");
      assertThat(vars.get("try_wait_for_emr_job_completion").asInt()).isEqualTo(2);
      assertThat(Collections.frequency(h.completed(instance), "wait_for_emr_job_completion_up_for_retry")).isEqualTo(1);
      assertThat(used).isBetween(Duration.ofMinutes(5), Duration.ofMinutes(7));
    }
  }

  @Test
  void clusterThatFailsMakesTheSensorRaiseAirflowExceptionWithTheEmrReason() throws Exception {
    SimulatorConfig failing = SimulatorConfig.builder()
        .clusterRule(ClusterRule.fail("MyEMRJob", ClusterState.BOOTSTRAPPING, "BOOTSTRAP_FAILURE", "bootstrap action 1 failed"))
        .build();
    try (Harness h = new Harness(engine, failing, Mocks.NONE)) {
      long instance = h.start(Harness.convert(FIXED), Map.of());
      h.runToEnd(instance, Duration.ofSeconds(20), Duration.ofHours(2));
      Map<String, JsonNode> vars = h.variables(instance);
      assertThat(vars.get("dagState").asText()).isEqualTo("failed");
      assertThat(vars.get("ti_wait_for_emr_job_completion").asText()).isEqualTo("failed");
      assertThat(vars.get("error").asText()).isEqualTo("AirflowException");
      assertThat(vars.get("cause").asText())
          .isEqualTo("EMR job failed: for code: BOOTSTRAP_FAILURE with message bootstrap action 1 failed");
      assertThat(vars.get("try_wait_for_emr_job_completion").asInt()).isEqualTo(2);
    }
  }

  @Test
  void sensorTimeoutFailsTheTaskWithoutRetrying() throws Exception {
    try (Harness h = new Harness(engine, SimulatorConfig.defaults(), Mocks.NONE)) {
      long instance = h.start(Harness.convert(SENSOR_TIMEOUT), Map.of());
      Duration used = h.runToEnd(instance, Duration.ofSeconds(20), Duration.ofHours(2));
      Map<String, JsonNode> vars = h.variables(instance);
      assertThat(vars.get("dagState").asText()).isEqualTo("failed");
      assertThat(vars.get("ti_wait_for_emr_job_completion").asText()).isEqualTo("failed");
      assertThat(vars.get("error").asText()).isEqualTo("AirflowSensorTimeout");
      assertThat(h.completed(instance)).doesNotContain("wait_for_emr_job_completion_up_for_retry");
      assertThat(used).isBetween(Duration.ofMinutes(20), Duration.ofMinutes(22));
    }
  }

  @Test
  void triggerRulesDecideWhichTasksRunAndTheCleanupLeafMasksTheFailureAsInAirflow() throws Exception {
    SimulatorConfig oneBroken = SimulatorConfig.builder()
        .clusterRule(ClusterRule.fail("broken", ClusterState.BOOTSTRAPPING, "BOOTSTRAP_FAILURE", "bootstrap action 1 failed"))
        .build();
    try (Harness h = new Harness(engine, oneBroken, Mocks.NONE)) {
      long instance = h.start(Harness.convert(TRIGGER_RULES), Map.of());
      h.runToEnd(instance, Duration.ofSeconds(20), Duration.ofHours(2));
      Map<String, JsonNode> vars = h.variables(instance);
      Map<String, String> expected = new java.util.LinkedHashMap<>();
      expected.put("watch_ok", "success");
      expected.put("watch_bad", "failed");
      expected.put("any_up", "success");             // one_success
      expected.put("both_up", "upstream_failed");    // all_success
      expected.put("alert", "success");              // one_failed
      expected.put("only_if_down", "skipped");       // all_failed after a success
      expected.put("after_skip", "skipped");         // none_failed_min_one_success after only skips
      expected.put("after_skip_strict", "skipped");  // none_skipped
      expected.put("cleanup", "success");            // all_done
      expected.forEach((task, state) -> assertThat(vars.get("ti_" + task).asText()).as(task).isEqualTo(state));
      // The only leaf succeeded, so Airflow marks the run successful although watch_bad failed.
      assertThat(vars.get("dagState").asText()).isEqualTo("success");
      try (var emr = io.flowport.simulator.EmrClients.forEndpoint(h.runtime.simulator().endpoint())) {
        var healthy = emr.listClusters(r -> {}).clusters().stream().filter(c -> c.name().equals("healthy")).findFirst().orElseThrow();
        assertThat(healthy.status().stateAsString()).startsWith("TERMINAT");
      }
    }
  }
}
