package io.flowport.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import io.flowport.contract.Vars;
import io.flowport.runtime.Mocks;
import io.flowport.simulator.ClusterRule;
import io.flowport.simulator.SimulatorConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.emr.model.ClusterState;

/** Corpus DAGs with lists, XComArgs and TaskGroups on Zeebe, with the real workers and the EMR simulator. */
@ZeebeProcessTest
class AirflowGroupsProcessTest {

  static final Path CORPUS = Path.of("src/test/resources/airflow/corpus");

  private ZeebeTestEngine engine;

  private static void assertStates(Map<String, JsonNode> vars, Map<String, String> expected) {
    expected.forEach((task, state) -> {
      JsonNode actual = vars.get(Vars.taskState(task));
      assertThat(actual == null ? null : actual.asText()).as(task).isEqualTo(state);
    });
  }

  @Test
  void chainedListsBringBothClustersUpAndDownThroughTheirOutputs() throws Exception {
    try (Harness h = new Harness(engine, SimulatorConfig.defaults(), Mocks.NONE)) {
      long instance = h.start(Harness.convert(CORPUS.resolve("chain_lists.py")), Map.of());
      h.runToEnd(instance, Duration.ofSeconds(20), Duration.ofHours(2));
      Map<String, JsonNode> vars = h.variables(instance);
      Map<String, String> expected = new LinkedHashMap<>();
      for (String t : new String[] {"begin", "create_sales", "create_stock", "watch_sales", "watch_stock",
          "stop_sales", "stop_stock", "done"}) {
        expected.put(t, "success");
      }
      assertStates(vars, expected);
      assertThat(vars.get("dagState").asText()).isEqualTo("success");
      try (var emr = io.flowport.simulator.EmrClients.forEndpoint(h.runtime.simulator().endpoint())) {
        assertThat(emr.listClusters(r -> {}).clusters()).hasSize(2)
            .allSatisfy(c -> assertThat(c.status().stateAsString()).startsWith("TERMINAT"));
      }
    }
  }

  @Test
  void nestedGroupsRunTheirTasksInOrderAsSubprocesses() throws Exception {
    try (Harness h = new Harness(engine, SimulatorConfig.defaults(), Mocks.NONE)) {
      long instance = h.start(Harness.convert(CORPUS.resolve("nested_groups.py")), Map.of());
      h.runToEnd(instance, Duration.ofSeconds(20), Duration.ofHours(2));
      Map<String, JsonNode> vars = h.variables(instance);
      Map<String, String> expected = new LinkedHashMap<>();
      for (String t : new String[] {"start", "ingest.create_cluster", "ingest.cluster_up", "ingest.raw.orders",
          "ingest.raw.items", "report.daily", "report.weekly", "stop_cluster"}) {
        expected.put(t, "success");
      }
      assertStates(vars, expected);
      assertThat(vars.get("dagState").asText()).isEqualTo("success");
      assertThat(h.completed(instance)).containsSubsequence("ingest", "report");
    }
  }

  @Test
  void aClusterFailingInsideAGroupFailsItsSensorAndTheNextGroupIsUpstreamFailed() throws Exception {
    SimulatorConfig failing = SimulatorConfig.builder()
        .clusterRule(ClusterRule.fail("broken", ClusterState.BOOTSTRAPPING, "BOOTSTRAP_FAILURE", "bootstrap action 1 failed"))
        .build();
    try (Harness h = new Harness(engine, failing, Mocks.NONE)) {
      long instance = h.start(Harness.convert(CORPUS.resolve("group_failure.py")), Map.of());
      h.runToEnd(instance, Duration.ofSeconds(20), Duration.ofHours(2));
      Map<String, JsonNode> vars = h.variables(instance);
      Map<String, String> expected = new LinkedHashMap<>();
      expected.put("cluster.create", "success");
      expected.put("cluster.ready", "failed");          // retried once (group default_args), then failed
      expected.put("work.step", "upstream_failed");     // all_success across the group boundary
      expected.put("work.check", "success");            // all_done inside the next group
      expected.put("alert", "success");                 // one_failed on the group's leaf
      expected.put("cleanup", "success");               // all_done
      assertStates(vars, expected);
      assertThat(vars.get(Vars.tryNumber("cluster.ready")).asInt()).isEqualTo(2);
      assertThat(vars.get("error").asText()).isEqualTo("AirflowException");
      // The leaves (alert, cleanup) succeeded: Airflow marks such a run successful too.
      assertThat(vars.get("dagState").asText()).isEqualTo("success");
    }
  }
}
