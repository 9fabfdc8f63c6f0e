package io.flowport.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import io.flowport.runtime.CreateOnce;
import io.flowport.runtime.EmrCall;
import io.flowport.runtime.Mocks;
import io.flowport.simulator.ContainersConfig;
import io.flowport.simulator.EmrClients;
import io.flowport.simulator.ServerlessConfig;
import io.flowport.simulator.SimulatorConfig;
import io.flowport.worker.reaper.InstanceStates;
import io.flowport.worker.reaper.JobRunPlaces;
import io.flowport.worker.reaper.JobRunReaper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The job-run reaper on the in-memory engine with the real workers and the simulator over HTTP:
 * an EMR Serverless or EMR on EKS job run whose instance is cancelled while it waits is cancelled
 * within one {@code flowport.reaper.interval} of source time; a kept run, and the run of an
 * instance still waiting, go on running.
 */
@ZeebeProcessTest
class JobRunReaperProcessTest {

  static final Duration INTERVAL = ReaperProcessTest.INTERVAL;
  static final Path SERVERLESS = Path.of("src/test/resources/asl/reaper_serverless.asl.json");
  static final Path SERVERLESS_KEEP = Path.of("src/test/resources/asl/reaper_serverless_keep.asl.json");
  static final Path EKS = Path.of("src/test/resources/asl/reaper_eks.asl.json");
  static final String VC = "kbrbt6s8xlfmrzfrtm3txdh9w";
  /** Jobs that run for three hours, far longer than the test's few intervals. */
  static final SimulatorConfig LONG_JOBS = SimulatorConfig.builder()
      .serverless(ServerlessConfig.DEFAULT.withJobRuns(List.of(new ServerlessConfig.JobRunRule("*", null, Duration.ofHours(3), null))))
      .containers(ContainersConfig.DEFAULT.withJobRuns(List.of(new ContainersConfig.JobRunRule("*", null, Duration.ofHours(3), null, null))))
      .build();

  private ZeebeTestEngine engine;

  @Test
  @Timeout(90)
  void aCancelledInstancesServerlessRunIsCancelledAndKeptAndActiveRunsAreNot() throws Exception {
    try (Harness h = new Harness(engine, LONG_JOBS, Mocks.NONE)) {
      String app = application(h);
      Map<String, Object> input = Map.of("input", Map.of("ApplicationId", app));
      long cancelled = h.start(Harness.convert(SERVERLESS), input);
      long kept = h.start(Harness.convert(SERVERLESS_KEEP), input);
      long waiting = h.start(Harness.convert(SERVERLESS), input);
      h.settleAll();
      // The runs get going and the reaper sweeps once while every instance still waits.
      h.runtime.clock().advance(Duration.ofMinutes(6));
      Thread.sleep(1_000);
      assertThat(serverlessRuns(h, app).values()).as("all running before the cancels").containsOnly("RUNNING");

      h.runtime.client().newCancelInstanceCommand(cancelled).send().join();
      h.runtime.client().newCancelInstanceCommand(kept).send().join();
      long t0 = System.nanoTime();
      h.runtime.clock().advance(INTERVAL);
      await(() -> serverlessRuns(h, app), cancelled, s -> s.equals("CANCELLING") || s.equals("CANCELLED"));
      long wallMs = Duration.ofNanos(System.nanoTime() - t0).toMillis();
      h.runtime.clock().advance(ServerlessConfig.DEFAULT.cancelling());
      h.runtime.clock().advance(INTERVAL);
      Thread.sleep(1_000); // a few reaper ticks after another interval

      Map<Long, String> runs = serverlessRuns(h, app);
      assertThat(runs.get(cancelled)).isEqualTo("CANCELLED");
      assertThat(runs.get(kept)).as("tagged flowport:keep").isEqualTo("RUNNING");
      assertThat(runs.get(waiting)).as("its instance still waits").isEqualTo("RUNNING");
      assertThat(h.ended(waiting)).isFalse();
      assertThat(h.runtime.simulator().calls()).containsEntry("CancelJobRun", 1);
      System.out.printf("job-run reaper: Serverless run of a cancelled instance CANCELLING %d ms wall after one interval; "
          + "calls %s%n", wallMs, h.runtime.simulator().calls());
    }
  }

  @Test
  @Timeout(90)
  void aCancelledInstancesEksRunIsCancelledAndAnActiveOneIsNot() throws Exception {
    try (Harness h = new Harness(engine, LONG_JOBS, Mocks.NONE)) {
      Map<String, Object> input = Map.of("input", Map.of("VirtualClusterId", VC));
      long cancelled = h.start(Harness.convert(EKS), input);
      long waiting = h.start(Harness.convert(EKS), input);
      h.settleAll();
      h.runtime.clock().advance(Duration.ofMinutes(6));
      Thread.sleep(1_000);
      assertThat(eksRuns(h).values()).containsOnly("RUNNING");

      h.runtime.client().newCancelInstanceCommand(cancelled).send().join();
      h.runtime.clock().advance(INTERVAL);
      await(() -> eksRuns(h), cancelled, s -> s.equals("CANCEL_PENDING") || s.equals("CANCELLED"));
      h.runtime.clock().advance(ContainersConfig.DEFAULT.cancelPending());
      h.runtime.clock().advance(INTERVAL);
      Thread.sleep(1_000);

      Map<Long, String> runs = eksRuns(h);
      assertThat(runs.get(cancelled)).isEqualTo("CANCELLED");
      assertThat(runs.get(waiting)).isEqualTo("RUNNING");
    }
  }

  /** A timer boundary (TimeoutSeconds) that fails the execution ends the instance: its run is cancelled. */
  @Test
  @Timeout(90)
  void aTimedOutExecutionsRunIsCancelled() throws Exception {
    try (Harness h = new Harness(engine, LONG_JOBS, Mocks.NONE)) {
      long timedOut = h.start(Harness.convert(Path.of("src/test/resources/asl/reaper_eks_timeout.asl.json")),
          Map.of("input", Map.of("VirtualClusterId", VC)));
      h.settleAll();
      h.runtime.clock().advance(Duration.ofMinutes(6));
      Thread.sleep(1_000);
      assertThat(eksRuns(h).get(timedOut)).as("running while the task waits").isEqualTo("RUNNING");
      h.runtime.clock().advance(Duration.ofMinutes(5)); // past TimeoutSeconds 600
      h.settleAll();
      assertThat(h.ended(timedOut)).isTrue();
      assertThat(h.variables(timedOut).get("error").asText()).isEqualTo("States.Timeout");

      h.runtime.clock().advance(INTERVAL);
      await(() -> eksRuns(h), timedOut, s -> s.equals("CANCEL_PENDING") || s.equals("CANCELLED"));
    }
  }

  /** Airflow's requests use boto3's names: the tags go in {@code tags}, not Step Functions' {@code Tags}. */
  @Test
  @Timeout(90)
  void aCancelledDagRunsEksJobIsCancelledToo() throws Exception {
    try (Harness h = new Harness(engine, LONG_JOBS, Mocks.NONE)) {
      long cancelled = h.start(Harness.convert(Path.of("examples/eks/spark_eks.py")), Map.of("logical_date", "2025-03-01T00:00:00Z"));
      h.settleAll();
      h.runtime.clock().advance(Duration.ofMinutes(6));
      Thread.sleep(1_000);
      assertThat(eksRuns(h).get(cancelled)).isEqualTo("RUNNING");

      h.runtime.client().newCancelInstanceCommand(cancelled).send().join();
      h.runtime.clock().advance(INTERVAL);
      await(() -> eksRuns(h), cancelled, s -> s.equals("CANCEL_PENDING") || s.equals("CANCELLED"));
    }
  }

  @Test
  @Timeout(90)
  void withTheReaperOffACancelledInstancesRunGoesOn() throws Exception {
    try (Harness h = new Harness(engine, LONG_JOBS, Mocks.NONE, Map.of("flowport.reaper.enabled", "false"))) {
      long cancelled = h.start(Harness.convert(EKS), Map.of("input", Map.of("VirtualClusterId", VC)));
      h.settleAll();
      h.runtime.clock().advance(Duration.ofMinutes(6));
      h.runtime.client().newCancelInstanceCommand(cancelled).send().join();
      h.runtime.clock().advance(INTERVAL);
      h.runtime.clock().advance(INTERVAL);
      Thread.sleep(1_500); // several reaper ticks, had there been a reaper

      assertThat(h.ended(cancelled)).isTrue();
      assertThat(eksRuns(h).get(cancelled)).isEqualTo("RUNNING");
      assertThat(h.runtime.simulator().calls()).doesNotContainKey("CancelJobRun");
    }
  }

  /**
   * Every worker restarts while the runs go on: the new workers' reaper has learnt no place (no job
   * of theirs named one), and still finds the runs of the cancelled instances at its first sweep,
   * by listing the account's applications and virtual clusters.
   */
  @Test
  @Timeout(90)
  void afterEveryWorkerRestartedACancelledInstancesRunsAreStillCancelled() throws Exception {
    // The workers that start the runs never sweep: their reaper goes with them.
    try (Harness h = new Harness(engine, LONG_JOBS, Mocks.NONE, Map.of("flowport.reaper.enabled", "false"))) {
      String app = application(h);
      long serverless = h.start(Harness.convert(SERVERLESS), Map.of("input", Map.of("ApplicationId", app)));
      long eks = h.start(Harness.convert(EKS), Map.of("input", Map.of("VirtualClusterId", VC)));
      h.settleAll();
      h.runtime.clock().advance(Duration.ofMinutes(6));
      Thread.sleep(1_000);
      assertThat(serverlessRuns(h, app).get(serverless)).isEqualTo("RUNNING");
      assertThat(eksRuns(h).get(eks)).isEqualTo("RUNNING");

      h.runtime.client().newCancelInstanceCommand(serverless).send().join();
      h.runtime.client().newCancelInstanceCommand(eks).send().join();
      h.settleAll();
      h.runtime.clock().advance(INTERVAL);
      java.net.URI endpoint = h.runtime.simulator().endpoint();
      java.util.List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
      try (var slsClient = EmrClients.serverlessForEndpoint(endpoint); var eksClient = EmrClients.containersForEndpoint(endpoint)) {
        EmrCall sls = new io.flowport.emr.EmrServerlessOperations(slsClient);
        EmrCall containers = new io.flowport.emr.EmrContainersOperations(eksClient);
        InstanceStates states = new EngineInstanceStates(() -> engine);
        // Without the search, as before: the restarted reaper knows nowhere to look.
        JobRunReaper.Sweep blind = new JobRunReaper(sls, containers, new JobRunPlaces(), states, log::add, 0).sweep();
        assertThat(blind.cancelled()).isEmpty();

        // The restarted workers' reaper as the worker makes it; this is its first sweep, one interval after start.
        JobRunReaper.Sweep first = new JobRunReaper(sls, containers, new JobRunPlaces(), states, log::add).sweep();

        assertThat(first.cancelled()).hasSize(2);
        assertThat(serverlessRuns(h, app).get(serverless)).isEqualTo("CANCELLING");
        assertThat(eksRuns(h).get(eks)).isEqualTo("CANCEL_PENDING");
        System.out.printf("job-run reaper after a restart: first sweep %d search calls, %d ListJobRuns, cancelled %s%n",
            first.searchCalls(), first.listCalls(), first.cancelled());
      }
    }
  }

  /** An application, CREATED by the time the instances start its runs (auto-start on). */
  private static String application(Harness h) {
    try (var client = EmrClients.serverlessForEndpoint(h.runtime.simulator().endpoint())) {
      String app = client.createApplication(r -> r.name("nightly").releaseLabel("emr-7.1.0").type("SPARK")).applicationId();
      h.runtime.clock().advance(Duration.ofMinutes(1));
      return app;
    }
  }

  /** The state of each instance's run, found by flowport's process-instance tag. */
  private static Map<Long, String> serverlessRuns(Harness h, String app) {
    Map<Long, String> out = new TreeMap<>();
    try (var client = EmrClients.serverlessForEndpoint(h.runtime.simulator().endpoint())) {
      client.listJobRunsPaginator(r -> r.applicationId(app)).jobRuns().forEach(s -> {
        var run = client.getJobRun(r -> r.applicationId(app).jobRunId(s.id())).jobRun();
        assertThat(out.put(Long.parseLong(run.tags().get(CreateOnce.PROCESS_INSTANCE)), run.stateAsString()))
            .as("one run per instance").isNull();
        assertThat(run.tags()).as("the request's own tags stay").containsEntry("team", "data");
      });
    }
    return out;
  }

  private static Map<Long, String> eksRuns(Harness h) {
    Map<Long, String> out = new TreeMap<>();
    try (var client = EmrClients.containersForEndpoint(h.runtime.simulator().endpoint())) {
      client.listJobRunsPaginator(r -> r.virtualClusterId(VC)).jobRuns().forEach(s -> {
        var run = client.describeJobRun(r -> r.virtualClusterId(VC).id(s.id())).jobRun();
        assertThat(out.put(Long.parseLong(run.tags().get(CreateOnce.PROCESS_INSTANCE)), run.stateAsString()))
            .as("one run per instance").isNull();
      });
    }
    return out;
  }

  /** Waits (up to 10 s wall: the reaper looks at the clock every 200 ms) until the instance's run is in such a state. */
  private static void await(java.util.function.Supplier<Map<Long, String>> runs, long instance, Predicate<String> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!done.test(runs.get().get(instance)) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(runs.get().get(instance)).as("the run after one reaper interval").matches(done);
  }
}
