package io.flowport.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.catalog.Catalog;
import io.flowport.convert.Conversion;
import io.flowport.convert.Converters;
import io.flowport.ir.TaskDag;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's generated DAG converts to as many tasks as asked, none of them unknown to the catalogs. */
class GeneratedDagTest {

  @Test
  void generatedDagConvertsWithEveryTask(@TempDir Path tmp) throws Exception {
    Path file = Files.writeString(tmp.resolve("bench.py"), GeneratedDag.source(30));
    Conversion c = new Converters(Catalog.builtIn()).convert(file).get(0);
    assertThat(((TaskDag) c.workflow().body()).tasks()).hasSize(30);
    assertThat(c.report().findings()).noneMatch(f -> f.code().id().equals("FP417"));
  }
}
