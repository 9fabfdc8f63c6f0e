package io.flowport.picture;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.bpmn.BpmnGenerator;
import io.flowport.bpmn.GoldenBpmnTest;
import io.flowport.catalog.Catalog;
import io.flowport.convert.Conversion;
import io.flowport.convert.Converters;
import io.flowport.convert.IndexPage;
import io.flowport.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code docs/images/} holds the SVG of every example's process, as {@code convert --svg} writes it,
 * and the gallery and README show them; {@code docs/gallery/} the corpora's. This fails when they are stale.
 */
class GalleryTest {

  static final Path IMAGES = Path.of("docs/images");
  static final String REGENERATE = "regenerate with: scripts/diagrams.sh";

  @Test
  void imagesAreTheCurrentPicturesOfEveryExample() throws IOException {
    List<String> expected = new ArrayList<>();
    for (Path source : GoldenBpmnTest.examples()) {
      for (Conversion c : new Converters(Catalog.builtIn()).convert(source)) {
        String id = c.workflow().id();
        expected.add(id + ".svg");
        String fresh = SvgWriter.svg(Pictures.of(new BpmnGenerator().generate(c.workflow()), null));
        assertThat(Files.readString(IMAGES.resolve(id + ".svg"))).as(id + ".svg is stale; " + REGENERATE).isEqualTo(fresh);
      }
    }
    assertThat(svgs()).as("docs/images/ holds exactly the examples' pictures; " + REGENERATE)
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  /**
   * {@code docs/gallery/asl} and {@code docs/gallery/airflow} hold what {@code scripts/diagrams.sh}
   * writes with {@code convert --svg --index} for every corpus process: its picture, its report and
   * the index page, current and nothing else.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"asl, src/test/resources/asl/corpus, .asl.json", "airflow, src/test/resources/airflow/corpus, .py"})
  void corpusGalleriesAreCurrent(String kind, String corpus, String suffix) throws IOException {
    Path dir = Path.of("docs/gallery", kind);
    List<Conversion> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of(corpus))) {
      for (Path source : files.filter(f -> f.toString().endsWith(suffix)).sorted().toList()) {
        all.addAll(new Converters(Catalog.builtIn()).convert(source));
      }
    }
    List<String> expected = new ArrayList<>(List.of("index.md"));
    for (Conversion c : all) {
      String id = c.workflow().id();
      expected.addAll(List.of(id + ".svg", id + ".report.md"));
      String fresh = SvgWriter.svg(Pictures.of(new BpmnGenerator().generate(c.workflow(), c.report()), null));
      assertThat(Files.readString(dir.resolve(id + ".svg"))).as(dir + "/" + id + ".svg is stale; " + REGENERATE).isEqualTo(fresh);
      assertThat(Files.readString(dir.resolve(id + ".report.md"))).as(dir + "/" + id + ".report.md is stale; " + REGENERATE)
          .isEqualTo(ReportWriter.markdown(id, c.workflow().source().file().toString(), c.report()));
    }
    assertThat(Files.readString(dir.resolve("index.md"))).as(dir + "/index.md is stale; " + REGENERATE)
        .isEqualTo(IndexPage.markdown(dir, all, "svg"));
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()).toList()).as(dir + " holds exactly the corpus's pictures; " + REGENERATE)
          .containsExactlyInAnyOrderElementsOf(expected);
    }
    assertThat(Files.readString(Path.of("docs/gallery.md"))).contains("](gallery/" + kind + "/index.md)");
  }

  @Test
  void theGalleryShowsEveryPictureAndTheReadmeTheCorrectedOnes() throws IOException {
    String gallery = Files.readString(Path.of("docs/gallery.md"));
    for (String svg : svgs()) {
      assertThat(gallery).contains("](images/" + svg + ")");
    }
    assertThat(Files.readString(Path.of("README.md")))
        .contains("](docs/images/emr_job_fixed.svg)", "](docs/images/orchestrate_emr_jobs_fixed.svg)", "docs/gallery.md");
  }

  private static List<String> svgs() throws IOException {
    try (Stream<Path> files = Files.list(IMAGES)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".svg")).sorted().toList();
    }
  }
}
