package io.flowport.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowport.tools.NodeTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated processes, those in {@code bpmn/} and the conversions of every example and test
 * machine, pass bpmnlint with the Camunda 8.8 rules and draw in bpmn-js with complete DI and
 * nothing overlapping. Skipped where the Node tools or Chromium are missing; CI has both.
 */
class BpmnToolsTest {

  @TempDir
  Path converted;

  static List<String> bpmnFiles() throws Exception {
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().map(f -> f.toAbsolutePath().toString()).toList();
    }
  }

  private List<String> allFiles() throws Exception {
    List<String> files = new ArrayList<>(bpmnFiles());
    files.addAll(LayoutSources.writeAll(converted));
    return files;
  }

  @Test
  void bpmnlintFindsNoErrorsAndNoWarnings() throws Exception {
    Path tools = NodeTools.dir().orElse(null);
    assumeTrue(tools != null, "Node tools not installed");
    // One file per call: bpmn-lint.mjs reuses one linter for all files of a call, and bpmnlint's
    // no-duplicate-sequence-flows rule then reports flows of an earlier file as duplicates.
    for (String file : allFiles()) {
      NodeTools.Result r = NodeTools.node(tools, "bpmn-lint.mjs", file);
      assertThat(r.exit()).as("bpmn-lint:%n%s%s", r.stdout(), r.stderr()).isEqualTo(0);
      // No warnings either: Modeler shows them too (superfluous gateways were the last ones).
      assertThat(r.stdout()).as(file).doesNotContain("(error)").doesNotContain("(warning)");
    }
  }

  @Test
  void everyElementIsDrawnAndNothingOverlaps() throws Exception {
    Path tools = NodeTools.dir().orElse(null);
    assumeTrue(tools != null && NodeTools.chromium(), "Node tools or Chromium not installed");
    // All files in one call: Chromium starts once.
    List<String> args = new ArrayList<>(allFiles());
    args.add("--json");
    args.add("--strict");
    NodeTools.Result r = NodeTools.node(tools, "bpmn-render.mjs", args.toArray(String[]::new));
    JsonNode results = new ObjectMapper().readTree(r.stdout());
    List<String> problems = new ArrayList<>();
    for (JsonNode file : results.isArray() ? results : List.of(results)) {
      String name = file.path("file").asText();
      file.path("findings").forEach(f -> problems.add(name + ": " + f.path("kind").asText() + ": " + f.path("message").asText()));
      for (String error : List.of("importError", "error")) {
        if (file.has(error)) {
          problems.add(name + ": " + error + ": " + file.path(error).asText());
        }
      }
    }
    assertThat(problems).as("bpmn-render findings").isEmpty();
    assertThat(r.exit()).as("bpmn-render --strict: %s", r.stderr()).isEqualTo(0);
  }
}
