package io.flowport.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowport.catalog.Catalog;
import io.flowport.cli.Main;
import io.flowport.convert.Converters;
import io.flowport.ir.TaskDag;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every corpus DAG with {@code flowport run} (embedded engine, real workers, EMR simulator)
 * and checks it against {@code NAME.expect.json}, written by hand from Airflow's semantics:
 * <ul>
 *   <li>{@code mocks}/{@code testCase}: the MockConfigFile for the user's tasks; {@code scenario}: the simulator's</li>
 *   <li>{@code state}: the DAG run's state; {@code tasks}: every task's final state</li>
 *   <li>{@code tries}: how many times a task ran; {@code raised}: errors the run must report</li>
 *   <li>{@code timeScale}: wall time per source time when the default is too fast for the DAG</li>
 *   <li>{@code bug}: a known flowport bug (README.md in the corpus): the run is skipped, saying so</li>
 * </ul>
 * Order: each task that ran started after every upstream task that ran.
 */
class CorpusRunTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Path CORPUS = Path.of("src/test/resources/airflow/corpus");
  /**
   * Source time runs 1000 times faster: a 6-minute cluster start takes 0.36 s. A DAG whose sensor
   * must catch a short state (a cluster WAITING until its idle timeout) sets a slower
   * {@code timeScale}: a worker's wall latency is source time too, and 1/2000 missed such a window.
   */
  static final String TIME_SCALE = "1/1000";

  @TempDir
  Path tmp;

  static Stream<Path> dags() throws IOException {
    try (Stream<Path> files = Files.list(CORPUS)) {
      return files.filter(f -> f.toString().endsWith(".py")).sorted().toList().stream();
    }
  }

  static Path expectation(Path dag) {
    return dag.resolveSibling(dag.getFileName().toString().replaceFirst("\\.py$", ".expect.json"));
  }

  @Test
  void everyCorpusDagHasAnExpectationAndTheCorpusCoversEveryOutcome() throws IOException {
    Set<String> states = new java.util.TreeSet<>();
    int retried = 0;
    for (Path dag : dags().toList()) {
      assertThat(expectation(dag)).as("expectation of " + dag).exists();
      JsonNode e = JSON.readTree(expectation(dag).toFile());
      e.path("tasks").forEach(s -> states.add(s.asText()));
      states.add("run " + e.path("state").asText());
      for (JsonNode n : e.path("tries")) {
        retried += n.asInt() > 1 ? 1 : 0;
      }
    }
    assertThat(dags()).hasSizeGreaterThanOrEqualTo(30);
    assertThat(states).contains("success", "failed", "skipped", "upstream_failed", "run success", "run failed");
    assertThat(retried).isGreaterThanOrEqualTo(3);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dags")
  void runsAsAirflowWould(Path dag) throws Exception {
    JsonNode expect = JSON.readTree(expectation(dag).toFile());
    Assumptions.assumeFalse(expect.has("bug"), () -> "known bug: " + expect.path("bug").asText());

    Path output = tmp.resolve("output.json");
    Path trace = tmp.resolve("trace.txt");
    List<String> args = new ArrayList<>(List.of("run", dag.toString(), "--output", output.toString(), "--trace", trace.toString(),
        "--time-scale", expect.path("timeScale").asText(TIME_SCALE), "--timeout-s", "120"));
    if (expect.has("mocks")) {
      args.addAll(List.of("--mock-config", CORPUS.resolve(expect.get("mocks").asText()).toString(),
          "--test-case", expect.get("testCase").asText()));
    }
    if (expect.has("scenario")) {
      args.addAll(List.of("--emr-scenario", CORPUS.resolve(expect.get("scenario").asText()).toString()));
    }
    StringWriter err = new StringWriter();
    int exit = Main.run(args.toArray(String[]::new), new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    String log = err.toString();

    String state = expect.get("state").asText();
    assertThat(exit).as(log).isEqualTo(state.equals("success") ? 0 : 1);
    JsonNode out = JSON.readTree(output.toFile());
    // A run that gave up (--timeout-s) has no state: its trace in the log says where it stopped.
    assertThat(out.path("state").asText(out.toString())).as(log).isEqualTo(state);
    assertThat(states(out.get("tasks"))).as(log).isEqualTo(states(expect.get("tasks")));

    List<String> ran = Files.readAllLines(trace);
    expect.path("tries").fields().forEachRemaining(e ->
        assertThat(Collections.frequency(ran, e.getKey())).as("tries of " + e.getKey() + "; trace " + ran).isEqualTo(e.getValue().asInt()));
    for (JsonNode raised : expect.path("raised")) {
      assertThat(log).contains("raised    " + raised.asText());
    }
    // Tasks a dagrun_timeout interrupts, and soft_fail sensors that time out, end skipped: they ran.
    List<String> interrupted = new java.util.ArrayList<>();
    expect.path("interrupted").forEach(t -> interrupted.add(t.asText()));
    assertThat(ran).as("interrupted tasks ran").containsAll(interrupted);
    expect.get("tasks").fields().forEachRemaining(e -> {
      if ((e.getValue().asText().equals("skipped") || e.getValue().asText().equals("upstream_failed"))
          && !interrupted.contains(e.getKey())) {
        assertThat(ran).as("a %s task does not run", e.getValue().asText()).doesNotContain(e.getKey());
      }
    });
    TaskDag graph = (TaskDag) new Converters(Catalog.builtIn()).convert(dag).get(0).workflow().body();
    for (TaskDag.Edge edge : graph.edges()) {
      int up = ran.indexOf(edge.upstream());
      int down = ran.indexOf(edge.downstream());
      if (up >= 0 && down >= 0) {
        assertThat(up).as("%s starts after %s; trace %s", edge.downstream(), edge.upstream(), ran).isLessThan(down);
      }
    }
  }

  private static Map<String, String> states(JsonNode tasks) {
    Map<String, String> out = new LinkedHashMap<>();
    // A mapped task's state is the list of its instances' states: compare it whole.
    tasks.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
    return out;
  }
}
