package io.flowport.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import io.flowport.contract.Vars;
import io.flowport.runtime.Mocks;
import io.flowport.simulator.SimulatorConfig;
import io.flowport.simulator.StepRule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * addStep.sync on the EMR simulator: AddJobFlowSteps, then DescribeStep until the step ends. As in
 * Step Functions, a completed step's result is DescribeStep's answer ({"Step": ...}) and a step that
 * ends FAILED, CANCELLED or INTERRUPTED fails the state with States.TaskFailed.
 */
@ZeebeProcessTest
class AddStepSyncProcessTest {

  static final Path MACHINE = Path.of("src/test/resources/asl/add_step_sync.asl.json");

  private ZeebeTestEngine engine;

  @Test
  void aCompletedStepsResultIsItsDescription() throws Exception {
    SimulatorConfig config = SimulatorConfig.builder().step(Duration.ofMinutes(5)).build();
    try (Harness h = new Harness(engine, config, Mocks.NONE)) {
      long instance = h.start(Harness.convert(MACHINE), Map.of());
      Duration used = h.runToEnd(instance, Duration.ofSeconds(20), Duration.ofHours(2));

      JsonNode step = h.variables(instance).get(Vars.OUTPUT).path("step");
      assertThat(step.path("id").asText()).startsWith("s-");
      assertThat(step.path("name").asText()).isEqualTo("load-orders");
      assertThat(step.path("state").asText()).isEqualTo("COMPLETED");
      // The cluster starts, then the 5-minute step runs: polled every 60 s until it is done.
      assertThat(used).isGreaterThan(Duration.ofMinutes(5));
    }
  }

  @Test
  void aFailedStepFailsTheStateWithStatesTaskFailed() throws Exception {
    SimulatorConfig config = SimulatorConfig.builder().stepRule(new StepRule("load-*", "Spark job failed", null, null)).build();
    try (Harness h = new Harness(engine, config, Mocks.NONE)) {
      long instance = h.start(Harness.convert(MACHINE), Map.of());
      h.runToEnd(instance, Duration.ofSeconds(20), Duration.ofHours(2));

      Map<String, JsonNode> vars = h.variables(instance);
      assertThat(h.completed(instance)).contains("failed");
      assertThat(vars.get(Vars.ERROR).asText()).isEqualTo("States.TaskFailed");
      assertThat(vars.get(Vars.CAUSE).asText()).matches("Step s-\\w+ is FAILED");
    }
  }
}
