package io.flowport.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowport.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden runs of JSONata states ({@code QueryLanguage: "JSONata"}): the reference interpreter
 * refuses them, so each {@code asl/jsonata/NAME.asl.json} has its expectations in {@code
 * NAME.expect.json}, written by hand from Step Functions' documented behaviour (and the AWS-recorded
 * LocalStack snapshots cited in docs/architecture.md), one entry per case: its {@code input} (else
 * {@code NAME.input.json}), the mock test case of {@code NAME.mock.json} of the same name when there
 * is one, and the {@code output}, or the {@code error} and strings its {@code cause} contains, and
 * the {@code states} entered (in order for the machine's own states; as a multiset inside branches
 * and iterations).
 */
class AslJsonataRunTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Path DIR = Path.of("src/test/resources/asl/jsonata");

  @TempDir
  Path tmp;

  static Stream<Arguments> cases() throws IOException {
    List<Arguments> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(DIR)) {
      for (Path machine : files.filter(f -> f.toString().endsWith(".asl.json")).sorted().toList()) {
        String name = machine.getFileName().toString().replace(".asl.json", "");
        JSON.readTree(DIR.resolve(name + ".expect.json").toFile()).fieldNames().forEachRemaining(c -> out.add(Arguments.of(name, c)));
      }
    }
    return out.stream();
  }

  @Test
  void theGoldenRunsCoverEveryJsonataField() throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.list(DIR)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".asl.json")).toList()) {
        all.append(Files.readString(f));
      }
    }
    String text = all.toString();
    for (String needle : List.of("\"Type\": \"Task\"", "\"Type\": \"Choice\"", "\"Type\": \"Map\"", "\"Type\": \"Parallel\"",
        "\"Type\": \"Wait\"", "\"Type\": \"Fail\"", "\"Type\": \"Succeed\"", "\"Arguments\"", "\"Output\"", "\"Assign\"",
        "\"Condition\"", "\"Items\"", "\"ItemSelector\"", "$states.context.Map.Item", "$states.errorOutput", "$states.result",
        "\"TimeoutSeconds\": \"{%", "\"HeartbeatSeconds\": \"{%", "\"Seconds\": \"{%", "\"Timestamp\": \"{%", "\"QueryLanguage\": \"JSONPath\"",
        "States.QueryEvaluationError", "createCluster.sync", "$states.context.Task.Token")) {
      assertThat(text).as("some golden machine has " + needle).contains(needle);
    }
  }

  private static final java.util.regex.Pattern TRACE_LINE =
      java.util.regex.Pattern.compile("\\s*[\\d.]+s\\s+\\+(\\d+):(\\d\\d):(\\d\\d)\\s+(entered|completed)\\s+.*\\[(.+)]\\s*");

  /** Seconds of source time from the state's first "entered" line to its last "completed" line of the run's trace. */
  static long sourceSeconds(String stderr, String state) {
    long first = -1;
    long last = -1;
    for (String line : stderr.split("\\R")) {
      var m = TRACE_LINE.matcher(line);
      if (m.matches() && m.group(5).equals(state)) {
        long t = Long.parseLong(m.group(1)) * 3600 + Long.parseLong(m.group(2)) * 60 + Long.parseLong(m.group(3));
        if (m.group(4).equals("entered") && first < 0) {
          first = t;
        } else if (m.group(4).equals("completed")) {
          last = t;
        }
      }
    }
    assertThat(first).as("%s entered in the trace", state).isNotNegative();
    return last - first;
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void runsAsStepFunctionsDocumentsIt(String name, String testCase) throws Exception {
    JsonNode expect = JSON.readTree(DIR.resolve(name + ".expect.json").toFile()).get(testCase);
    Path mocks = DIR.resolve(name + ".mock.json");
    Path input = DIR.resolve(name + ".input.json");
    if (expect.has("input")) {
      input = tmp.resolve("input.json");
      JSON.writeValue(input.toFile(), expect.get("input"));
    }
    Path output = tmp.resolve("output.json");
    Path trace = tmp.resolve("trace.txt");
    List<String> args = new ArrayList<>(List.of("run", DIR.resolve(name + ".asl.json").toString(),
        "--input", input.toString(), "--time-scale", "1/1000", "--output", output.toString(), "--trace", trace.toString()));
    if (Files.exists(mocks) && JSON.readTree(mocks.toFile()).path("StateMachines").path(name).path("TestCases").has(testCase)) {
      args.addAll(List.of("--mock-config", mocks.toString(), "--test-case", testCase));
    }
    StringWriter err = new StringWriter();
    int exit = Main.run(args.toArray(String[]::new), new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));

    JsonNode ours = JSON.readTree(output.toFile());
    if (expect.has("output")) {
      assertThat(exit).as("exit code (output: %s, stderr: %s)", ours, err).isZero();
      assertThat(ours).isEqualTo(expect.get("output"));
    } else {
      assertThat(exit).as("exit code (output: %s, stderr: %s)", ours, err).isEqualTo(1);
      assertThat(ours.path("error").asText()).isEqualTo(expect.get("error").asText());
      for (JsonNode part : expect.path("causeContains")) {
        assertThat(ours.path("cause").asText()).contains(part.asText());
      }
    }
    // "waitsAtLeast": {"State": seconds}: source time from entering the state to completing it (a
    // lower bound only: at a time scale of 1/1000 each job adds wall time, times 1000).
    for (var w : expect.path("waitsAtLeast").properties()) {
      assertThat(sourceSeconds(err.toString(), w.getKey())).as("source seconds in %s", w.getKey())
          .isGreaterThanOrEqualTo(w.getValue().asLong());
    }
    List<String> states = new ArrayList<>();
    expect.path("states").forEach(s -> states.add(s.asText()));
    AslReferenceTest.assertTrace(JSON.readTree(DIR.resolve(name + ".asl.json").toFile()), Files.readAllLines(trace), states);
  }
}
