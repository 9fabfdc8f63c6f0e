package io.flowport.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowport.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Branching and short-circuiting DAGs run with mocked decisions: which tasks run and which are skipped. */
class DagBranchRunTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Path CORPUS = Path.of("src/test/resources/airflow/corpus");
  static final Path MOCKS = Path.of("src/test/resources/airflow/mocks");

  @TempDir
  Path tmp;

  record Run(int exit, JsonNode output, String err) {
    Map<String, String> states() {
      Map<String, String> out = new LinkedHashMap<>();
      output.path("tasks").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
      return out;
    }
  }

  Run run(String dag, String testCase) throws Exception {
    Path output = tmp.resolve(testCase + ".json");
    StringWriter err = new StringWriter();
    int exit = Main.run(new String[] {"run", CORPUS.resolve(dag + ".py").toString(), "--output", output.toString(),
        "--time-scale", "1/1000", "--mock-config", MOCKS.resolve(dag + ".json").toString(), "--test-case", testCase},
        new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    return new Run(exit, JSON.readTree(output.toFile()), err.toString());
  }

  @Test
  void theBranchRunsTheChosenPathAndSkipsTheOtherWhileTheJoinRuns() throws Exception {
    Run slow = run("branching", "Slow");
    assertThat(slow.exit()).as(slow.err()).isZero();
    assertThat(slow.states()).containsEntry("fast", "skipped").containsEntry("slow", "success")
        .containsEntry("after_slow", "success").containsEntry("join", "success");
    // @task.branch returning a list runs both, and skips the third direct downstream task.
    assertThat(slow.states()).containsEntry("mail", "success").containsEntry("chat", "success").containsEntry("page", "skipped");

    Run fast = run("branching", "Fast");
    assertThat(fast.states()).containsEntry("fast", "success").containsEntry("slow", "skipped")
        .containsEntry("after_slow", "skipped").containsEntry("join", "success");
  }

  @Test
  void aTaskIdNotInTheDagFailsTheBranchWithAirflowsException() throws Exception {
    Run r = run("branching", "NotInDag");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("raised    AirflowException: 'branch_task_ids' must contain only valid task_ids."
        + " Invalid tasks found: {'medium'}.");
    assertThat(r.states()).containsEntry("pick", "failed").containsEntry("fast", "upstream_failed")
        .containsEntry("join", "upstream_failed");
  }

  @Test
  void aTaskOfTheDagThatIsNoDirectDownstreamSkipsEveryDirectDownstreamAsAirflowDoes() throws Exception {
    Run r = run("branching", "NotDownstream");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.states()).containsEntry("pick", "success");
    for (String t : List.of("fast", "slow", "after_slow", "join", "route_report", "mail", "chat", "page")) {
      assertThat(r.states()).containsEntry(t, "skipped");
    }
  }

  @Test
  void aFalsyShortCircuitSkipsEverythingDownstreamOrOnlyItsDirectDownstream() throws Exception {
    Run r = run("short_circuit", "Falsy");
    assertThat(r.exit()).as(r.err()).isZero();
    // ignore_downstream_trigger_rules=True (the default): even the all_done cleanup is skipped.
    assertThat(r.states()).containsEntry("has_data", "success").containsEntry("load", "skipped")
        .containsEntry("publish", "skipped").containsEntry("cleanup", "skipped");
    // False: only notify is skipped; archive's all_done rule lets it run.
    assertThat(r.states()).containsEntry("gate", "success").containsEntry("notify", "skipped").containsEntry("archive", "success")
        .containsEntry("list_archive", "success");

    Run truthy = run("short_circuit", "Truthy");
    assertThat(truthy.states().values()).containsOnly("success");
  }
}
