package io.flowport.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowport.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flowport run DAG.py --mock-config}: the user's tasks answered by MockConfigFile test cases keyed by task_id. */
class DagMockRunTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Path DAG = Path.of("src/test/resources/airflow/corpus/python_tasks.py");
  static final Path MOCKS = Path.of("src/test/resources/airflow/mocks/python_tasks.json");

  @TempDir
  Path tmp;

  record Run(int exit, JsonNode output, String out, String err) {
    String state(String task) {
      return output.path("tasks").path(task).asText();
    }
  }

  Run run(Path dag, String... options) throws Exception {
    Path output = tmp.resolve("output.json");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> args = new ArrayList<>(List.of("run", dag.toString(), "--output", output.toString(), "--time-scale", "1/1000"));
    args.addAll(List.of(options));
    int exit = Main.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(exit, Files.exists(output) ? JSON.readTree(output.toFile()) : null, out.toString(), err.toString());
  }

  @Test
  void mockedTasksRunWithTheEmrTaskAgainstTheSimulator() throws Exception {
    Run r = run(DAG, "--mock-config", MOCKS.toString(), "--test-case", "HappyPath");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.output().get("state").asText()).isEqualTo("success");
    assertThat(r.output().get("tasks")).allSatisfy(s -> assertThat(s.asText()).isEqualTo("success"));
  }

  @Test
  void aThrowOnTheFirstTryIsRetriedAndTheSecondResponseAnswersTheRetry() throws Exception {
    Run r = run(DAG, "--mock-config", MOCKS.toString(), "--test-case", "CountRetried");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.state("count_rows")).isEqualTo("success");
    assertThat(r.err()).containsOnlyOnce("raised    ValueError: rows not ready");
  }

  @Test
  void aThrowOnEveryTryFailsTheTaskAfterItsRetriesAndItsDownstreamIsUpstreamFailed() throws Exception {
    Run r = run(DAG, "--mock-config", MOCKS.toString(), "--test-case", "CountFails");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.output().get("state").asText()).isEqualTo("failed");
    assertThat(r.state("count_rows")).isEqualTo("failed");
    assertThat(r.state("report")).isEqualTo("upstream_failed");
    assertThat(r.state("notify")).isEqualTo("upstream_failed");
    assertThat(r.state("create_cluster")).isEqualTo("success");
    // retries=2: three tries, each answered by the repeating last response.
    assertThat(r.err().split("stopped   Count rows  \\[count_rows]", -1)).hasSize(4);
    assertThat(r.err()).contains("raised    KeyError: 'rows'");
  }

  @Test
  void aTaskTheTestCaseDoesNotMockStopsTheRunBeforeItStarts() throws Exception {
    Run r = run(DAG, "--mock-config", MOCKS.toString(), "--test-case", "NoNotify");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip()).doesNotContain("\n").contains("no worker handles task(s) 'notify' (airflow.operator.SlackWebhookOperator);"
        + " test case 'NoNotify' does not mock them");
    assertThat(r.err()).doesNotContain("started");
  }

  @Test
  void withoutMocksTheRunNamesEveryTaskAndJobTypeWithoutAWorker() throws Exception {
    Run r = run(DAG);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("'overrides' (airflow.python.python_tasks.overrides), 'report' (airflow.bash.python_tasks.report)")
        .contains("run with --mock-config");
  }

  @Test
  void mocksOfEmrTasksOrUnknownTestCasesAreOneLineErrors() throws Exception {
    Run missing = run(DAG, "--mock-config", MOCKS.toString(), "--test-case", "Nope");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("python_tasks.json:3:5 (/StateMachines/python_tasks): mock config has no test case 'Nope'"
        + " for state machine 'python_tasks'");

    Path emr = Files.writeString(tmp.resolve("emr.json"), "{\"StateMachines\": {\"python_tasks\": {\"TestCases\": {\"T\":"
        + " {\"create_cluster\": \"R\"}}}}, \"MockedResponses\": {\"R\": {\"0\": {\"Return\": \"j-1\"}}}}");
    Run r = run(DAG, "--mock-config", emr.toString(), "--test-case", "T");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("test case T mocks 'create_cluster', which is not a task of the DAG that runs your code");
  }
}
