package io.flowport.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.emrcontainers.EmrContainersClient;
import software.amazon.awssdk.services.emrcontainers.model.FailureReason;
import software.amazon.awssdk.services.emrcontainers.model.JobRun;
import software.amazon.awssdk.services.emrcontainers.model.JobRunState;
import software.amazon.awssdk.services.emrcontainers.model.ResourceNotFoundException;
import software.amazon.awssdk.services.emrcontainers.model.StartJobRunRequest;
import software.amazon.awssdk.services.emrcontainers.model.ValidationException;

/** EMR on EKS in the simulator, through the real SDK client over HTTP on a manual clock. */
class ContainersSimulatorTest {

  static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");
  static final String VC = "kbrbt6s8xlfmrzfrtm3txdh9w";

  final ManualClock clock = new ManualClock(T0);
  EmrSimulator simulator;
  EmrContainersClient client;

  void start(SimulatorConfig config) {
    simulator = EmrSimulator.start(clock, config);
    client = EmrClients.containersForEndpoint(simulator.endpoint());
  }

  @AfterEach
  void stop() {
    client.close();
    simulator.close();
  }

  void at(long seconds) {
    clock.set(T0.plusSeconds(seconds));
  }

  StartJobRunRequest.Builder job(String name) {
    return StartJobRunRequest.builder().virtualClusterId(VC).name(name).releaseLabel("emr-7.1.0-latest")
        .executionRoleArn("arn:aws:iam::123456789012:role/emr-eks-job")
        .jobDriver(d -> d.sparkSubmitJobDriver(s -> s.entryPoint("s3://code/" + name + ".py")));
  }

  JobRun run(String id) {
    return client.describeJobRun(r -> r.virtualClusterId(VC).id(id)).jobRun();
  }

  @Test
  void aJobRunGoesFromPendingToCompleted() {
    start(SimulatorConfig.defaults());
    var started = client.startJobRun(job("load").build());
    assertThat(started.id()).matches("[0-9a-z]{19}");
    assertThat(started.virtualClusterId()).isEqualTo(VC);
    assertThat(started.arn()).endsWith("/virtualclusters/" + VC + "/jobruns/" + started.id());

    assertThat(run(started.id()).state()).isEqualTo(JobRunState.PENDING);
    at(5);
    assertThat(run(started.id()).state()).isEqualTo(JobRunState.SUBMITTED);
    at(35);
    assertThat(run(started.id()).state()).isEqualTo(JobRunState.RUNNING);
    at(154);
    assertThat(run(started.id()).state()).isEqualTo(JobRunState.RUNNING);
    at(155);
    JobRun done = run(started.id());
    assertThat(done.state()).isEqualTo(JobRunState.COMPLETED);
    assertThat(done.finishedAt()).isEqualTo(T0.plusSeconds(155));
    assertThat(done.failureReason()).isNull();
    assertThat(done.jobDriver().sparkSubmitJobDriver().entryPoint()).isEqualTo("s3://code/load.py");
  }

  @Test
  void aScenarioRuleFailsTheNamedRunWithItsReasonAndDetails() {
    start(SimulatorConfig.builder().containers(ContainersConfig.DEFAULT.withJobRuns(List.of(
        new ContainersConfig.JobRunRule("bad-*", null, Duration.ofSeconds(10), "USER_ERROR", "Job failed, ExitCode: 1")))).build());
    String bad = client.startJobRun(job("bad-load").build()).id();
    String good = client.startJobRun(job("good").build()).id();
    at(45);
    JobRun failed = run(bad);
    assertThat(failed.state()).isEqualTo(JobRunState.FAILED);
    assertThat(failed.failureReason()).isEqualTo(FailureReason.USER_ERROR);
    assertThat(failed.stateDetails()).isEqualTo("Job failed, ExitCode: 1");
    assertThat(failed.finishedAt()).isEqualTo(T0.plusSeconds(45));
    assertThat(run(good).state()).isEqualTo(JobRunState.RUNNING);
  }

  @Test
  void cancelPendsThenCancelsAndAnEndedRunCannotBeCancelled() {
    start(SimulatorConfig.defaults());
    String id = client.startJobRun(job("load").build()).id();
    at(40);
    var cancelled = client.cancelJobRun(r -> r.virtualClusterId(VC).id(id));
    assertThat(cancelled.id()).isEqualTo(id);
    assertThat(run(id).state()).isEqualTo(JobRunState.CANCEL_PENDING);
    at(55);
    JobRun run = run(id);
    assertThat(run.state()).isEqualTo(JobRunState.CANCELLED);
    assertThat(run.failureReason()).isNull();
    assertThat(run.stateDetails()).isEqualTo(SimContainerRun.CANCELLED_DETAILS);
    assertThatThrownBy(() -> client.cancelJobRun(r -> r.virtualClusterId(VC).id(id)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("CANCELLED");
  }

  @Test
  void theSameClientTokenAnswersTheSameRunAndADifferentRequestIsRefused() {
    start(SimulatorConfig.defaults());
    String first = client.startJobRun(job("load").clientToken("t-1").build()).id();
    assertThat(client.startJobRun(job("load").clientToken("t-1").build()).id()).isEqualTo(first);
    assertThat(client.startJobRun(job("load").clientToken("t-2").build()).id()).isNotEqualTo(first);
    assertThatThrownBy(() -> client.startJobRun(job("other").clientToken("t-1").build()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("t-1");
    assertThat(client.listJobRuns(r -> r.virtualClusterId(VC)).jobRuns()).hasSize(2);
  }

  @Test
  void unknownRunsAndListedVirtualClustersAreResourceNotFound() {
    start(SimulatorConfig.builder().containers(ContainersConfig.DEFAULT.withVirtualClusters(List.of(VC))).build());
    assertThatThrownBy(() -> run("0000000nosuchrun000"))
        .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("0000000nosuchrun000");
    assertThatThrownBy(() -> client.startJobRun(job("load").virtualClusterId("other").build()))
        .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("Virtual cluster other");
    String id = client.startJobRun(job("load").build()).id();
    assertThat(run(id).virtualClusterId()).isEqualTo(VC);
  }

  @Test
  void aRunWithoutADriverOrRoleIsAValidationError() {
    start(SimulatorConfig.defaults());
    assertThatThrownBy(() -> client.startJobRun(r -> r.virtualClusterId(VC).name("x").releaseLabel("emr-7.1.0-latest")))
        .isInstanceOf(ValidationException.class).hasMessageContaining("executionRoleArn");
  }

  @Test
  void listJobRunsFiltersByState() {
    start(SimulatorConfig.defaults());
    String a = client.startJobRun(job("a").build()).id();
    at(40);
    String b = client.startJobRun(job("b").build()).id();
    assertThat(client.listJobRuns(r -> r.virtualClusterId(VC).statesWithStrings("RUNNING")).jobRuns())
        .extracting(JobRun::id).containsExactly(a);
    assertThat(client.listJobRuns(r -> r.virtualClusterId(VC)).jobRuns()).extracting(JobRun::id).containsExactly(b, a);
  }
}
