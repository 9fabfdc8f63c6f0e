package io.flowport.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.emrcontainers.EmrContainersClient;
import software.amazon.awssdk.services.emrcontainers.model.ListVirtualClustersResponse;
import software.amazon.awssdk.services.emrcontainers.model.VirtualCluster;
import software.amazon.awssdk.services.emrserverless.EmrServerlessClient;
import software.amazon.awssdk.services.emrserverless.model.ApplicationSummary;
import software.amazon.awssdk.services.emrserverless.model.ListApplicationsResponse;
import software.amazon.awssdk.services.emrserverless.model.ValidationException;

/**
 * Where job runs can be: EMR Serverless ListApplications and EMR on EKS ListVirtualClusters as the
 * job-run reaper reads them, in pages of at most 50 (or maxResults) with a nextToken, newest first,
 * with the states filter.
 */
class PlaceListingTest {

  static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");

  final ManualClock clock = new ManualClock(T0);
  EmrSimulator simulator;
  EmrServerlessClient serverless;
  EmrContainersClient containers;

  private void start(SimulatorConfig config) {
    simulator = EmrSimulator.start(clock, config);
    serverless = EmrClients.serverlessForEndpoint(simulator.endpoint());
    containers = EmrClients.containersForEndpoint(simulator.endpoint());
  }

  @AfterEach
  void stop() {
    serverless.close();
    containers.close();
    simulator.close();
  }

  private String eksRun(String vc) {
    return containers.startJobRun(r -> r.virtualClusterId(vc).name("job").executionRoleArn("arn:aws:iam::123456789012:role/job")
        .releaseLabel("emr-7.1.0-latest").jobDriver(d -> d.sparkSubmitJobDriver(s -> s.entryPoint("s3://code/job.py")))).id();
  }

  @Test
  void applicationsPageNewestFirstWithTheStatesFilter() {
    start(SimulatorConfig.builder().build());
    List<String> made = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      int n = i;
      made.add(serverless.createApplication(r -> r.name("app-" + n).releaseLabel("emr-7.1.0").type("SPARK")).applicationId());
    }
    clock.set(T0.plusSeconds(3600)); // all CREATED by now
    serverless.deleteApplication(r -> r.applicationId(made.get(119)));

    ListApplicationsResponse first = serverless.listApplications(r -> r.statesWithStrings("CREATED"));
    assertThat(first.applications()).hasSize(50);
    assertThat(first.applications().get(0).id()).isEqualTo(made.get(118)); // the newest, past the deleted one
    assertThat(first.nextToken()).isNotNull();
    List<String> all = new ArrayList<>();
    serverless.listApplicationsPaginator(r -> r.statesWithStrings("CREATED")).applications().stream().map(ApplicationSummary::id)
        .forEach(all::add);
    List<String> expected = new ArrayList<>(made.subList(0, 119));
    java.util.Collections.reverse(expected);
    assertThat(all).isEqualTo(expected);
    // Unfiltered, the deleted one is listed too, TERMINATED.
    assertThat(serverless.listApplications(r -> r.maxResults(1)).applications().get(0).stateAsString()).isEqualTo("TERMINATED");
    assertThat(serverless.listApplications(r -> r.statesWithStrings("STARTED")).applications()).isEmpty();
    assertThatThrownBy(() -> serverless.listApplications(r -> r.maxResults(51))).isInstanceOf(ValidationException.class)
        .hasMessageContaining("maxResults");
  }

  @Test
  void virtualClustersAreTheScenariosOrWhereRunsWereStarted() {
    start(SimulatorConfig.builder().build());
    assertThat(containers.listVirtualClusters(r -> {}).virtualClusters()).isEmpty();
    eksRun("vc-a");
    clock.set(T0.plusSeconds(60));
    eksRun("vc-b");
    eksRun("vc-a");

    ListVirtualClustersResponse page = containers.listVirtualClusters(r -> r.statesWithStrings("RUNNING").maxResults(1));
    assertThat(page.virtualClusters()).extracting(VirtualCluster::id).containsExactly("vc-b");
    assertThat(page.virtualClusters().get(0).stateAsString()).isEqualTo("RUNNING");
    assertThat(page.virtualClusters().get(0).arn()).endsWith(":/virtualclusters/vc-b");
    assertThat(containers.listVirtualClustersPaginator(r -> r.maxResults(1)).virtualClusters()).extracting(VirtualCluster::id)
        .containsExactly("vc-b", "vc-a");
    assertThat(containers.listVirtualClusters(r -> r.statesWithStrings("TERMINATED")).virtualClusters()).isEmpty();
    assertThat(containers.listVirtualClusters(r -> r.createdAfter(T0.plusSeconds(30))).virtualClusters())
        .extracting(VirtualCluster::id).containsExactly("vc-b");
  }

  @Test
  void aScenarioWithVirtualClustersListsThoseFromTheStart() {
    start(SimulatorConfig.builder().containers(ContainersConfig.DEFAULT.withVirtualClusters(List.of("vc-1", "vc-2"))).build());

    assertThat(containers.listVirtualClusters(r -> {}).virtualClusters()).extracting(VirtualCluster::id)
        .containsExactly("vc-2", "vc-1");
  }
}
