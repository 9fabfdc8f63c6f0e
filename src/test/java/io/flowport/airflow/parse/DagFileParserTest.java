package io.flowport.airflow.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.flowport.diag.BadInputException;
import io.flowport.diag.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading files: what cannot be read, encodings, and how positions are counted. */
class DagFileParserTest {

  @TempDir
  Path dir;

  @Test
  void missingFile() {
    Path file = dir.resolve("absent.py");
    BadInputException e = assertThrows(BadInputException.class, () -> new DagFileParser().parse(file));
    assertEquals(file + ": cannot read DAG file: no such file", e.getMessage());
    assertEquals(SourceLocation.file(file), e.location());
  }

  @Test
  void directoryIsNotADagFile() {
    BadInputException e = assertThrows(BadInputException.class, () -> new DagFileParser().parse(dir));
    assertEquals(dir + ": cannot read DAG file: it is a directory", e.getMessage());
  }

  @Test
  void fileThatIsNotUtf8() throws IOException {
    Path file = dir.resolve("latin1.py");
    Files.write(file, "name = 'caf\u00e9'\n".getBytes(StandardCharsets.ISO_8859_1));
    BadInputException e = assertThrows(BadInputException.class, () -> new DagFileParser().parse(file));
    assertEquals(file + ": DAG file is not UTF-8 text", e.getMessage());
  }

  @Test
  void byteOrderMarkIsIgnored() throws IOException {
    Path file = dir.resolve("bom.py");
    Files.writeString(file, "\uFEFFfrom airflow import DAG\ndag = DAG('bom')\n");
    DagDef dag = new DagFileParser().parse(file).dags().get(0);
    assertEquals(SourceLocation.of(file, 2, 7), dag.location());
  }

  @Test
  void columnsCountCharactersNotBytes() {
    BadInputException e = assertThrows(BadInputException.class,
        () -> Dags.parse("label = '\u00e9t\u00e9 \uD83D\uDE00' +\n"));
    assertEquals(Dags.FILE + ":1:1: invalid Python syntax near 'label = '\u00e9t\u00e9 \uD83D\uDE00' +'", e.getMessage());
    DagDef dag = Dags.onlyDag("from airflow import DAG\nx = '\u00e9\u00e9'; dag = DAG('d')\n");
    assertEquals(SourceLocation.of(Dags.FILE, 2, 17), dag.location());
  }

  @Test
  void emptyFileHasNoDags() {
    DagFile file = Dags.parse("");
    assertEquals(List.of(), file.dags());
    assertEquals(List.of("no-dag@0:0"), Dags.findings(file));
  }
}
