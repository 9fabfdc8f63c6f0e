package io.flowport.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.flowport.tools.NodeTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every template in {@code element-templates/} validates against the Zeebe element templates JSON
 * schema, with Modeler's own validator (src/test/node/validate-templates.mjs).
 */
class TemplateSchemaTest {

  static Path node() {
    Path node = NodeTools.installed(Path.of("src/test/node")).orElse(null);
    assumeTrue(node != null, "src/test/node not installed (npm ci)");
    return node;
  }

  @Test
  void everyTemplateIsValid() throws Exception {
    List<String> files = new ArrayList<>();
    try (Stream<Path> listed = Files.list(Path.of("element-templates"))) {
      listed.filter(p -> p.toString().endsWith(".json")).sorted().forEach(p -> files.add(p.toAbsolutePath().toString()));
    }
    assertThat(files).hasSizeGreaterThan(20);
    NodeTools.Result r = NodeTools.node(node(), "validate-templates.mjs", files.toArray(String[]::new));
    assertThat(r.exit()).as("validate-templates.mjs: %s%s", r.stdout(), r.stderr()).isZero();
    assertThat(r.stdout()).startsWith("schema 0.46.0");
  }

  /** The validator refuses what the schema forbids, here a binding type it does not know. */
  @Test
  void aBrokenTemplateIsRefused(@TempDir Path dir) throws Exception {
    String good = Files.readString(Path.of("element-templates/flowport.emr.DescribeCluster.json"));
    String broken = good.replace("\"type\" : \"zeebe:taskDefinition\"", "\"type\" : \"zeebe:taskDefinitio\"");
    assertThat(broken).isNotEqualTo(good);
    Path file = Files.writeString(dir.resolve("broken.json"), broken);
    NodeTools.Result r = NodeTools.node(node(), "validate-templates.mjs", file.toString());
    assertThat(r.exit()).as(r.stdout()).isEqualTo(1);
    assertThat(r.stdout()).contains("broken.json");
  }
}
