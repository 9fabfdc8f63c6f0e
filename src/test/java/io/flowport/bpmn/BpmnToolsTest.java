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

/**
 * The generated processes in {@code bpmn/} pass bpmnlint with the Camunda 8.8 rules and draw in
 * bpmn-js with complete DI. Skipped where the Node tools or Chromium are missing; CI has both.
 */
class BpmnToolsTest {

  static List<String> bpmnFiles() throws Exception {
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().map(f -> f.toAbsolutePath().toString()).toList();
    }
  }

  @Test
  void bpmnlintFindsNoErrors() throws Exception {
    Path tools = NodeTools.dir().orElse(null);
    assumeTrue(tools != null, "Node tools not installed");
    // One file per call: bpmn-lint.mjs reuses one linter for all files of a call, and bpmnlint's
    // no-duplicate-sequence-flows rule then reports flows of an earlier file as duplicates.
    for (String file : bpmnFiles()) {
      NodeTools.Result r = NodeTools.node(tools, "bpmn-lint.mjs", file);
      assertThat(r.exit()).as("bpmn-lint:%n%s%s", r.stdout(), r.stderr()).isEqualTo(0);
      assertThat(r.stdout()).doesNotContain("(error)");
    }
  }

  @Test
  void everyElementIsDrawn() throws Exception {
    Path tools = NodeTools.dir().orElse(null);
    assumeTrue(tools != null && NodeTools.chromium(), "Node tools or Chromium not installed");
    List<String> args = new ArrayList<>(bpmnFiles());
    args.add("--json");
    NodeTools.Result r = NodeTools.node(tools, "bpmn-render.mjs", args.toArray(String[]::new));
    assertThat(r.exit()).as("bpmn-render: %s", r.stderr()).isIn(0, 3);
    JsonNode results = new ObjectMapper().readTree(r.stdout());
    for (JsonNode file : results) {
      assertThat(file.has("importError")).as(file.toString()).isFalse();
      for (JsonNode finding : file.path("findings")) {
        // Overlapping labels are the layout issue's to remove; missing DI is never acceptable.
        assertThat(finding.path("kind").asText()).as(file.path("file").asText() + ": " + finding)
            .isNotIn("missing-shape", "missing-edge", "import-warning");
      }
    }
  }
}
