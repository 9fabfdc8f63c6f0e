package io.flowport.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import io.flowport.runtime.Mocks;
import io.flowport.simulator.NotebooksConfig;
import io.flowport.simulator.SimulatorConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * EmrModifyClusterOperator and the notebook execution operators and sensor on Zeebe, through the
 * workers and the real SDK against the simulator: their XComs and the provider's failures.
 */
@ZeebeProcessTest
class AirflowNotebookProcessTest {

  static final Path REPORT = Path.of("src/test/resources/airflow/corpus/emr_notebook_report.py");
  static final Path WAIT = Path.of("src/test/resources/airflow/runs/emr_notebook_wait.py");

  private ZeebeTestEngine engine;

  @Test
  void modifyClusterReturnsTheLevelAndTheNotebookIdIsWatchedToTheEnd() throws Exception {
    try (Harness h = new Harness(engine, SimulatorConfig.defaults(), Mocks.NONE)) {
      long instance = h.start(Harness.convert(REPORT), Map.of());
      Duration used = h.runToEnd(instance, Duration.ofSeconds(30), Duration.ofHours(3));
      Map<String, JsonNode> vars = h.variables(instance);
      assertThat(vars.get("dagState").asText()).isEqualTo("success");
      io.flowport.bench.Measurements.record("notebook-waits.txt", "emr_notebook_report: source time " + used.toSeconds()
          + " s, DescribeNotebookExecution " + h.calls("DescribeNotebookExecution") + ", ListSteps " + h.calls("ListSteps")
          + " (untracked notebook wait: one call per poke)");
      // modify_cluster's return value: the StepConcurrencyLevel EMR answers.
      assertThat(vars.get("xcom_allow_two_steps").isInt()).isTrue();
      assertThat(vars.get("xcom_allow_two_steps").asInt()).isEqualTo(2);
      // The start operator returns the execution id; the sensor's template pulls it.
      assertThat(vars.get("xcom_run_report").asText()).matches("ex-[A-Z0-9]{29}");
      assertThat(vars.get("ti_watch_report").asText()).isEqualTo("success");
      assertThat(h.calls("ModifyCluster")).isEqualTo(1);
      assertThat(h.calls("StartNotebookExecution")).isEqualTo(1);
      assertThat(h.calls("DescribeNotebookExecution")).isGreaterThanOrEqualTo(1);
    }
  }

  @Test
  void waitingForRunningSucceedsAndAnUnknownClusterIsBotocoresClientError() throws Exception {
    try (Harness h = new Harness(engine, SimulatorConfig.defaults(), Mocks.NONE)) {
      long instance = h.start(Harness.convert(WAIT), Map.of());
      h.runToEnd(instance, Duration.ofSeconds(30), Duration.ofHours(2));
      Map<String, JsonNode> vars = h.variables(instance);
      assertThat(vars.get("ti_run_notebook").asText()).isEqualTo("success");
      assertThat(vars.get("ti_on_missing_cluster").asText()).isEqualTo("failed");
      assertThat(vars.get("ti_remove_cluster").asText()).isEqualTo("success");
      assertThat(vars.get("error").asText()).isEqualTo("ClientError");
      assertThat(vars.get("cause").asText()).isEqualTo("An error occurred (InvalidRequestException) when calling the "
          + "StartNotebookExecution operation: Cluster id 'j-NOSUCHCLUSTER1' is not valid.");
    }
  }

  @Test
  void anExecutionThatFailsBeforeAPollSeesItRunFailsTheWaitWithBotocoresWaiterError() throws Exception {
    // RUNNING for 1 s, then FAILING for 10 s: a poll every 30 s sees STARTING, then FAILED.
    SimulatorConfig config = SimulatorConfig.builder().notebooks(NotebooksConfig.DEFAULT.withExecutions(List.of(
        new NotebooksConfig.ExecutionRule("etl", null, Duration.ofSeconds(1), "Kernel died")))).build();
    try (Harness h = new Harness(engine, config, Mocks.NONE)) {
      long instance = h.start(Harness.convert(WAIT), Map.of());
      h.runToEnd(instance, Duration.ofSeconds(30), Duration.ofHours(2));
      Map<String, JsonNode> vars = h.variables(instance);
      assertThat(vars.get("ti_run_notebook").asText()).isEqualTo("failed");
      assertThat(vars.get("dagState").asText()).isEqualTo("success"); // the all_done leaf decides (FP412)
      List<String> causes = h.records().stream()
          .filter(r -> r.getValue() instanceof io.camunda.zeebe.protocol.record.value.VariableRecordValue v
              && v.getName().equals("cause"))
          .map(r -> ((io.camunda.zeebe.protocol.record.value.VariableRecordValue) r.getValue()).getValue())
          .toList();
      assertThat(causes).contains("\"Waiter notebook_running failed: Waiter encountered a terminal failure state: "
          + "For expression \\\"NotebookExecution.Status\\\" we matched expected path: \\\"FAILED\\\"\"");
    }
  }
}
