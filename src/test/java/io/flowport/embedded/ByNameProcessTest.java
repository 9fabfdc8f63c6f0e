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
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.emr.EmrClient;
import software.amazon.awssdk.services.emr.model.InstanceFleet;
import software.amazon.awssdk.services.emr.model.InstanceGroup;
import software.amazon.awssdk.services.emr.model.StepState;

/**
 * Step Functions' modifyInstanceGroupByName and cancelStep on the EMR simulator: the group is found
 * by name with ListInstanceGroups, then resized; a name no group has fails the state with
 * States.TaskFailed (the name AWS uses is not documented: FP350); cancelStep answers with the one
 * step's CancelStepsInfo.
 */
@ZeebeProcessTest
class ByNameProcessTest {

  static final Path MACHINE = Path.of("src/test/resources/asl/by_name.asl.json");

  private ZeebeTestEngine engine;

  @Test
  void resizesTheNamedGroupAndCancelsTheStep() throws Exception {
    try (Harness h = new Harness(engine, SimulatorConfig.defaults(), Mocks.NONE);
        EmrClient emr = EmrClients.forEndpoint(h.runtime.simulator().endpoint())) {
      long instance = h.start(Harness.convert(MACHINE), Map.of());
      h.runToEnd(instance, Duration.ofSeconds(20), Duration.ofHours(1));

      JsonNode out = h.variables(instance).get(Vars.OUTPUT);
      String cluster = out.path("cluster").path("ClusterId").asText();
      assertThat(cluster).startsWith("j-");
      // One listing per *ByName state, then the resize that found its group (read before this test lists).
      assertThat(h.calls("ListInstanceGroups")).isEqualTo(2);
      assertThat(h.calls("ModifyInstanceGroups")).isEqualTo(1);
      assertThat(emr.listInstanceGroups(r -> r.clusterId(cluster)).instanceGroups())
          .extracting(InstanceGroup::name, InstanceGroup::requestedInstanceCount)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("Primary", 1), org.assertj.core.groups.Tuple.tuple("Workers", 5));

      assertThat(out.path("missing").path("Error").asText()).isEqualTo("States.TaskFailed");
      assertThat(out.path("missing").path("Cause").asText()).isEqualTo("Cluster " + cluster + " has no instance group named Ghost");

      String step = out.path("step").path("StepId").asText();
      JsonNode info = out.path("cancel").path("CancelStepsInfo");
      assertThat(info.path("StepId").asText()).isEqualTo(step);
      assertThat(info.path("Status").asText()).isEqualTo("SUBMITTED");
      assertThat(emr.describeStep(r -> r.clusterId(cluster).stepId(step)).step().status().state()).isEqualTo(StepState.CANCELLED);
    }
  }

  @Test
  void scalesTheNamedFleet() throws Exception {
    try (Harness h = new Harness(engine, SimulatorConfig.defaults(), Mocks.NONE);
        EmrClient emr = EmrClients.forEndpoint(h.runtime.simulator().endpoint())) {
      long instance = h.start(Harness.convert(Path.of("src/test/resources/asl/by_name_fleet.asl.json")), Map.of());
      h.runToEnd(instance, Duration.ofSeconds(20), Duration.ofHours(1));

      JsonNode out = h.variables(instance).get(Vars.OUTPUT);
      // ModifyInstanceFleet answers with an empty body, and so does the state.
      assertThat(out.path("scaled").isObject() && out.path("scaled").isEmpty()).as("result %s", out).isTrue();
      String cluster = out.path("cluster").path("ClusterId").asText();
      assertThat(emr.listInstanceFleets(r -> r.clusterId(cluster)).instanceFleets())
          .extracting(InstanceFleet::name, InstanceFleet::targetOnDemandCapacity)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("MASTER", 1), org.assertj.core.groups.Tuple.tuple("CORE", 8));
    }
  }
}
