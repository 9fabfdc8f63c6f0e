package io.flowport.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import io.flowport.ir.Workflow;
import io.flowport.runtime.CreateOnce;
import io.flowport.runtime.Mocks;
import io.flowport.simulator.CallCounts;
import io.flowport.simulator.FaultRule;
import io.flowport.simulator.SimulatorConfig;
import io.flowport.simulator.ThrottleRule;
import io.flowport.worker.WorkerApplication;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Reliability test 7b: 200 executions that each create a cluster and wait until it is up, all at
 * once, against an EMR that allows 10 requests per wall-clock second over all its APIs and loses
 * 20% of the answers it does give with a 500 (the call was performed: a create whose answer is lost
 * made its cluster). Every execution must end without an incident and with exactly one cluster.
 */
@ZeebeProcessTest
class ThrottledFleetProcessTest {

  static final int INSTANCES = 200;
  static final Duration WALL_LIMIT = Duration.ofMinutes(8);
  static final Path MACHINE = Path.of("src/test/resources/asl/create_cluster_sync.asl.json");
  static final SimulatorConfig THROTTLED = SimulatorConfig.builder()
      .seed(11)
      .starting(Duration.ofSeconds(20))
      .bootstrapping(Duration.ofSeconds(10))
      .throttle(ThrottleRule.perSecond("emr", "*", 10))
      .fault(new FaultRule("emr", "*", FaultRule.Answer.ERROR, null, 0.2))
      .build();

  private ZeebeTestEngine engine;

  @Test
  @Timeout(600)
  void everyExecutionEndsWithExactlyOneClusterThoughThrottledAndFailing() throws Exception {
    try (Harness h = new Harness(engine, THROTTLED, Mocks.NONE,
        // As `flowport worker` runs its jobs.
        Map.of("camunda.client.execution-threads", Integer.toString(WorkerApplication.EXECUTION_THREADS)))) {
      Workflow wf = Harness.convert(MACHINE);
      long t0 = System.nanoTime();
      List<Long> instances = new ArrayList<>();
      instances.add(h.start(wf, Map.of()));
      for (int i = 1; i < INSTANCES; i++) {
        instances.add(h.runtime.client().newCreateInstanceCommand().bpmnProcessId(wf.id()).latestVersion()
            .variables(Map.of()).send().join().getProcessInstanceKey());
      }
      // Request rates are wall-clock rates here, so source time runs along with the wall clock
      // (10 s a second: job back-offs and the clusters' phases pass quickly) instead of waiting
      // for the engine to settle between steps.
      Duration source = Duration.ZERO;
      for (Set<Long> done = finished(h); !done.containsAll(instances); done = finished(h)) {
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("wall time for the executions to end; %d of %d ended; EMR %s",
            done.size(), INSTANCES, h.runtime.simulator().totals()).isLessThan(WALL_LIMIT);
        Thread.sleep(500);
        h.runtime.clock().advance(Duration.ofSeconds(5));
        source = source.plusSeconds(5);
      }
      Duration wall = Duration.ofNanos(System.nanoTime() - t0);
      Map<String, CallCounts> counts = h.runtime.simulator().counts();
      CallCounts total = h.runtime.simulator().totals();
      Map<String, List<String>> clusters = clustersByInstance(h);
      System.out.printf("7b: %d executions in %d ms wall, %s source time; EMR calls %d, throttled %d, 500 %d; per API %s%n",
          INSTANCES, wall.toMillis(), source, total.calls(), total.throttled(), total.errors(), counts);

      Map<Long, String> incidents = incidents(h);
      Map<Long, JsonNode> outputs = outputs(h);
      Set<Long> completed = completed(h);
      System.out.printf("7b: %d completed, %d incidents%s%n", completed.size(), incidents.size(),
          incidents.values().stream().limit(3).map(m -> "\n  " + m).reduce("", String::concat));
      for (long instance : instances) {
        assertThat(incidents.get(instance)).as("incident of %s", instance).isNull();
        assertThat(completed).as("%s completed", instance).contains(instance);
        assertThat(clusters.get(Long.toString(instance))).as("clusters of %s", instance).hasSize(1);
        String id = clusters.get(Long.toString(instance)).get(0);
        assertThat(outputs.get(instance).path("ClusterId").asText()).as("output of %s", instance).isEqualTo(id);
      }
      assertThat(clusters).hasSize(INSTANCES);
      assertThat(clusters.values().stream().mapToInt(List::size).sum()).isEqualTo(INSTANCES);
      // The faults did happen, on the create too.
      assertThat(total.throttled()).isPositive();
      assertThat(total.errors()).isPositive();
      assertThat(counts.get("RunJobFlow").errors()).isPositive();
    }
  }

  /** Instances that ended or have an incident, from one read of the records. */
  private static Set<Long> finished(Harness h) {
    Set<Long> out = completed(h);
    out.addAll(incidents(h).keySet());
    return out;
  }

  private static Set<Long> completed(Harness h) {
    Set<Long> out = new HashSet<>();
    for (Record<?> r : h.records()) {
      if (r.getValueType() == ValueType.PROCESS_INSTANCE && r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
          && r.getValue() instanceof ProcessInstanceRecordValue v && v.getBpmnElementType() == BpmnElementType.PROCESS) {
        out.add(v.getProcessInstanceKey());
      }
    }
    return out;
  }

  /** The first incident's message per instance. */
  private static Map<Long, String> incidents(Harness h) {
    Map<Long, String> out = new HashMap<>();
    for (Record<?> r : h.records()) {
      if (r.getValueType() == ValueType.INCIDENT && r.getIntent() == IncidentIntent.CREATED) {
        IncidentRecordValue v = (IncidentRecordValue) r.getValue();
        out.putIfAbsent(v.getProcessInstanceKey(), v.getErrorType() + ": " + v.getErrorMessage());
      }
    }
    return out;
  }

  /** The latest process-level {@code output} variable per instance. */
  private static Map<Long, JsonNode> outputs(Harness h) throws Exception {
    Map<Long, JsonNode> out = new HashMap<>();
    for (Record<?> r : h.records()) {
      if (r.getValueType() == ValueType.VARIABLE && r.getValue() instanceof VariableRecordValue v
          && v.getScopeKey() == v.getProcessInstanceKey() && v.getName().equals("output")) {
        out.put(v.getProcessInstanceKey(), Harness.JSON.readTree(v.getValue()));
      }
    }
    return out;
  }

  /** The simulator's clusters by their {@code flowport:process-instance} tag, read past the faults. */
  private static Map<String, List<String>> clustersByInstance(Harness h) {
    Map<String, List<String>> out = new TreeMap<>();
    h.runtime.simulator().clusterTags().forEach((id, tags) ->
        out.computeIfAbsent(tags.getOrDefault(CreateOnce.PROCESS_INSTANCE, "untagged"), k -> new ArrayList<>()).add(id));
    return out;
  }
}
