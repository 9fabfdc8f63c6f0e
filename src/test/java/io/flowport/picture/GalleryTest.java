package io.flowport.picture;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.bpmn.BpmnGenerator;
import io.flowport.bpmn.GoldenBpmnTest;
import io.flowport.catalog.Catalog;
import io.flowport.convert.Conversion;
import io.flowport.convert.Converters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/images/} holds the SVG of every example's process, as {@code convert --svg} writes it,
 * and the gallery and README show them; this fails when they are stale.
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
