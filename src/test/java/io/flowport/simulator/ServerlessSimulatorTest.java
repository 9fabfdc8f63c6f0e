package io.flowport.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.emrserverless.EmrServerlessClient;
import software.amazon.awssdk.services.emrserverless.model.ApplicationState;
import software.amazon.awssdk.services.emrserverless.model.ConflictException;
import software.amazon.awssdk.services.emrserverless.model.JobRun;
import software.amazon.awssdk.services.emrserverless.model.JobRunState;
import software.amazon.awssdk.services.emrserverless.model.ResourceNotFoundException;
import software.amazon.awssdk.services.emrserverless.model.StartJobRunRequest;
import software.amazon.awssdk.services.emrserverless.model.ValidationException;

/** EMR Serverless in the simulator, through the real SDK client over HTTP on a manual clock. */
class ServerlessSimulatorTest {

  static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");

  final ManualClock clock = new ManualClock(T0);
  EmrSimulator simulator;
  EmrServerlessClient client;

  void start(SimulatorConfig config) {
    simulator = EmrSimulator.start(clock, config);
    client = EmrClients.serverlessForEndpoint(simulator.endpoint());
  }

  @AfterEach
  void stop() {
    client.close();
    simulator.close();
  }

  void at(long seconds) {
    clock.set(T0.plusSeconds(seconds));
  }

  String create(boolean autoStart) {
    return client.createApplication(r -> r.name("etl").releaseLabel("emr-7.1.0").type("SPARK")
        .autoStartConfiguration(a -> a.enabled(autoStart))).applicationId();
  }

  ApplicationState state(String app) {
    return client.getApplication(r -> r.applicationId(app)).application().state();
  }

  StartJobRunRequest.Builder job(String app, String name) {
    return StartJobRunRequest.builder().applicationId(app).name(name)
        .executionRoleArn("arn:aws:iam::123456789012:role/emr-serverless-job")
        .jobDriver(d -> d.sparkSubmit(s -> s.entryPoint("s3://code/" + name + ".py")));
  }

  JobRun run(String app, String id) {
    return client.getJobRun(r -> r.applicationId(app).jobRunId(id)).jobRun();
  }

  @Test
  void anApplicationGoesThroughItsLifecycle() {
    start(SimulatorConfig.defaults());
    String app = create(true);
    assertThat(app).matches("00[0-9a-z]{14}");
    assertThat(state(app)).isEqualTo(ApplicationState.CREATING);
    at(5);
    assertThat(state(app)).isEqualTo(ApplicationState.CREATED);

    client.startApplication(r -> r.applicationId(app));
    assertThat(state(app)).isEqualTo(ApplicationState.STARTING);
    at(65);
    assertThat(state(app)).isEqualTo(ApplicationState.STARTED);

    client.stopApplication(r -> r.applicationId(app));
    assertThat(state(app)).isEqualTo(ApplicationState.STOPPING);
    at(95);
    assertThat(state(app)).isEqualTo(ApplicationState.STOPPED);

    client.deleteApplication(r -> r.applicationId(app));
    assertThat(state(app)).isEqualTo(ApplicationState.TERMINATED);
    assertThat(simulator.calls()).containsEntry("GetApplication", 7).containsEntry("DeleteApplication", 1);
  }

  @Test
  void aJobRunAutoStartsItsApplicationAndRunsToSuccess() {
    start(SimulatorConfig.defaults());
    String app = create(true);
    at(5);
    String id = client.startJobRun(job(app, "load").clientToken("t-1").build()).jobRunId();

    assertThat(run(app, id).state()).isEqualTo(JobRunState.SUBMITTED);
    assertThat(state(app)).isEqualTo(ApplicationState.STARTING);
    at(10);
    assertThat(run(app, id).state()).as("waits for its application").isEqualTo(JobRunState.PENDING);
    at(65);
    assertThat(run(app, id).state()).isEqualTo(JobRunState.SCHEDULED);
    at(80);
    assertThat(run(app, id).state()).isEqualTo(JobRunState.RUNNING);
    at(200);
    JobRun done = run(app, id);
    assertThat(done.state()).isEqualTo(JobRunState.SUCCESS);
    assertThat(done.totalExecutionDurationSeconds()).isEqualTo(120);
    assertThat(done.arn()).endsWith("/applications/" + app + "/jobruns/" + id);

    at(200 + 15 * 60);
    assertThat(state(app)).as("auto-stop after 15 idle minutes").isEqualTo(ApplicationState.STOPPING);
  }

  @Test
  void aScenarioFailsAJobRunWithItsStateDetails() {
    start(SimulatorConfig.builder().serverless(ServerlessConfig.DEFAULT.withJobRuns(List.of(
        ServerlessConfig.JobRunRule.fail("load-*", "Job failed, ExitCode: 1. Last few exceptions: FileNotFoundException")))).build());
    String app = create(true);
    at(5);
    String id = client.startJobRun(job(app, "load-orders").clientToken("t-1").build()).jobRunId();
    at(1000);

    JobRun failed = run(app, id);
    assertThat(failed.state()).isEqualTo(JobRunState.FAILED);
    assertThat(failed.stateDetails()).contains("FileNotFoundException");
  }

  @Test
  void theSameClientTokenAndRequestGiveTheSameRun() {
    start(SimulatorConfig.defaults());
    String app = create(true);
    at(5);
    String first = client.startJobRun(job(app, "load").clientToken("flowport-42").build()).jobRunId();
    String again = client.startJobRun(job(app, "load").clientToken("flowport-42").build()).jobRunId();
    String other = client.startJobRun(job(app, "load").clientToken("flowport-43").build()).jobRunId();

    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
    assertThat(client.listJobRuns(r -> r.applicationId(app)).jobRuns()).hasSize(2);
    assertThatThrownBy(() -> client.startJobRun(job(app, "other").clientToken("flowport-42").build()))
        .isInstanceOf(ConflictException.class).hasMessageContaining("flowport-42");

    String created = client.createApplication(r -> r.name("a").releaseLabel("emr-7.1.0").type("SPARK").clientToken("c")).applicationId();
    assertThat(client.createApplication(r -> r.name("a").releaseLabel("emr-7.1.0").type("SPARK").clientToken("c")).applicationId())
        .isEqualTo(created);
  }

  @Test
  void stoppingAStoppedApplicationSucceeds() {
    // The amazon provider's example DAG stops, then deletes (which stops again), against AWS.
    start(SimulatorConfig.defaults());
    String app = create(false);
    at(5);
    client.startApplication(r -> r.applicationId(app));
    at(5 + 60);
    client.stopApplication(r -> r.applicationId(app));
    client.stopApplication(r -> r.applicationId(app));
    at(5 + 60 + 30);
    client.stopApplication(r -> r.applicationId(app));
    assertThat(client.getApplication(r -> r.applicationId(app)).application().stateAsString()).isEqualTo("STOPPED");
    client.deleteApplication(r -> r.applicationId(app));
  }

  @Test
  void errorsAreTheServicesOwn() {
    start(SimulatorConfig.defaults());
    assertThatThrownBy(() -> client.getApplication(r -> r.applicationId("00nosuchapp00000")))
        .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("Application 00nosuchapp00000 does not exist");
    String app = create(false);
    at(5);
    assertThatThrownBy(() -> client.startJobRun(job(app, "load").clientToken("t").build()))
        .as("auto-start off, application not started").isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> client.getJobRun(r -> r.applicationId(app).jobRunId("00nosuchrun00000")))
        .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("JobRun 00nosuchrun00000 does not exist");
    assertThatThrownBy(() -> client.stopApplication(r -> r.applicationId(app)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Application cannot be STOPPED. Applications must be in one of the following statuses: [STARTING, STARTED]");
    assertThatThrownBy(() -> client.createApplication(r -> r.releaseLabel("emr-7.1.0").type("PRESTO")))
        .isInstanceOf(ValidationException.class).hasMessageContaining("Unsupported engine PRESTO");

    client.startApplication(r -> r.applicationId(app));
    at(100);
    String id = client.startJobRun(job(app, "load").clientToken("t").build()).jobRunId();
    assertThatThrownBy(() -> client.deleteApplication(r -> r.applicationId(app))).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> client.stopApplication(r -> r.applicationId(app)))
        .as("open job runs").isInstanceOf(ValidationException.class);
    client.cancelJobRun(r -> r.applicationId(app).jobRunId(id));
    assertThat(run(app, id).state()).isEqualTo(JobRunState.CANCELLING);
    at(115);
    assertThat(run(app, id).state()).isEqualTo(JobRunState.CANCELLED);
    assertThatThrownBy(() -> client.cancelJobRun(r -> r.applicationId(app).jobRunId(id))).isInstanceOf(ValidationException.class);
  }

  @Test
  void emrAndServerlessShareOneEndpoint() {
    start(SimulatorConfig.defaults());
    try (var emr = EmrClients.forEndpoint(simulator.endpoint())) {
      assertThat(emr.listClusters().clusters()).isEmpty();
    }
    create(true);
    assertThat(simulator.calls()).containsEntry("ListClusters", 1).containsEntry("CreateApplication", 1);
  }
}
