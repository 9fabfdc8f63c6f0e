package io.flowport.embedded;

import io.flowport.bench.Measurements;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import io.flowport.ir.Workflow;
import io.flowport.runtime.Mocks;
import io.flowport.simulator.ContainersConfig;
import io.flowport.simulator.EmrClients;
import io.flowport.simulator.ServerlessConfig;
import io.flowport.simulator.SimulatorConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * EMR on EKS and EMR Serverless job-run waits woken by the worker's tracker, on Zeebe with the real
 * workers and the simulator over HTTP. Step Functions polls DescribeJobRun every 60 s; an EKS run
 * is PENDING 5 s, SUBMITTED 30 s, then RUNNING (here 30 min) until COMPLETED. Tracked, a wait polls
 * after the source's first interval (RUNNING by then), at the slow fallback (every 10 min) and when
 * the listing shows the run COMPLETED; polling every 60 s takes about 31 polls.
 */
@ZeebeProcessTest
class JobRunTrackerProcessTest {

  static final Path EKS = Path.of("src/test/resources/asl/tracked_eks.asl.json");
  static final Duration RUNNING = Duration.ofMinutes(30);
  static final Duration STEP = Duration.ofSeconds(10);
  /** The reaper lists and reads job runs too: off, so the counts are the waits' own. */
  static final Map<String, String> TRACKER = Map.of("flowport.tracker.interval", "PT30S", "flowport.reaper.enabled", "false");
  static final SimulatorConfig LONG_RUNS = SimulatorConfig.builder()
      .containers(ContainersConfig.DEFAULT.withJobRuns(List.of(new ContainersConfig.JobRunRule("*", null, RUNNING, null, null))))
      .serverless(ServerlessConfig.DEFAULT.withJobRuns(List.of(new ServerlessConfig.JobRunRule("*", null, Duration.ofMinutes(10), null))))
      .build();

  private ZeebeTestEngine engine;

  private static Duration runAll(Harness h, List<Long> instances, Duration limit) throws Exception {
    return h.runAll(instances, STEP, limit);
  }

  private static List<Long> startAll(Harness h, Workflow wf, int n, Map<String, Object> vars) throws Exception {
    List<Long> instances = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      instances.add(h.start(wf, vars));
    }
    return instances;
  }

  @Test
  @Timeout(180)
  void eksWaitsPollTwiceEachAndListOncePerInterval() throws Exception {
    try (Harness h = new Harness(engine, LONG_RUNS, Mocks.NONE, TRACKER)) {
      List<Long> instances = startAll(h, Harness.convert(EKS), 10, Map.of());
      Duration used = runAll(h, instances, Duration.ofHours(1));
      instances.forEach(i -> assertThat(h.completed(i)).as("instance %s", i).contains("succeeded"));
      int describe = h.calls("DescribeJobRun");
      int list = h.calls("ListJobRuns");
      Measurements.record("tracker.txt", "tracker on: 10 EKS job-run waits, %s source time, DescribeJobRun %d, ListJobRuns %d".formatted(used, describe, list));
      // The first poll, a fallback poll per 10 min and the one the COMPLETED listing wakes (the
      // cause is the whole run, so each still describes it): at most 5 each, not 31.
      assertThat(describe).isBetween(2 * 10, 5 * 10);
      // One listing of the virtual cluster per 30 s of source time.
      assertThat(list).isBetween(1, (int) (used.toSeconds() / 30) + 1);
      // COMPLETED at 35 s + 30 min, seen within one tracker interval and a clock step or two (source
      // time also passes while the harness settles, so the steps add up to a little less).
      Duration done = Duration.ofSeconds(35).plus(RUNNING);
      assertThat(used).isBetween(done.minusSeconds(60), done.plusSeconds(30 + 2 * STEP.toSeconds()));
    }
  }

  @Test
  @Timeout(180)
  void withoutTheTrackerTheSameWaitsPollEveryMinute() throws Exception {
    try (Harness h = new Harness(engine, LONG_RUNS, Mocks.NONE,
        Map.of("flowport.tracker.enabled", "false", "flowport.reaper.enabled", "false"))) {
      List<Long> instances = startAll(h, Harness.convert(EKS), 5, Map.of());
      Duration used = runAll(h, instances, Duration.ofHours(1));
      instances.forEach(i -> assertThat(h.completed(i)).contains("succeeded"));
      Measurements.record("tracker.txt", "tracker off: 5 EKS job-run waits, %s source time, DescribeJobRun %d".formatted(used, h.calls("DescribeJobRun")));
      // Polls every 60 s until the first after 35 s + 30 min: 30 or 31 each, depending on where the
      // first poll falls in the run's SUBMITTED phase.
      assertThat(h.calls("DescribeJobRun")).isBetween(30 * 5, 31 * 5);
      assertThat(h.calls("ListJobRuns")).isZero();
    }
  }

  /**
   * Airflow's EmrServerlessStartJobOperator waits on jobRun.state and reports jobRun.stateDetails:
   * a listing's summary has both, so after its first look a wait decides from what the tracker
   * listed and GetJobRun is called once per wait.
   */
  @Test
  @Timeout(180)
  void airflowServerlessWaitsDecideFromTheListing() throws Exception {
    try (Harness h = new Harness(engine, LONG_RUNS, Mocks.NONE, TRACKER)) {
      List<Long> instances = startAll(h, Harness.convert(Path.of("examples/serverless/spark_serverless.py")), 5,
          Map.of("logical_date", "2025-03-01T00:00:00Z"));
      Duration used = runAll(h, instances, Duration.ofHours(1));
      for (long i : instances) {
        assertThat(h.variables(i).get("dagState").asText()).as("instance %s", i).isEqualTo("success");
      }
      int get = h.calls("GetJobRun");
      Measurements.record("tracker.txt", "tracker on: 5 Airflow Serverless job-run waits, %s source time, GetJobRun %d, ListJobRuns %d".formatted(used, get,
          h.calls("ListJobRuns")));
      assertThat(get).isBetween(5, 2 * 5);
      try (var client = EmrClients.serverlessForEndpoint(h.runtime.simulator().endpoint())) {
        assertThat(client.listApplicationsPaginator(r -> {}).applications()).hasSize(5);
      }
    }
  }
}
