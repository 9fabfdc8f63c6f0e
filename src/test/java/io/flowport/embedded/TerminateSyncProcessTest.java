package io.flowport.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import io.flowport.contract.Vars;
import io.flowport.runtime.Mocks;
import io.flowport.simulator.EmrClients;
import io.flowport.simulator.SimulatorConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.emr.EmrClient;
import software.amazon.awssdk.services.emr.model.ClusterState;
import org.junit.jupiter.api.Test;

/**
 * terminateCluster.sync on the EMR simulator, unmocked: TerminateJobFlows answers with nothing, so
 * the poll takes the cluster id from the request; the state answers {} once the cluster has
 * terminated, as in Step Functions.
 */
@ZeebeProcessTest
class TerminateSyncProcessTest {

  static final Path MACHINE = Path.of("src/test/resources/asl/terminate_sync.asl.json");

  private ZeebeTestEngine engine;

  @Test
  void terminatingWaitsUntilTheClusterHasTerminatedAndAnswersWithAnEmptyObject() throws Exception {
    try (Harness h = new Harness(engine, SimulatorConfig.defaults(), Mocks.NONE)) {
      long instance = h.start(Harness.convert(MACHINE), Map.of());
      h.runToEnd(instance, Duration.ofSeconds(20), Duration.ofHours(2));

      Map<String, JsonNode> vars = h.variables(instance);
      assertThat(h.incident(instance)).isNull();
      JsonNode output = vars.get(Vars.OUTPUT);
      assertThat(output).as("error %s: %s", vars.get(Vars.ERROR), vars.get(Vars.CAUSE)).isNotNull();
      assertThat(output.path("cluster").path("ClusterId").asText()).startsWith("j-");
      assertThat(output.get("terminated")).isEqualTo(Harness.JSON.createObjectNode());
      assertThat(h.completed(instance)).doesNotContain("failed");
      try (EmrClient emr = EmrClients.forEndpoint(h.runtime.simulator().endpoint())) {
        String id = output.path("cluster").path("ClusterId").asText();
        assertThat(emr.describeCluster(r -> r.clusterId(id)).cluster().status().state()).isEqualTo(ClusterState.TERMINATED);
      }
    }
  }
}
