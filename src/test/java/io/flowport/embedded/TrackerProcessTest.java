package io.flowport.embedded;

import io.flowport.bench.Measurements;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import io.flowport.bpmn.BpmnGenerator;
import io.flowport.contract.Vars;
import io.flowport.ir.Workflow;
import io.flowport.runtime.Mocks;
import io.flowport.simulator.ClusterRule;
import io.flowport.simulator.SimulatorConfig;
import io.flowport.worker.TrackerMessages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.emr.model.ClusterState;

/**
 * EMR waits woken by the worker's tracker, on Zeebe with the real workers and the simulator over
 * HTTP. createCluster.sync succeeds when the cluster is WAITING; Step Functions polls every 60 s.
 * The simulator's cluster is STARTING for 240 s, BOOTSTRAPPING for 120 s, then WAITING (or RUNNING
 * its steps, 120 s each). With the tracker a wait polls once after the source's first interval and
 * once per state change after that: 3 DescribeCluster calls for STARTING → BOOTSTRAPPING → WAITING,
 * where polling every 60 s makes 6.
 */
@ZeebeProcessTest
class TrackerProcessTest {

  static final Path MACHINE = Path.of("src/test/resources/asl/tracked_cluster.asl.json");
  static final int N = 20;
  static final Duration STEP = Duration.ofSeconds(10);
  /** The idempotency lookup lists clusters too: off, so ListClusters counts only the tracker's calls. */
  // The reaper's sweeps read clusters too (DescribeCluster): off, so the counts are the waits' own.
  static final Map<String, String> TRACKER = Map.of("flowport.idempotency.lookup", "false", "flowport.tracker.interval", "PT30S",
      "flowport.reaper.enabled", "false");

  private ZeebeTestEngine engine;

  @TempDir
  Path tmp;

  private static Duration runAll(Harness h, List<Long> instances, Duration limit) throws Exception {
    return h.runAll(instances, STEP, limit);
  }

  @Test
  void manyClusterWaitsPollOncePerStateChangeAndListClustersOncePerInterval() throws Exception {
    try (Harness h = new Harness(engine, SimulatorConfig.defaults(), Mocks.NONE, TRACKER)) {
      Workflow wf = Harness.convert(MACHINE);
      List<Long> instances = new ArrayList<>();
      for (int i = 0; i < N; i++) {
        instances.add(h.start(wf, Map.of()));
      }
      Duration used = runAll(h, instances, Duration.ofMinutes(30));
      for (long i : instances) {
        assertThat(h.completed(i)).as("instance %s", i).contains("succeeded");
        assertThat(h.variables(i).get("output").path("ClusterId").asText()).startsWith("j-");
      }
      int describe = h.calls("DescribeCluster");
      int list = h.calls("ListClusters");
      Measurements.record("tracker.txt",
          "tracker on: %d cluster waits, %s source time, DescribeCluster %d, ListClusters %d".formatted(N, used, describe, list));
      // At most one describe per wait: its first look, when no listing had seen its cluster yet;
      // later looks decide from what the tracker listed (the acceptors read only Cluster.Status).
      assertThat(describe).isBetween(1, N);
      // One listing per 30 s of source time while waits are watched (page size 50 > N).
      assertThat(list).isBetween(1, (int) (used.toSeconds() / 30) + 1);
      // WAITING at 360 s, seen within one tracker interval and a clock step.
      assertThat(used).isBetween(Duration.ofSeconds(360), Duration.ofSeconds(360 + 30 + 2 * STEP.toSeconds()));
    }
  }

  @Test
  void withoutTheTrackerTheSameWaitsPollAtTheSourceInterval() throws Exception {
    Map<String, String> off = Map.of("flowport.idempotency.lookup", "false", "flowport.tracker.enabled", "false",
        "flowport.reaper.enabled", "false");
    try (Harness h = new Harness(engine, SimulatorConfig.defaults(), Mocks.NONE, off)) {
      Workflow wf = Harness.convert(MACHINE);
      List<Long> instances = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        instances.add(h.start(wf, Map.of()));
      }
      Duration used = runAll(h, instances, Duration.ofMinutes(30));
      instances.forEach(i -> assertThat(h.completed(i)).contains("succeeded"));
      // Polls at 60, 120, ..., 360 s: six each, none listed.
      Measurements.record("tracker.txt",
          "tracker off: 5 cluster waits, %s source time, DescribeCluster %d".formatted(used, h.calls("DescribeCluster")));
      assertThat(h.calls("DescribeCluster")).isEqualTo(6 * 5);
      assertThat(h.calls("ListClusters")).isZero();
      // Source time also passes while the harness settles, so the clock steps add up to a little less than 360 s.
      assertThat(used).isBetween(Duration.ofSeconds(300), Duration.ofSeconds(360 + 2 * STEP.toSeconds()));
    }
  }

  @Test
  void aClusterThatFailsToBootstrapIsWokenAndFailsTheWaitWithTheEmrReason() throws Exception {
    SimulatorConfig failing = SimulatorConfig.builder()
        .clusterRule(ClusterRule.fail("Tracked", ClusterState.BOOTSTRAPPING, "BOOTSTRAP_FAILURE", "bootstrap action 1 returned 1"))
        .build();
    try (Harness h = new Harness(engine, failing, Mocks.NONE, TRACKER)) {
      long instance = h.start(Harness.convert(MACHINE), Map.of());
      runAll(h, List.of(instance), Duration.ofMinutes(30));
      Map<String, JsonNode> vars = h.variables(instance);
      assertThat(h.completed(instance)).contains("failed");
      assertThat(vars.get("error").asText()).isEqualTo("States.TaskFailed");
      // The createCluster.sync waiter fails at TERMINATING already, with the cluster's StateChangeReason.
      assertThat(vars.get("cause").asText()).matches("Cluster j-[A-Z0-9]+ is TERMINAT\\w+: BOOTSTRAP_FAILURE: bootstrap action 1 returned 1");
      assertThat(h.calls("DescribeCluster")).isLessThanOrEqualTo(3);
    }
  }

  /** Starts a cluster with one step named "s" and an EmrStepSensor DAG on it; returns the instance. */
  private long stepSensor(Harness h) throws Exception {
    String cluster;
    String step;
    try (var emr = io.flowport.simulator.EmrClients.forEndpoint(h.runtime.simulator().endpoint())) {
      cluster = emr.runJobFlow(r -> r.name("steps").releaseLabel("emr-7.1.0")
          .instances(i -> i.keepJobFlowAliveWhenNoSteps(true).instanceCount(1).masterInstanceType("m5.xlarge"))
          .steps(s -> s.name("s").actionOnFailure("CONTINUE").hadoopJarStep(j -> j.jar("command-runner.jar").args("true"))))
          .jobFlowId();
      step = emr.listSteps(r -> r.clusterId(cluster)).steps().get(0).id();
    }
    Path dag = Files.writeString(tmp.resolve("step_wait.py"), """
        from datetime import datetime
        from airflow import DAG
        from airflow.providers.amazon.aws.sensors.emr import EmrStepSensor

        with DAG("step_wait", start_date=datetime(2026, 1, 1), schedule=None, catchup=False):
            wait_step = EmrStepSensor(task_id="wait_step", job_flow_id="%s", step_id="%s", poke_interval=60, timeout=3600)
        """.formatted(cluster, step));
    return h.start(Harness.convert(dag), Map.of());
  }

  @Test
  void aStepSensorIsWokenWhenTheStepRunsAndWhenItCompletes() throws Exception {
    try (Harness h = new Harness(engine, SimulatorConfig.defaults(), Mocks.NONE, TRACKER)) {
      long instance = stepSensor(h);
      Duration used = runAll(h, List.of(instance), Duration.ofMinutes(30));
      assertThat(h.variables(instance).get(Vars.taskState("wait_step")).asText()).isEqualTo("success");
      // PENDING at the first poke, RUNNING at 360 s, COMPLETED at 480 s: three pokes, where every 60 s makes nine;
      // only the first calls DescribeStep, the woken ones decide from the tracker's ListSteps.
      Measurements.record("tracker.txt", "step sensor: %s source time, DescribeStep %d, ListSteps %d".formatted(used, h.calls("DescribeStep"), h.calls("ListSteps")));
      assertThat(h.calls("DescribeStep")).isEqualTo(1);
      assertThat(h.calls("ListSteps")).isGreaterThanOrEqualTo(2);
      assertThat(used).isBetween(Duration.ofSeconds(480), Duration.ofSeconds(480 + 30 + 2 * STEP.toSeconds()));
    }
  }

  @Test
  void aFailedStepIsWokenAndFailsTheSensorWithItsFailureDetails() throws Exception {
    SimulatorConfig failing = SimulatorConfig.builder()
        .stepRule(new io.flowport.simulator.StepRule("s", "Spark job failed", "Exception in thread main", "s3://logs/stderr.gz"))
        .build();
    try (Harness h = new Harness(engine, failing, Mocks.NONE, TRACKER)) {
      long instance = stepSensor(h);
      runAll(h, List.of(instance), Duration.ofMinutes(30));
      Map<String, JsonNode> vars = h.variables(instance);
      assertThat(vars.get(Vars.taskState("wait_step")).asText()).isEqualTo("failed");
      assertThat(vars.get("error").asText()).isEqualTo("AirflowException");
      // EmrStepSensor: AirflowException(f"EMR job failed: {failure_message_from_response(response)}").
      assertThat(vars.get("cause").asText()).isEqualTo(
          "EMR job failed: for reason Spark job failed with message Exception in thread main and log file s3://logs/stderr.gz");
      // The failure details come from ListSteps' summary, as DescribeStep's would.
      assertThat(h.calls("DescribeStep")).isEqualTo(1);
    }
  }

  /**
   * The tracker may publish while the woken instance is still between its poll job and the
   * event-based gateway: the message's time to live keeps it until the catch event opens.
   */
  @Test
  void aMessagePublishedBeforeTheLoopWaitsIsTakenWhenItDoes() throws Exception {
    Workflow wf = Harness.convert(MACHINE);
    try (CamundaClient client = CamundaClient.newClientBuilder().grpcAddress(java.net.URI.create("http://" + engine.getGatewayAddress()))
        .preferRestOverGrpc(false).build()) {
      client.newDeployResourceCommand().addResourceStringUtf8(new BpmnGenerator().toXml(wf), "m.bpmn").send().join();
      client.newCreateInstanceCommand().bpmnProcessId(wf.id()).latestVersion().send().join();
      ActivatedJob create = one(client, "flowport.emr.RunJobFlow");
      client.newCompleteCommand(create).variables(Map.of(Vars.SYNC_RESULT, Map.of("ClusterId", "j-TTL"), Vars.WAIT_STATE, "pending"))
          .send().join();
      engine.waitForIdleState(Duration.ofSeconds(10));
      engine.increaseTime(Duration.ofSeconds(61)); // the first wait is the source's 60 s
      ActivatedJob poll = one(client, "flowport.emr.DescribeCluster");
      String key = "j-TTL#" + poll.getElementInstanceKey();
      TrackerMessages.send(client, key, Duration.ofMinutes(10)).toCompletableFuture().join();
      client.newCompleteCommand(poll).variables(Map.of(Vars.WAIT_STATE, "pending", Vars.POLL_COUNT, 1, Vars.WAIT_KEY, key,
          Vars.WAIT_DELAY, "PT10M")).send().join();
      // No time passes: only the buffered message can bring the next poll.
      ActivatedJob next = one(client, "flowport.emr.DescribeCluster");
      assertThat(next.getElementInstanceKey()).isNotEqualTo(poll.getElementInstanceKey());
    }
  }

  private ActivatedJob one(CamundaClient client, String type) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      engine.waitForIdleState(Duration.ofSeconds(5));
      List<ActivatedJob> jobs = client.newActivateJobsCommand().jobType(type).maxJobsToActivate(1).workerName("test")
          .send().join().getJobs();
      if (!jobs.isEmpty()) {
        return jobs.get(0);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no " + type + " job within 10 s");
  }
}
