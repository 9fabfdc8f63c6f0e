package io.flowport.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.emrcontainers.EmrContainersClient;
import software.amazon.awssdk.services.emrserverless.EmrServerlessClient;
import software.amazon.awssdk.services.emrserverless.model.JobRunSummary;
import software.amazon.awssdk.services.emrserverless.model.ValidationException;

/**
 * ListJobRuns of both services as the reaper and the tracker read it: pages of at most 50 (or
 * maxResults) with a nextToken, newest first, the states filter and the creation-time bounds.
 */
class JobRunListingTest {

  static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");
  static final String VC = "vc0000000000000000000001";

  final ManualClock clock = new ManualClock(T0);
  EmrSimulator simulator;
  EmrServerlessClient serverless;
  EmrContainersClient containers;

  @BeforeEach
  void start() {
    simulator = EmrSimulator.start(clock, SimulatorConfig.builder().build());
    serverless = EmrClients.serverlessForEndpoint(simulator.endpoint());
    containers = EmrClients.containersForEndpoint(simulator.endpoint());
  }

  @AfterEach
  void stop() {
    serverless.close();
    containers.close();
    simulator.close();
  }

  private String serverlessRun(String app, String name) {
    return serverless.startJobRun(r -> r.applicationId(app).name(name)
        .executionRoleArn("arn:aws:iam::123456789012:role/job")
        .jobDriver(d -> d.sparkSubmit(s -> s.entryPoint("s3://code/job.py")))).jobRunId();
  }

  private String eksRun(String name) {
    return containers.startJobRun(r -> r.virtualClusterId(VC).name(name).executionRoleArn("arn:aws:iam::123456789012:role/job")
        .releaseLabel("emr-7.1.0-latest").jobDriver(d -> d.sparkSubmitJobDriver(s -> s.entryPoint("s3://code/job.py")))).id();
  }

  @Test
  void serverlessPagesNewestFirstWithStatesAndCreationBounds() {
    clock.set(T0.minusSeconds(3600)); // created an hour before: CREATED by T0
    String app = serverless.createApplication(r -> r.name("etl").releaseLabel("emr-7.1.0").type("SPARK")).applicationId();
    List<String> started = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      clock.set(T0.plusSeconds(i));
      started.add(serverlessRun(app, "run-" + i));
    }
    // 120 runs: pages of 50, 50 and 20, the SDK's paginator following nextToken.
    var pages = serverless.listJobRunsPaginator(r -> r.applicationId(app)).stream().toList();
    assertThat(pages).extracting(p -> p.jobRuns().size()).containsExactly(50, 50, 20);
    List<String> listed = pages.stream().flatMap(p -> p.jobRuns().stream()).map(JobRunSummary::id).toList();
    assertThat(listed).isEqualTo(started.reversed());

    serverless.cancelJobRun(r -> r.applicationId(app).jobRunId(started.get(7)));
    List<String> cancelling = serverless.listJobRunsPaginator(r -> r.applicationId(app).statesWithStrings("CANCELLING"))
        .jobRuns().stream().map(JobRunSummary::id).toList();
    assertThat(cancelling).containsExactly(started.get(7));

    // Runs created at T0+100 s .. T0+109 s, in pages of 4.
    var bounded = serverless.listJobRunsPaginator(r -> r.applicationId(app).maxResults(4)
        .createdAtAfter(T0.plusSeconds(100)).createdAtBefore(T0.plusSeconds(109))).stream().toList();
    assertThat(bounded).extracting(p -> p.jobRuns().size()).containsExactly(4, 4, 2);
    assertThat(bounded.stream().flatMap(p -> p.jobRuns().stream()).map(JobRunSummary::id))
        .isEqualTo(started.subList(100, 110).reversed());

    assertThatThrownBy(() -> serverless.listJobRuns(r -> r.applicationId(app).nextToken("nonsense")))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> serverless.listJobRuns(r -> r.applicationId(app).maxResults(51)))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void eksPagesPerVirtualClusterWithStatesAndCreationBounds() {
    List<String> started = new ArrayList<>();
    for (int i = 0; i < 70; i++) {
      clock.set(T0.plusSeconds(i));
      started.add(eksRun("run-" + i));
      // Another virtual cluster's runs are never listed here.
      containers.startJobRun(r -> r.virtualClusterId("other").name("x").executionRoleArn("arn:aws:iam::123456789012:role/job")
          .releaseLabel("emr-7.1.0-latest").jobDriver(d -> d.sparkSubmitJobDriver(s -> s.entryPoint("s3://code/job.py"))));
    }
    var pages = containers.listJobRunsPaginator(r -> r.virtualClusterId(VC)).stream().toList();
    assertThat(pages).extracting(p -> p.jobRuns().size()).containsExactly(50, 20);
    assertThat(pages.stream().flatMap(p -> p.jobRuns().stream()).map(j -> j.id())).isEqualTo(started.reversed());

    containers.cancelJobRun(r -> r.virtualClusterId(VC).id(started.get(3)));
    assertThat(containers.listJobRunsPaginator(r -> r.virtualClusterId(VC).statesWithStrings("PENDING", "SUBMITTED", "RUNNING"))
        .jobRuns().stream().map(j -> j.id())).hasSize(69).doesNotContain(started.get(3));

    assertThat(containers.listJobRunsPaginator(r -> r.virtualClusterId(VC).createdAfter(T0.plusSeconds(65))).jobRuns()
        .stream().map(j -> j.id())).isEqualTo(started.subList(65, 70).reversed());
  }
}
