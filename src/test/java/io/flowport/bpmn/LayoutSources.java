package io.flowport.bpmn;

import io.flowport.catalog.Catalog;
import io.flowport.convert.Conversion;
import io.flowport.convert.Converters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The workflows whose diagrams the layout tests check: the examples (EMR Serverless ones too), every
 * ASL machine of the test resources (the corpus too) and the layout fixtures in
 * {@code src/test/resources/bpmn}.
 */
final class LayoutSources {

  static List<Path> sources() throws IOException {
    List<Path> out = new ArrayList<>(GoldenBpmnTest.examples());
    // The machines flowport runs: the corpus's pending and known-difference folders hold ones it
    // refuses or runs differently.
    for (String dir : List.of("src/test/resources/asl", "src/test/resources/asl/corpus", "src/test/resources/asl/assign",
        "src/test/resources/asl/jsonata")) {
      try (Stream<Path> files = Files.list(Path.of(dir))) {
        files.filter(f -> f.toString().endsWith(".asl.json")).sorted().forEach(out::add);
      }
    }
    for (String dir : List.of("src/test/resources/bpmn", "src/test/resources/airflow/runs", "src/test/resources/airflow/corpus")) {
      // The Airflow corpus keeps its mocks and expectations (.json) next to the DAGs.
      boolean dags = dir.contains("airflow");
      try (Stream<Path> files = Files.list(Path.of(dir))) {
        files.filter(f -> f.toString().endsWith(".py") || !dags && f.toString().endsWith(".json")).sorted().forEach(out::add);
      }
    }
    for (String dir : List.of("examples/serverless", "examples/eks")) {
      try (Stream<Path> files = Files.list(Path.of(dir))) {
        files.filter(f -> f.toString().endsWith(".py") || f.toString().endsWith(".asl.json")).sorted().forEach(out::add);
      }
    }
    return out;
  }

  /** Source file and workflow id of each process, mapped to its BPMN. */
  static Map<String, String> convertAll() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (Path source : sources()) {
      for (Conversion c : new Converters(Catalog.builtIn()).convert(source)) {
        out.put(source + " " + c.workflow().id(), new BpmnGenerator().toXml(c.workflow()));
      }
    }
    return out;
  }

  /** Writes each process to {@code dir/<n>-<id>.bpmn} (ids repeat across sources); returns the paths. */
  static List<String> writeAll(Path dir) throws IOException {
    List<String> files = new ArrayList<>();
    int n = 0;
    for (var e : convertAll().entrySet()) {
      String id = e.getKey().substring(e.getKey().lastIndexOf(' ') + 1);
      Path file = dir.resolve(String.format("%02d-%s.bpmn", n++, id));
      Files.writeString(file, e.getValue());
      files.add(file.toAbsolutePath().toString());
    }
    return files;
  }

  private LayoutSources() {}
}
