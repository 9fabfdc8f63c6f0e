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
import org.junit.jupiter.params.provider.Arguments;

/**
 * Golden runs of state machines the reference interpreter refuses (Assign, JSONata): each
 * {@code NAME.asl.json} of a folder has its expectations in {@code NAME.expect.json}, written by
 * hand, one entry per case: its {@code input} (else {@code NAME.input.json}), the mock test case of
 * {@code NAME.mock.json} of the same name when there is one, and the {@code output}, or the
 * {@code error} and strings its {@code cause} contains, the {@code states} entered (in order for
 * the machine's own states; as a multiset inside branches and iterations) and optionally
 * {@code waitsAtLeast}.
 */
final class GoldenRuns {

  static final ObjectMapper JSON = new ObjectMapper();

  /** One argument pair (machine name, case name) per entry of each {@code NAME.expect.json} in {@code dir}. */
  static Stream<Arguments> cases(Path dir) throws IOException {
    List<Arguments> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path machine : files.filter(f -> f.toString().endsWith(".asl.json")).sorted().toList()) {
        String name = machine.getFileName().toString().replace(".asl.json", "");
        JSON.readTree(dir.resolve(name + ".expect.json").toFile()).fieldNames().forEachRemaining(c -> out.add(Arguments.of(name, c)));
      }
    }
    return out.stream();
  }

  /** The text of every machine in {@code dir}, for checks that the cases cover a feature. */
  static String allMachines(Path dir) throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".asl.json")).sorted().toList()) {
        all.append(Files.readString(f));
      }
    }
    return all.toString();
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

  /** Runs case {@code testCase} of machine {@code name} with `flowport run` and checks it against its expectation. */
  static void check(Path dir, String name, String testCase, Path tmp) throws Exception {
    JsonNode expect = JSON.readTree(dir.resolve(name + ".expect.json").toFile()).get(testCase);
    Path mocks = dir.resolve(name + ".mock.json");
    Path input = dir.resolve(name + ".input.json");
    if (expect.has("input")) {
      input = tmp.resolve("input.json");
      JSON.writeValue(input.toFile(), expect.get("input"));
    }
    Path output = tmp.resolve("output.json");
    Path trace = tmp.resolve("trace.txt");
    List<String> args = new ArrayList<>(List.of("run", dir.resolve(name + ".asl.json").toString(),
        "--input", input.toString(), "--time-scale", "1/1000", "--timeout-s", "120", "--output", output.toString(), "--trace", trace.toString()));
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
    AslReferenceTest.assertTrace(JSON.readTree(dir.resolve(name + ".asl.json").toFile()), Files.readAllLines(trace), states);
  }

  private GoldenRuns() {}
}
