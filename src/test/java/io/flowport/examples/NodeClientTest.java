package io.flowport.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowport.embedded.EmbeddedRuntime;
import io.flowport.runtime.Mocks;
import io.flowport.simulator.SimulatorConfig;
import io.flowport.tools.NodeTools;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A client in another language: the Camunda Node.js SDK's gRPC client (src/test/node) deploys the
 * converted reference machine to the embedded engine and runs it to its end. Skipped until
 * {@code npm ci} has run in src/test/node, unless FLOWPORT_REQUIRE_TOOLS=1.
 */
class NodeClientTest {

  @Test
  void nodeSdkDeploysAndRunsTheConvertedMachine() throws Exception {
    Path node = NodeTools.installed(Path.of("src/test/node")).orElse(null);
    assumeTrue(node != null, "src/test/node not installed (npm ci)");
    EmbeddedRuntime runtime = EmbeddedRuntime.start(StartFromAppTest.TIME_SCALE, SimulatorConfig.defaults(), Mocks.NONE);
    try {
      runtime.clock().go();
      NodeTools.Result r = NodeTools.node(node, "deploy-and-start.mjs", App.address(runtime),
          Path.of("bpmn/emr_job_fixed.bpmn").toAbsolutePath().toString(), "emr_job_fixed", "{\"input\": {}}");
      assertThat(r.exit()).as("deploy-and-start.mjs: %s%s", r.stdout(), r.stderr()).isZero();
      JsonNode variables = new ObjectMapper().readTree(r.stdout());
      assertThat(variables.has("error")).as(r.stdout()).isFalse();
      assertThat(variables.at("/output/ClusterId").asText()).as(r.stdout()).startsWith("j-");
      assertThat(variables.at("/output/ClusterStatus/Cluster/Status/State").asText()).isIn("TERMINATING", "TERMINATED");
    } finally {
      runtime.closeWithEngine();
    }
  }
}
