package io.flowport.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import io.flowport.runtime.Mocks;
import io.flowport.simulator.SimulatorConfig;
import io.flowport.simulator.StepRule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * A mapped EmrAddStepsOperator on Zeebe against the simulator: each instance adds its own step
 * list to the cluster and waits for it; a failing step fails only its instance (Airflow: that
 * mapped task instance fails, the others succeed), and the all_done cleanup still runs.
 */
@ZeebeProcessTest
class MappedEmrStepsProcessTest {

  static final Path DAG = Path.of("src/test/resources/airflow/runs/mapped_emr_steps.py");

  private ZeebeTestEngine engine;

  private static List<String> texts(JsonNode list) {
    return StreamSupport.stream(list.spliterator(), false).map(JsonNode::asText).toList();
  }

  @Test
  void eachInstanceAddsItsOwnStepAndTheXComIsTheListOfTheirStepIds() throws Exception {
    try (Harness h = new Harness(engine, SimulatorConfig.defaults(), Mocks.NONE)) {
      long instance = h.start(Harness.convert(DAG), Map.of());
      h.runToEnd(instance, Duration.ofSeconds(30), Duration.ofHours(2));
      Map<String, JsonNode> vars = h.variables(instance);
      assertThat(texts(vars.get("ti_add_steps"))).containsExactly("success", "success", "success");
      // Each instance's XCom is its list of one step id; the mapped task's XCom lists them by map index.
      JsonNode xcom = vars.get("xcom_add_steps");
      assertThat(xcom).hasSize(3);
      Set<String> ids = new HashSet<>();
      xcom.forEach(steps -> {
        assertThat(steps).hasSize(1);
        assertThat(steps.get(0).asText()).matches("s-[A-Z0-9]+");
        ids.add(steps.get(0).asText());
      });
      assertThat(ids).as("three steps, not one added three times").hasSize(3);
      assertThat(vars.get("ti_remove_cluster").asText()).isEqualTo("success");
      assertThat(vars.get("dagState").asText()).isEqualTo("success");
    }
  }

  @Test
  void aFailingStepFailsOnlyTheInstanceThatAddedIt() throws Exception {
    StepRule words = new StepRule("words", "java.lang.OutOfMemoryError", "too many words", "s3://logs/stderr.gz");
    try (Harness h = new Harness(engine, SimulatorConfig.builder().stepRule(words).build(), Mocks.NONE)) {
      long instance = h.start(Harness.convert(DAG), Map.of());
      h.runToEnd(instance, Duration.ofSeconds(30), Duration.ofHours(2));
      Map<String, JsonNode> vars = h.variables(instance);
      // "words" is map index 1.
      assertThat(texts(vars.get("ti_add_steps"))).containsExactly("success", "failed", "success");
      // The failed instance pushed no XCom: the list has the other two.
      assertThat(vars.get("xcom_add_steps")).hasSize(2);
      assertThat(vars.get("ti_remove_cluster").asText()).isEqualTo("success");
      // all_done leaf: the run succeeds, as in Airflow (FP412).
      assertThat(vars.get("dagState").asText()).isEqualTo("success");
    }
  }
}
