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

/** The EMR Serverless Step Functions example on Zeebe, with the real workers and the simulator. */
@ZeebeProcessTest
class ServerlessAslProcessTest {

  static final Path MACHINE = Path.of("examples/serverless/spark_serverless.asl.json");
  static final Map<String, Object> INPUT = Map.of("input", Map.of("JobName", "aggregate-orders", "Day", "2025-03-01"));

  private ZeebeTestEngine engine;

  @Test
  void createsTheApplicationRunsTheJobAndDeletesTheApplication() throws Exception {
    try (Harness h = new Harness(engine, SimulatorConfig.defaults(), Mocks.NONE)) {
      long instance = h.start(Harness.convert(MACHINE), INPUT);
      h.runToEnd(instance, Duration.ofSeconds(20), Duration.ofHours(2));

      assertThat(h.incident(instance)).isNull();
      assertThat(h.completed(instance)).contains("DeleteApplication", "succeeded").doesNotContain("failed");
      JsonNode output = h.variables(instance).get("output");
      String app = output.path("Application").path("ApplicationId").asText();
      String run = output.path("Job").path("JobRunId").asText();
      try (var client = EmrClients.serverlessForEndpoint(h.runtime.simulator().endpoint())) {
        assertThat(client.getApplication(r -> r.applicationId(app)).application().state()).isEqualTo(ApplicationState.TERMINATED);
        var jobRun = client.getJobRun(r -> r.applicationId(app).jobRunId(run)).jobRun();
        assertThat(jobRun.state()).isEqualTo(JobRunState.SUCCESS);
        assertThat(jobRun.jobDriver().sparkSubmit().entryPointArguments()).containsExactly("2025-03-01");
        assertThat(jobRun.tags()).containsEntry("team", "data");
        assertThat(jobRun.name()).isEqualTo("aggregate-orders");
      }
      assertThat(h.runtime.simulator().calls()).containsEntry("CreateApplication", 1).containsEntry("StartJobRun", 1);
    }
  }

  @Test
  void aFailedJobRunFailsTheSyncTaskWithStatesTaskFailedAndItsStateDetails() throws Exception {
    SimulatorConfig failing = SimulatorConfig.builder().serverless(ServerlessConfig.DEFAULT.withJobRuns(List.of(
        ServerlessConfig.JobRunRule.fail("aggregate-*",
            "Job failed, please check complete logs in configured logging destination. ExitCode: 1. "
                + "Last few exceptions: java.io.FileNotFoundException: s3://in/2025-03-01/ does not exist")))).build();
    try (Harness h = new Harness(engine, failing, Mocks.NONE)) {
      long instance = h.start(Harness.convert(MACHINE), INPUT);
      h.runToEnd(instance, Duration.ofSeconds(20), Duration.ofHours(2));

      assertThat(h.incident(instance)).isNull();
      assertThat(h.completed(instance)).contains("DeleteFailedApplication", "failed").doesNotContain("succeeded", "DeleteApplication");
      Map<String, JsonNode> vars = h.variables(instance);
      assertThat(vars.get("error").asText()).isEqualTo("SparkJobFailed");
      JsonNode cause = Harness.JSON.readTree(vars.get("cause").asText());
      assertThat(cause.path("State").asText()).isEqualTo("FAILED");
      assertThat(cause.path("StateDetails").asText()).contains("FileNotFoundException: s3://in/2025-03-01/ does not exist");
      assertThat(cause.path("Name").asText()).isEqualTo("aggregate-orders");
    }
  }

  @Test
  void withoutACatchTheFailedRunEndsTheMachineWithStatesTaskFailed() throws Exception {
    SimulatorConfig failing = SimulatorConfig.builder().serverless(ServerlessConfig.DEFAULT.withJobRuns(List.of(
        ServerlessConfig.JobRunRule.fail("*", "Job failed, ExitCode: 1")))).build();
    try (Harness h = new Harness(engine, failing, Mocks.NONE)) {
      long instance = h.start(Harness.convert(Path.of("src/test/resources/asl/serverless_no_catch.asl.json")), INPUT);
      h.runToEnd(instance, Duration.ofSeconds(20), Duration.ofHours(2));

      Map<String, JsonNode> vars = h.variables(instance);
      assertThat(h.completed(instance)).contains("failed");
      assertThat(vars.get("error").asText()).isEqualTo("States.TaskFailed");
      assertThat(vars.get("cause").asText()).contains("\"State\":\"FAILED\"").contains("Job failed, ExitCode: 1");
    }
  }

  @Test
  void aServiceErrorFailsTheTaskWithTheEmrServerlessErrorName() throws Exception {
    try (Harness h = new Harness(engine, SimulatorConfig.defaults(), Mocks.NONE)) {
      long instance = h.start(Harness.convert(Path.of("src/test/resources/asl/serverless_no_autostart.asl.json")), INPUT);
      h.runToEnd(instance, Duration.ofSeconds(20), Duration.ofHours(2));

      Map<String, JsonNode> vars = h.variables(instance);
      assertThat(h.completed(instance)).contains("failed");
      assertThat(vars.get("error").asText()).isEqualTo("EMRServerless.ConflictException");
      assertThat(vars.get("cause").asText()).contains("autoStartConfiguration is disabled");
    }
  }
}
