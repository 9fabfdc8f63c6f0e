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

/** The EMR on EKS DAGs on Zeebe, with the real workers and the simulator. */
@ZeebeProcessTest
class ContainersAirflowProcessTest {

  static final Path DAG = Path.of("examples/eks/spark_eks.py");
  static final Path SENSOR_DAG = Path.of("src/test/resources/airflow/runs/eks_sensor.py");
  static final String VC = "kbrbt6s8xlfmrzfrtm3txdh9w";

  private ZeebeTestEngine engine;

  @Test
  void runsTheJobAndWaitsUntilItCompletes() throws Exception {
    try (Harness h = new Harness(engine, SimulatorConfig.defaults(), Mocks.NONE)) {
      long instance = h.start(Harness.convert(DAG), Map.of("logical_date", "2025-03-01T00:00:00Z"));
      h.runToEnd(instance, Duration.ofSeconds(10), Duration.ofHours(1));

      assertThat(h.incident(instance)).isNull();
      Map<String, JsonNode> vars = h.variables(instance);
      assertThat(vars.get("dagState").asText()).isEqualTo("success");
      String id = vars.get("xcom_run_job").asText();
      assertThat(id).matches("[0-9a-z]{19}");
      try (var client = EmrClients.containersForEndpoint(h.runtime.simulator().endpoint())) {
        var run = client.describeJobRun(r -> r.virtualClusterId(VC).id(id)).jobRun();
        assertThat(run.state()).isEqualTo(JobRunState.COMPLETED);
        assertThat(run.name()).isEqualTo("aggregate-orders");
        assertThat(run.jobDriver().sparkSubmitJobDriver().entryPointArguments()).containsExactly("2025-03-01");
      }
      assertThat(h.runtime.simulator().calls()).containsEntry("StartJobRun", 1);
    }
  }

  @Test
  void aFailedRunFailsTheTaskWithTheOperatorsMessage() throws Exception {
    SimulatorConfig failing = SimulatorConfig.builder().containers(ContainersConfig.DEFAULT.withJobRuns(List.of(
        ContainersConfig.JobRunRule.fail("aggregate-*", "USER_ERROR", "Jobrun failed. Main Spark container terminated with errors.")))).build();
    try (Harness h = new Harness(engine, failing, Mocks.NONE)) {
      long instance = h.start(Harness.convert(DAG), Map.of("logical_date", "2025-03-01T00:00:00Z"));
      h.runToEnd(instance, Duration.ofSeconds(10), Duration.ofHours(1));

      Map<String, JsonNode> vars = h.variables(instance);
      assertThat(vars.get("dagState").asText()).isEqualTo("failed");
      assertThat(vars.get("ti_run_job").asText()).isEqualTo("failed");
      assertThat(vars.get("error").asText()).isEqualTo("AirflowException");
      assertThat(vars.get("cause").asText()).matches("EMR Containers job failed\\. Final state is FAILED\\. "
          + "query_execution_id is [0-9a-z]{19}\\. Error: USER_ERROR - Jobrun failed\\. Main Spark container terminated with errors\\.");
    }
  }

  @Test
  void theSensorWaitsForTheRunAndMaxPollingAttemptsEndsAWaitAsAirflowDoes() throws Exception {
    // slow-report runs 10 minutes; 3 polls 20 s apart end long before.
    SimulatorConfig slow = SimulatorConfig.builder().containers(ContainersConfig.DEFAULT.withJobRuns(List.of(
        new ContainersConfig.JobRunRule("slow-*", null, Duration.ofMinutes(10), null, null)))).build();
    try (Harness h = new Harness(engine, slow, Mocks.NONE)) {
      long instance = h.start(Harness.convert(SENSOR_DAG), Map.of());
      h.runToEnd(instance, Duration.ofSeconds(10), Duration.ofHours(1));

      Map<String, JsonNode> vars = h.variables(instance);
      assertThat(vars.get("ti_start_job").asText()).isEqualTo("success");
      assertThat(vars.get("ti_wait_for_job").asText()).isEqualTo("success");
      assertThat(vars.get("ti_short_wait").asText()).isEqualTo("failed");
      assertThat(vars.get("cause").asText()).matches("Final state of EMR Containers job is (PENDING|SUBMITTED|RUNNING)\\. "
          + "Max tries of poll status exceeded, query_execution_id is [0-9a-z]{19}\\.");
      try (var client = EmrClients.containersForEndpoint(h.runtime.simulator().endpoint())) {
        var load = client.describeJobRun(r -> r.virtualClusterId("vc-sensed").id(vars.get("xcom_start_job").asText())).jobRun();
        assertThat(load.state()).isEqualTo(JobRunState.COMPLETED);
      }
    }
  }
}
