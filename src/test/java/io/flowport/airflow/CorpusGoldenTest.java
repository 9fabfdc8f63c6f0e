package io.flowport.airflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.bpmn.BpmnGenerator;
import io.flowport.catalog.Catalog;
import io.flowport.convert.Conversion;
import io.flowport.convert.Converters;
import io.flowport.report.ReportWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus's golden files: {@code corpus/golden/<processId>.bpmn} and {@code .report.md} are
 * what {@code flowport convert} writes for each corpus DAG, byte for byte. A change to the
 * converter shows up here as a diff to review; regenerate with the command in the message.
 */
class CorpusGoldenTest {

  static final Path GOLDEN = CorpusConversionTest.CORPUS.resolve("golden");
  static final String REGENERATE = "review the change, then regenerate with: "
      + "./flowport convert src/test/resources/airflow/corpus/*.py -o src/test/resources/airflow/corpus/golden";

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.flowport.airflow.CorpusConversionTest#files")
  void bpmnAndReportAreTheGoldenBytes(Path file) throws IOException {
    for (Conversion c : new Converters(Catalog.builtIn()).convert(file)) {
      String id = c.workflow().id();
      String bpmn = new BpmnGenerator().toXml(c.workflow(), c.report());
      String report = ReportWriter.markdown(id, file.toString(), c.report());
      assertThat(Files.readAllBytes(GOLDEN.resolve(id + ".bpmn"))).as(id + ".bpmn differs; " + REGENERATE)
          .isEqualTo(bpmn.getBytes(StandardCharsets.UTF_8));
      assertThat(Files.readAllBytes(GOLDEN.resolve(id + ".report.md"))).as(id + ".report.md differs; " + REGENERATE)
          .isEqualTo(report.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void goldenHoldsExactlyTheCorpusProcesses() throws IOException {
    List<String> expected = new ArrayList<>();
    for (Path file : CorpusConversionTest.files().toList()) {
      for (Conversion c : new Converters(Catalog.builtIn()).convert(file)) {
        expected.add(c.workflow().id() + ".bpmn");
        expected.add(c.workflow().id() + ".report.md");
      }
    }
    try (Stream<Path> files = Files.list(GOLDEN)) {
      assertThat(files.map(f -> f.getFileName().toString()).toList()).as(REGENERATE).containsExactlyInAnyOrderElementsOf(expected);
    }
  }
}
