package io.flowport.airflow.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.flowport.catalog.Catalog;
import io.flowport.convert.Conversion;
import io.flowport.convert.Converters;
import io.flowport.diag.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each file under airflow/bad starts with {@code # expect: <message>}, {file} standing for its
 * path: either the BadInputException message or one finding, as printed on one line, of the
 * parser or, when the parser reads the file without it, of the whole conversion (report
 * entries as {@code convert} prints them).
 */
class BadFilesTest {

  private static final Path DIR = Path.of("src/test/resources/airflow/bad");
  private static final String HEADER = "# expect: ";

  static Stream<Path> badFiles() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.filter(f -> f.toString().endsWith(".py")).sorted().toList().stream();
    }
  }

  @Test
  void thereAreEnoughBadFiles() throws IOException {
    assertTrue(badFiles().count() >= 60);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void reportsTheExpectedMessage(Path file) throws IOException {
    String first = Files.readAllLines(file).get(0);
    assertTrue(first.startsWith(HEADER), file + " has no '" + HEADER + "' line");
    String expected = first.substring(HEADER.length()).replace("{file}", file.toString());
    DagFile model;
    try {
      model = new DagFileParser().parse(file);
    } catch (BadInputException e) {
      assertEquals(expected, e.getMessage());
      assertEquals(1, e.getMessage().lines().count());
      return;
    }
    List<String> findings = new java.util.ArrayList<>(model.findings().stream().map(Finding::toString).toList());
    if (findings.contains(expected)) {
      return;
    }
    try {
      for (Conversion c : new Converters(Catalog.builtIn()).convert(file)) {
        c.report().findings().forEach(f -> findings.add(f.oneLine()));
      }
    } catch (BadInputException e) {
      assertEquals(expected, e.getMessage());
      assertEquals(1, e.getMessage().lines().count());
      return;
    }
    if (!findings.contains(expected)) {
      fail("expected finding\n  " + expected + "\nbut got\n  " + String.join("\n  ", findings));
    }
  }
}
