package io.flowport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.picture.Pictures;
import io.flowport.picture.SvgWriter;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code convert --svg --png}: pictures next to the BPMN, and one line when the output cannot be written. */
class ConvertPicturesTest {

  static final String EMR_JOB_FIXED = ConvertOutputTest.EMR_JOB_FIXED;

  @Test
  void writesTheSvgAndPngOfTheWrittenBpmn(@TempDir Path out) throws IOException {
    Cli cli = Cli.run("convert", EMR_JOB_FIXED, "--svg", "--png", "-o", out.toString());

    assertThat(cli.exit()).as(cli.err()).isZero();
    assertThat(files(out)).containsExactlyInAnyOrder("emr_job_fixed.bpmn", "emr_job_fixed.report.md", "emr_job_fixed.svg",
        "emr_job_fixed.png");
    assertThat(cli.out()).isEqualTo("wrote " + out.resolve("emr_job_fixed.bpmn")
        + ", emr_job_fixed.report.md, emr_job_fixed.svg and emr_job_fixed.png\n");
    // The picture is of the BPMN as written.
    assertThat(Files.readString(out.resolve("emr_job_fixed.svg")))
        .isEqualTo(SvgWriter.svg(Pictures.read(out.resolve("emr_job_fixed.bpmn"))));
    BufferedImage png = ImageIO.read(out.resolve("emr_job_fixed.png").toFile());
    assertThat(png).isNotNull();
    assertThat(png.getWidth()).isGreaterThan(png.getHeight());
  }

  @Test
  void svgAloneWritesNoPng(@TempDir Path out) throws IOException {
    Cli cli = Cli.run("convert", EMR_JOB_FIXED, "--svg", "-o", out.toString());

    assertThat(cli.exit()).as(cli.err()).isZero();
    assertThat(files(out)).containsExactlyInAnyOrder("emr_job_fixed.bpmn", "emr_job_fixed.report.md", "emr_job_fixed.svg");
  }

  @Test
  void anOutputFolderThatCannotBeMadeIsOneLine(@TempDir Path tmp) throws IOException {
    Path file = Files.writeString(tmp.resolve("a-file"), "x");
    Path out = file.resolve("pictures");

    Cli cli = Cli.run("convert", EMR_JOB_FIXED, "--svg", "--png", "-o", out.toString());

    assertThat(cli.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(cli.errLines()).hasSize(1);
    // The reason is the operating system's ("Not a directory" on Linux).
    assertThat(cli.errLines().get(0)).startsWith("flowport: " + out + ": cannot create the output folder: ")
        .doesNotContain("Exception", "internal error", file + ":");
    assertThat(cli.out()).isEmpty();
  }

  @Test
  void anOutputFileThatCannotBeWrittenIsOneLine(@TempDir Path out) throws IOException {
    // A folder where the picture should go: writing it fails whoever runs the test, root included.
    Files.createDirectories(out.resolve("emr_job_fixed.svg"));

    Cli cli = Cli.run("convert", EMR_JOB_FIXED, "--svg", "-o", out.toString());

    assertThat(cli.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(cli.errLines()).hasSize(1);
    assertThat(cli.errLines().get(0)).startsWith("flowport: " + out.resolve("emr_job_fixed.svg") + ": cannot write: ")
        .doesNotContain("Exception", "internal error");
  }

  private static java.util.List<String> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).toList();
    }
  }
}
