package io.flowport.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import io.flowport.runtime.Mocks;
import io.flowport.simulator.SimulatorConfig;
import io.flowport.simulator.StepRule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * EmrCreateJobFlowOperator and EmrAddStepsOperator with wait_for_completion, and EmrStepSensor, on
 * Zeebe against the simulator: their XCom, and the provider's failure messages.
 */
@ZeebeProcessTest
class AirflowStepsProcessTest {

  static final Path WAITING = Path.of("src/test/resources/airflow/runs/emr_steps.py");
  static final Path SENSOR = Path.of("src/test/resources/airflow/runs/emr_step_sensor.py");
  static final Path CREATE_WAIT = Path.of("src/test/resources/airflow/runs/emr_create_wait.py");
  static final StepRule FAILS = new StepRule("calculate_pi", "java.lang.ArithmeticException", "pi is not rational", "s3://logs/stderr.gz");

  private ZeebeTestEngine engine;

  @Test
  void stepsAreAddedAndAwaitedThenWatchedAndTheClusterRemoved() throws Exception {
    try (Harness h = new Harness(engine, SimulatorConfig.defaults(), Mocks.NONE)) {
      long instance = h.start(Harness.convert(WAITING), Map.of());
      h.runToEnd(instance, Duration.ofSeconds(20), Duration.ofHours(2));
      Map<String, JsonNode> vars = h.variables(instance);
      assertThat(vars.get("dagState").asText()).isEqualTo("success");
      // The operator returns the list of step ids (its XCom); the sensor's template takes the first.
      assertThat(vars.get("xcom_add_steps").isArray()).isTrue();
      assertThat(vars.get("xcom_add_steps").get(0).asText()).matches("s-[A-Z0-9]+");
      assertThat(vars.get("ti_add_steps").asText()).isEqualTo("success");
      assertThat(vars.get("ti_watch_step").asText()).isEqualTo("success");
      assertThat(vars.get("ti_remove_cluster").asText()).isEqualTo("success");
    }
  }

  @Test
  void aFailedStepFailsTheWaitingOperatorWithTheWaitersMessage() throws Exception {
    try (Harness h = new Harness(engine, SimulatorConfig.builder().stepRule(FAILS).build(), Mocks.NONE)) {
      long instance = h.start(Harness.convert(WAITING), Map.of());
      h.runToEnd(instance, Duration.ofSeconds(20), Duration.ofHours(2));
      Map<String, JsonNode> vars = h.variables(instance);
      assertThat(vars.get("ti_add_steps").asText()).isEqualTo("failed");
      assertThat(vars.get("ti_watch_step").asText()).isEqualTo("upstream_failed");
      // all_done: the cluster is removed anyway, and as the leaf it decides the run (FP412).
      assertThat(vars.get("ti_remove_cluster").asText()).isEqualTo("success");
      assertThat(vars.get("dagState").asText()).isEqualTo("success");
      assertThat(vars.get("error").asText()).isEqualTo("AirflowException");
      assertThat(vars.get("cause").asText()).matches("EMR Steps failed: s-[A-Z0-9]+: Waiter StepComplete failed: Waiter encountered a "
          + "terminal failure state: For expression \"Step.Status.State\" we matched expected path: \"FAILED\"");
    }
  }

  @Test
  void aFailedStepFailsTheSensorWithTheStepsFailureDetails() throws Exception {
    try (Harness h = new Harness(engine, SimulatorConfig.builder().stepRule(FAILS).build(), Mocks.NONE)) {
      long instance = h.start(Harness.convert(SENSOR), Map.of());
      h.runToEnd(instance, Duration.ofSeconds(20), Duration.ofHours(2));
      Map<String, JsonNode> vars = h.variables(instance);
      assertThat(vars.get("ti_add_steps").asText()).isEqualTo("success");
      assertThat(vars.get("ti_watch_step").asText()).isEqualTo("failed");
      assertThat(vars.get("cause").asText()).isEqualTo("EMR job failed: for reason java.lang.ArithmeticException "
          + "with message pi is not rational and log file s3://logs/stderr.gz");
    }
  }

  @Test
  void creatingWithWaitForCompletionEndsOnceTheClusterIsUp() throws Exception {
    try (Harness h = new Harness(engine, SimulatorConfig.defaults(), Mocks.NONE)) {
      long instance = h.start(Harness.convert(CREATE_WAIT), Map.of());
      Duration used = h.runToEnd(instance, Duration.ofSeconds(10), Duration.ofHours(2));
      Map<String, JsonNode> vars = h.variables(instance);
      assertThat(vars.get("dagState").asText()).isEqualTo("success");
      assertThat(vars.get("xcom_create_job_flow").asText()).matches("j-[A-Z0-9]+");
      // STARTING 4 min and BOOTSTRAPPING 2 min before WAITING, seen by a poll every 30 s; then terminating.
      assertThat(used).isBetween(Duration.ofMinutes(6), Duration.ofMinutes(8));
    }
  }

  @Test
  void aClusterThatFailsWhileStartingFailsTheCreateTaskWithTheWaiterError() throws Exception {
    SimulatorConfig failing = SimulatorConfig.builder().clusterRule(
        io.flowport.simulator.ClusterRule.fail("WaitedFor", software.amazon.awssdk.services.emr.model.ClusterState.BOOTSTRAPPING,
            "BOOTSTRAP_FAILURE", "bootstrap action 1 failed")).build();
    try (Harness h = new Harness(engine, failing, Mocks.NONE)) {
      long instance = h.start(Harness.convert(CREATE_WAIT), Map.of());
      h.runToEnd(instance, Duration.ofSeconds(10), Duration.ofHours(2));
      Map<String, JsonNode> vars = h.variables(instance);
      assertThat(vars.get("ti_create_job_flow").asText()).isEqualTo("failed");
      assertThat(vars.get("ti_remove_cluster").asText()).isEqualTo("upstream_failed");
      assertThat(vars.get("dagState").asText()).isEqualTo("failed");
      assertThat(vars.get("error").asText()).isEqualTo("WaiterError");
      assertThat(vars.get("cause").asText()).isEqualTo("Waiter job_flow_waiting failed: Waiter encountered a terminal failure state: "
          + "For expression \"Cluster.Status.State\" we matched expected path: \"TERMINATED_WITH_ERRORS\"");
    }
  }
}
