package io.flowport.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import io.flowport.runtime.Mocks;
import io.flowport.simulator.EmrClients;
import io.flowport.simulator.ServerlessConfig;
import io.flowport.simulator.SimulatorConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.emrserverless.model.ApplicationState;
import software.amazon.awssdk.services.emrserverless.model.JobRunState;

/** The EMR Serverless DAGs on Zeebe, with the real workers and the simulator. */
@ZeebeProcessTest
class ServerlessAirflowProcessTest {

  static final Path DAG = Path.of("examples/serverless/spark_serverless.py");
  static final Path SENSOR_DAG = Path.of("src/test/resources/airflow/runs/serverless_sensor.py");

  private ZeebeTestEngine engine;

  @Test
  void createsTheApplicationRunsTheJobAndDeletesTheApplication() throws Exception {
    try (Harness h = new Harness(engine, SimulatorConfig.defaults(), Mocks.NONE)) {
      long instance = h.start(Harness.convert(DAG), Map.of("logical_date", "2025-03-01T00:00:00Z"));
      h.runToEnd(instance, Duration.ofSeconds(10), Duration.ofHours(2));

      assertThat(h.incident(instance)).isNull();
      Map<String, JsonNode> vars = h.variables(instance);
      assertThat(vars.get("dagState").asText()).isEqualTo("success");
      String app = vars.get("xcom_create_app").asText();
      String run = vars.get("xcom_run_job").asText();
      assertThat(app).matches("00[0-9a-z]{14}");
      try (var client = EmrClients.serverlessForEndpoint(h.runtime.simulator().endpoint())) {
        var application = client.getApplication(r -> r.applicationId(app)).application();
        assertThat(application.state()).isEqualTo(ApplicationState.TERMINATED);
        assertThat(application.name()).isEqualTo("nightly-spark");
        assertThat(application.autoStopConfiguration().idleTimeoutMinutes()).isEqualTo(5);
        var jobRun = client.getJobRun(r -> r.applicationId(app).jobRunId(run)).jobRun();
        assertThat(jobRun.state()).isEqualTo(JobRunState.SUCCESS);
        assertThat(jobRun.name()).isEqualTo("aggregate-orders");
        assertThat(jobRun.jobDriver().sparkSubmit().entryPointArguments()).containsExactly("2025-03-01");
      }
      // create (1) + start (1); the delete stops first: every call once.
      assertThat(h.runtime.simulator().calls()).containsEntry("CreateApplication", 1).containsEntry("StartApplication", 1)
          .containsEntry("StartJobRun", 1).containsEntry("StopApplication", 1).containsEntry("DeleteApplication", 1);
    }
  }

  @Test
  void aFailedJobRunFailsTheTaskWithTheWaitersErrorAndItsStateDetails() throws Exception {
    SimulatorConfig failing = SimulatorConfig.builder().serverless(ServerlessConfig.DEFAULT.withJobRuns(List.of(
        ServerlessConfig.JobRunRule.fail("aggregate-*", "Job failed, ExitCode: 1. Last few exceptions: FileNotFoundException")))).build();
    try (Harness h = new Harness(engine, failing, Mocks.NONE)) {
      long instance = h.start(Harness.convert(DAG), Map.of("logical_date", "2025-03-01T00:00:00Z"));
      h.runToEnd(instance, Duration.ofSeconds(10), Duration.ofHours(2));

      Map<String, JsonNode> vars = h.variables(instance);
      assertThat(vars.get("dagState").asText()).isEqualTo("failed");
      assertThat(vars.get("ti_run_job").asText()).isEqualTo("failed");
      assertThat(vars.get("ti_delete_app").asText()).isEqualTo("upstream_failed");
      assertThat(vars.get("error").asText()).isEqualTo("AirflowException");
      assertThat(vars.get("cause").asText()).startsWith("Serverless Job failed: Waiter serverless_job_completed failed: "
          + "Waiter encountered a terminal failure state: For expression \"jobRun.state\" we matched expected path: \"FAILED\"")
          .contains("FileNotFoundException");
    }
  }

  @Test
  void aJobLongerThanTheWaitersAttemptsFailsTheTaskAsAirflowDoes() throws Exception {
    // 60 polls every 30 s: Airflow gives up after about 30 minutes.
    SimulatorConfig slow = SimulatorConfig.builder().serverless(ServerlessConfig.DEFAULT.withJobRuns(List.of(
        new ServerlessConfig.JobRunRule("aggregate-*", null, Duration.ofHours(3), null)))).build();
    try (Harness h = new Harness(engine, slow, Mocks.NONE)) {
      long instance = h.start(Harness.convert(DAG), Map.of("logical_date", "2025-03-01T00:00:00Z"));
      h.runToEnd(instance, Duration.ofSeconds(30), Duration.ofHours(3));

      Map<String, JsonNode> vars = h.variables(instance);
      assertThat(vars.get("ti_run_job").asText()).isEqualTo("failed");
      assertThat(vars.get("error").asText()).isEqualTo("AirflowException");
      assertThat(vars.get("cause").asText()).isEqualTo("Waiter error: max attempts reached");
    }
  }

  @Test
  void theJobAndApplicationSensorsWaitForTheirStates() throws Exception {
    try (Harness h = new Harness(engine, SimulatorConfig.defaults(), Mocks.NONE)) {
      long instance = h.start(Harness.convert(SENSOR_DAG), Map.of());
      h.runToEnd(instance, Duration.ofSeconds(10), Duration.ofHours(2));

      Map<String, JsonNode> vars = h.variables(instance);
      assertThat(h.incident(instance)).isNull();
      assertThat(vars.get("dagState").asText()).isEqualTo("success");
      String app = vars.get("xcom_create_app").asText();
      try (var client = EmrClients.serverlessForEndpoint(h.runtime.simulator().endpoint())) {
        assertThat(client.getApplication(r -> r.applicationId(app)).application().state()).isEqualTo(ApplicationState.STOPPED);
        var runs = client.listJobRuns(r -> r.applicationId(app)).jobRuns();
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).name()).as("name from config").isEqualTo("load");
        assertThat(runs.get(0).state()).isEqualTo(JobRunState.SUCCESS);
      }
    }
  }
}
