package io.flowport.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.catalog.Catalog;
import io.flowport.convert.Conversion;
import io.flowport.convert.Converters;
import io.flowport.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code bpmn/} holds the generated processes of {@code examples/}; this fails when they are stale.
 * Regenerate with the command in the assertion message.
 */
public class GoldenBpmnTest {

  static final String REGENERATE =
      "regenerate with: ./flowport convert examples/seed/*.json examples/seed/*.py examples/seed/original/* -o bpmn";

  public static List<Path> examples() throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path dir : List.of(Path.of("examples/seed"), Path.of("examples/seed/original"))) {
      try (Stream<Path> files = Files.list(dir)) {
        files.filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".py")).sorted().forEach(out::add);
      }
    }
    return out;
  }

  @Test
  void bpmnFolderHoldsTheCurrentConversionOfEveryExample() throws IOException {
    List<String> expected = new ArrayList<>();
    for (Path source : examples()) {
      for (Conversion c : new Converters(Catalog.builtIn()).convert(source)) {
        String id = c.workflow().id();
        expected.add(id + ".bpmn");
        expected.add(id + ".report.md");
        assertThat(Files.readString(Path.of("bpmn", id + ".bpmn"))).as(id + ".bpmn is stale; " + REGENERATE)
            .isEqualTo(new BpmnGenerator().toXml(c.workflow(), c.report()));
        assertThat(Files.readString(Path.of("bpmn", id + ".report.md"))).as(id + ".report.md is stale; " + REGENERATE)
            .isEqualTo(ReportWriter.markdown(id, source.toString(), c.report()));
      }
    }
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
          .as("bpmn/ holds exactly the examples' processes; " + REGENERATE).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void generationIsDeterministic() throws IOException {
    for (Path source : examples()) {
      Conversion a = new Converters(Catalog.builtIn()).convert(source).get(0);
      Conversion b = new Converters(Catalog.builtIn()).convert(source).get(0);
      assertThat(new BpmnGenerator().toXml(a.workflow())).isEqualTo(new BpmnGenerator().toXml(b.workflow()));
    }
  }
}
