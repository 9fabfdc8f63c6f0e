package io.flowport.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowport.cli.Main;
import io.flowport.tools.NodeTools;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import io.flowport.asl.AslConverter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code flowport run --mock-config} against the reference interpreter ({@code asl-run.mjs},
 * aws-local-stepfunctions) on the same Step Functions Local mock file: same result, same states
 * entered. Skipped where the Node tools are not installed; CI installs them.
 */
class AslReferenceTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;

  static final Path CORPUS = Path.of("src/test/resources/asl/corpus");

  static final String RETRY_CATCH = "src/test/resources/asl/retry_catch.asl.json";
  static final String RETRY_CATCH_MOCKS = "src/test/resources/asl/retry_catch.mock.json";

  // Not compared: a mocked Throw of States.Runtime, which aws-local-stepfunctions lets a
  // States.TaskFailed catcher take; Step Functions never retries or catches States.Runtime
  // (AslErrorsTest covers flowport's behaviour).
  @ParameterizedTest(name = "{0} {2}")
  @CsvSource({
    "examples/seed/original/emr_job.asl.json, examples/seed/mocks/emr_job.mock.json, Reference",
    "examples/seed/original/emr_job.asl.json, examples/seed/mocks/emr_job.mock.json, CreateFails",
    "examples/seed/emr_job_fixed.asl.json, examples/seed/mocks/emr_job.mock.json, HappyPath",
    "examples/seed/emr_job_fixed.asl.json, examples/seed/mocks/emr_job.mock.json, CreateFails",
    "examples/seed/emr_job_fixed.asl.json, examples/seed/mocks/emr_job.mock.json, DescribeThrottledOnce",
    RETRY_CATCH + ", " + RETRY_CATCH_MOCKS + ", ThrottledTwiceThenOk",
    RETRY_CATCH + ", " + RETRY_CATCH_MOCKS + ", FailsEveryTime",
    RETRY_CATCH + ", " + RETRY_CATCH_MOCKS + ", ThrottledForever",
    RETRY_CATCH + ", " + RETRY_CATCH_MOCKS + ", TimesOut"
  })
  void runGivesWhatTheReferenceInterpreterGives(String machine, String mocks, String testCase) throws Exception {
    compare(Path.of(machine), Path.of(mocks), testCase, Files.writeString(tmp.resolve("input.json"), "{\"in\": 1}"));
  }

  /** Every test case of every machine in the corpus: NAME.asl.json, NAME.mock.json, NAME.input.json. */
  static Stream<Arguments> corpus() throws Exception {
    List<Arguments> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(CORPUS)) {
      for (Path machine : files.filter(f -> f.toString().endsWith(".asl.json")).sorted().toList()) {
        String name = AslConverter.machineName(machine);
        Path mocks = CORPUS.resolve(name + ".mock.json");
        JsonNode cases = JSON.readTree(mocks.toFile()).path("StateMachines").path(name).path("TestCases");
        cases.fieldNames().forEachRemaining(c -> out.add(Arguments.of(name, c)));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("corpus")
  void corpusRunsAsTheReferenceInterpreterRunsIt(String name, String testCase) throws Exception {
    Path input = CORPUS.resolve(name + ".input.json");
    compare(CORPUS.resolve(name + ".asl.json"), CORPUS.resolve(name + ".mock.json"), testCase,
        Files.exists(input) ? input : Files.writeString(tmp.resolve("input.json"), "{}"));
  }

  private void compare(Path machine, Path mocks, String testCase, Path input) throws Exception {
    Path tools = NodeTools.dir().orElse(null);
    assumeTrue(tools != null, "Node tools not installed (run .ci/run or npm ci in ../shared/tools)");

    NodeTools.Result ref = NodeTools.node(tools, "asl-run.mjs", forReference(machine).toAbsolutePath().toString(),
        "--input", input.toAbsolutePath().toString(), "--mock-config", mocks.toAbsolutePath().toString(), "--test-case", testCase, "--trace");
    assertThat(ref.exit()).as("asl-run: " + ref.stderr()).isIn(0, 1);

    Path output = tmp.resolve("output.json");
    Path trace = tmp.resolve("trace.txt");
    StringWriter err = new StringWriter();
    // A case takes seconds; a stalled engine fails it in 2 minutes instead of the CLI's 10, so its
    // rerun fits in CI's time.
    int exit = Main.run(new String[] {"run", machine.toString(), "--input", input.toString(), "--mock-config", mocks.toString(),
        "--test-case", testCase, "--time-scale", "1/1000", "--timeout-s", "120", "--output", output.toString(),
        "--trace", trace.toString()},
        new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));

    assertThat(exit).as("flowport exit code (stderr: %s)", err).isEqualTo(ref.exit());
    JsonNode ours = JSON.readTree(output.toFile());
    JsonNode theirs = JSON.readTree(ref.stdout());
    if (ref.exit() == 0) {
      assertThat(ours).isEqualTo(theirs);
    } else {
      assertThat(ours.get("error")).isEqualTo(theirs.get("error"));
      if (theirs.path("cause").asText().startsWith("Path expression")) {
        // aws-local-stepfunctions words a path that finds nothing (or not an array) its own way;
        // flowport uses the causes Step Functions gives: "The JSONPath '…' specified for the field
        // …" in Parameters and ResultSelector, "Invalid path '…'…" in a Choice rule, InputPath,
        // OutputPath and ItemsPath. Both must name the same path.
        String path = theirs.get("cause").asText().replaceAll("(?s)^Path expression '([^']+)'.*", "$1");
        assertThat(ours.get("cause").asText()).containsAnyOf("The JSONPath '" + path + "' specified for the field",
            "Invalid path '" + path + "'");
      } else {
        assertThat(ours.get("cause")).isEqualTo(theirs.get("cause"));
      }
    }
    List<String> theirTrace = ref.stderr().isBlank() ? List.of() : List.of(ref.stderr().strip().split("\n"));
    assertTrace(JSON.readTree(machine.toFile()), Files.readAllLines(trace), theirTrace);
  }

  /**
   * The machine as the reference runs it. aws-local-stepfunctions has no {@code $$.Task.Token} in
   * its context object (a callback is just a mocked call there), so the copy reads another context
   * field: the token only goes to the mocked call, never into a result.
   */
  private Path forReference(Path machine) throws java.io.IOException {
    String text = Files.readString(machine);
    if (!text.contains("$$.Task.Token")) {
      return machine;
    }
    Path dir = Files.createDirectories(tmp.resolve("reference"));
    return Files.writeString(dir.resolve(machine.getFileName()), text.replace("$$.Task.Token", "$$.Execution.Name"));
  }

  /**
   * The machine's own states in the same order; states inside Parallel branches and Map
   * iterations the same number of times each, since the tool's interleaving of concurrent
   * branches is not a happens-before order.
   */
  static void assertTrace(JsonNode machine, List<String> ours, List<String> theirs) {
    Set<String> top = new HashSet<>();
    machine.path("States").fieldNames().forEachRemaining(top::add);
    assertThat(ours.stream().filter(top::contains).toList()).as("states entered, in order").isEqualTo(
        theirs.stream().filter(top::contains).toList());
    assertThat(sorted(ours, top)).as("states entered in branches and iterations").isEqualTo(sorted(theirs, top));
  }

  private static List<String> sorted(List<String> trace, Set<String> top) {
    return trace.stream().filter(s -> !top.contains(s)).sorted().toList();
  }
}
