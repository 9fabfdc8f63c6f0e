package io.flowport.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.flowport.ir.Workflow;
import io.flowport.runtime.CreateOnce;
import io.flowport.runtime.Mocks;
import io.flowport.simulator.EmrClients;
import io.flowport.simulator.FaultRule;
import io.flowport.simulator.SimulatorConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.emr.EmrClient;
import software.amazon.awssdk.services.emr.model.ClusterSummary;
import software.amazon.awssdk.services.emr.model.Tag;

/**
 * Reliability test 7a: every RunJobFlow answer is lost (half as 500, half as a dropped connection,
 * drawn from the seed), so every create is performed and then re-delivered by Zeebe after its
 * back-off. Each of 100 executions must still end with exactly one cluster.
 */
@ZeebeProcessTest
class CreateOnceProcessTest {

  static final int INSTANCES = 100;
  static final Path MACHINE = Path.of("src/test/resources/asl/create_cluster.asl.json");
  static final SimulatorConfig LOSING = SimulatorConfig.builder()
      .seed(7)
      .fault(new FaultRule("RunJobFlow", FaultRule.Answer.ERROR, null, 0.5))
      .fault(FaultRule.always("RunJobFlow", FaultRule.Answer.DROP))
      .build();

  private ZeebeTestEngine engine;

  @Test
  @Timeout(120)
  void everyLostAnswerStillEndsWithExactlyOneClusterPerExecution() throws Exception {
    try (Harness h = new Harness(engine, LOSING, Mocks.NONE)) {
      long t0 = System.nanoTime();
      List<Long> instances = runAll(h);
      Duration took = Duration.ofNanos(System.nanoTime() - t0);
      Map<String, Integer> calls = h.runtime.simulator().calls();

      Map<String, List<String>> clusters = clustersByInstance(h);
      for (long instance : instances) {
        assertThat(h.incident(instance)).as("incident of %s", instance).isNull();
        assertThat(h.ended(instance)).as("%s ended", instance).isTrue();
        assertThat(clusters.get(Long.toString(instance))).as("clusters of %s", instance).hasSize(1);
        assertThat(h.variables(instance).get("output").path("ClusterId").asText())
            .isEqualTo(clusters.get(Long.toString(instance)).get(0));
      }
      assertThat(clusters).hasSize(INSTANCES);
      // Every create lost its answer and was delivered again: 100 failed deliveries, 100 creates.
      assertThat(failedCreates(h)).isEqualTo(INSTANCES);
      assertThat(calls).containsEntry("RunJobFlow", INSTANCES);
      oneStartTimePerActivation(h, instances);
      System.out.printf("7a: %d executions in %d ms, %d clusters, workers' EMR calls %s%n", INSTANCES, took.toMillis(),
          count(clusters), calls);
    }
  }

  @Test
  @Timeout(120)
  void withoutTheLookupEveryRedeliveryMakesAnotherCluster() throws Exception {
    try (Harness h = new Harness(engine, LOSING, Mocks.NONE, Map.of("flowport.idempotency.lookup", "false"))) {
      List<Long> instances = runAll(h);

      Map<String, List<String>> clusters = clustersByInstance(h);
      // Three deliveries (Zeebe's default retries), three clusters, then an incident.
      for (long instance : instances) {
        assertThat(clusters.get(Long.toString(instance))).as("clusters of %s", instance).hasSize(3);
        assertThat(h.incident(instance)).startsWith("JOB_NO_RETRIES")
            .containsAnyOf("Unexpected end of file", "InternalServerError");
      }
    }
  }

  @Test
  @Timeout(120)
  void anIncidentResolvedDaysLaterStillFindsTheClusterOfTheFirstDelivery() throws Exception {
    // The first delivery creates and loses the answer; the next two cannot read the candidate's
    // tags (every DescribeCluster attempt of both answered 500), so the job ends in an incident.
    int describesLost = 2 * io.flowport.emr.EmrRetries.MAX_ATTEMPTS;
    SimulatorConfig config = SimulatorConfig.builder()
        .fault(new FaultRule("RunJobFlow", FaultRule.Answer.ERROR, 1, null))
        .fault(new FaultRule("DescribeCluster", FaultRule.Answer.ERROR, describesLost, null))
        .build();
    try (Harness h = new Harness(engine, config, Mocks.NONE, Map.of("flowport.reaper.enabled", "false"))) {
      long instance = h.start(Harness.convert(MACHINE), Map.of());
      h.settle(instance);
      for (int i = 0; h.incident(instance) == null; i++) {
        assertThat(i).as("steps until the incident").isLessThan(20);
        h.runtime.clock().advance(Duration.ofSeconds(30));
        h.settle(instance);
      }
      assertThat(h.incident(instance)).startsWith("JOB_NO_RETRIES");
      assertThat(h.calls("RunJobFlow")).isEqualTo(1);
      assertThat(h.calls("DescribeCluster")).isEqualTo(describesLost);

      // The operator resolves it two days later, far past the 24 h lookback.
      h.runtime.clock().advance(Duration.ofDays(2));
      Record<?> incident = incidentRecord(h, instance);
      long jobKey = ((IncidentRecordValue) incident.getValue()).getJobKey();
      h.runtime.client().newUpdateRetriesCommand(jobKey).retries(1).send().join();
      h.runtime.client().newResolveIncidentCommand(incident.getKey()).send().join();
      h.settle(instance);

      assertThat(h.ended(instance)).isTrue();
      assertThat(h.calls("RunJobFlow")).isEqualTo(1);
      Map<String, List<String>> clusters = clustersByInstance(h);
      assertThat(clusters.get(Long.toString(instance))).hasSize(1);
      assertThat(h.variables(instance).get("output").path("ClusterId").asText())
          .isEqualTo(clusters.get(Long.toString(instance)).get(0));
    }
  }

  private static Record<?> incidentRecord(Harness h, long instance) {
    for (Record<?> r : h.records()) {
      if (r.getValueType() == ValueType.INCIDENT && r.getIntent() == IncidentIntent.CREATED
          && ((IncidentRecordValue) r.getValue()).getProcessInstanceKey() == instance) {
        return r;
      }
    }
    throw new AssertionError("no incident of " + instance);
  }

  /**
   * The task's start time is set once per activation: one variable record per create task, the
   * same for both deliveries of its job, a time the workers can read.
   */
  private static void oneStartTimePerActivation(Harness h, List<Long> instances) {
    Map<Long, Integer> created = new java.util.HashMap<>();
    for (Record<?> r : h.records()) {
      if (r.getValueType() == ValueType.VARIABLE && r.getValue() instanceof io.camunda.zeebe.protocol.record.value.VariableRecordValue v
          && v.getName().equals(io.flowport.contract.Vars.CREATE_START_TIME)) {
        assertThat(r.getIntent()).as("%s of %s", r.getIntent(), v.getProcessInstanceKey())
            .isEqualTo(io.camunda.zeebe.protocol.record.intent.VariableIntent.CREATED);
        assertThat(java.time.Instant.parse(v.getValue().replace("\"", ""))).isNotNull();
        created.merge(v.getProcessInstanceKey(), 1, Integer::sum);
      }
    }
    for (long instance : instances) {
      assertThat(created.get(instance)).as("start times of %s", instance).isEqualTo(1);
    }
  }

  /** Starts the executions and moves source time on until every one has ended or has an incident. */
  private static List<Long> runAll(Harness h) throws Exception {
    Workflow wf = Harness.convert(MACHINE);
    List<Long> instances = new ArrayList<>();
    instances.add(h.start(wf, Map.of()));
    for (int i = 1; i < INSTANCES; i++) {
      instances.add(h.runtime.client().newCreateInstanceCommand().bpmnProcessId(wf.id()).latestVersion()
          .variables(Map.of()).send().join().getProcessInstanceKey());
    }
    Duration used = Duration.ZERO;
    h.settleAll();
    while (!finished(h).containsAll(instances)) {
      assertThat(used).as("source time for the executions to end").isLessThan(Duration.ofMinutes(10));
      h.runtime.clock().advance(Duration.ofSeconds(10));
      used = used.plusSeconds(10);
      h.settleAll();
    }
    return instances;
  }

  /** Instances that ended or have an incident, from one read of the records. */
  private static java.util.Set<Long> finished(Harness h) {
    java.util.Set<Long> out = new java.util.HashSet<>();
    for (Record<?> r : h.records()) {
      if (r.getValueType() == ValueType.INCIDENT && r.getIntent() == IncidentIntent.CREATED) {
        out.add(((IncidentRecordValue) r.getValue()).getProcessInstanceKey());
      } else if (r.getValueType() == ValueType.PROCESS_INSTANCE && r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
          && r.getValue() instanceof ProcessInstanceRecordValue v && v.getBpmnElementType() == BpmnElementType.PROCESS) {
        out.add(v.getProcessInstanceKey());
      }
    }
    return out;
  }

  /** The simulator's clusters by their {@code flowport:process-instance} tag. */
  private static Map<String, List<String>> clustersByInstance(Harness h) {
    Map<String, List<String>> out = new TreeMap<>();
    try (EmrClient emr = EmrClients.forEndpoint(h.runtime.simulator().endpoint())) {
      for (ClusterSummary c : emr.listClustersPaginator(r -> {}).clusters()) {
        String instance = emr.describeCluster(r -> r.clusterId(c.id())).cluster().tags().stream()
            .filter(t -> t.key().equals(CreateOnce.PROCESS_INSTANCE)).map(Tag::value).findFirst().orElse("untagged");
        out.computeIfAbsent(instance, k -> new ArrayList<>()).add(c.id());
      }
    }
    return out;
  }

  private static long failedCreates(Harness h) {
    long n = 0;
    for (Record<?> r : h.records()) {
      if (r.getValueType() == ValueType.JOB && r.getIntent() == JobIntent.FAILED
          && ((JobRecordValue) r.getValue()).getType().equals("flowport.emr.RunJobFlow")) {
        n++;
      }
    }
    return n;
  }

  private static int count(Map<String, List<String>> clusters) {
    return clusters.values().stream().mapToInt(List::size).sum();
  }
}
