package io.flowport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What {@code convert} writes: one BPMN and one report per workflow, named by the process id. */
class ConvertOutputTest {

  static final String EMR_JOB = "examples/seed/original/emr_job.asl.json";
  static final String DAG = "examples/seed/original/orchestrate_emr_jobs.py";
  static final String EMR_JOB_FIXED = "examples/seed/emr_job_fixed.asl.json";
  static final String DAG_FIXED = "examples/seed/orchestrate_emr_jobs_fixed.py";

  /** Random element ids such as {@code timeDuration_89b2aa48-bc22-4e40-ae04-5e2f7cc3ddce}. */

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    EMR_JOB + ", emr_job",
    EMR_JOB_FIXED + ", emr_job_fixed",
    DAG + ", orchestrate_emr_jobs",
    DAG_FIXED + ", orchestrate_emr_jobs_fixed"
  })
  void writesBpmnAndReportNamedByTheProcessId(String file, String processId, @TempDir Path out) throws IOException {
    Cli cli = Cli.run("convert", file, "-o", out.toString());

    assertThat(cli.exit()).as(cli.err()).isZero();
    assertThat(files(out)).containsExactlyInAnyOrder(processId + ".bpmn", processId + ".report.md");
    assertThat(cli.out()).isEqualTo("wrote " + out.resolve(processId + ".bpmn") + " and " + processId + ".report.md\n");
    assertThat(Files.readString(out.resolve(processId + ".bpmn"))).contains("<process id=\"" + processId + "\"");
    assertThat(Files.readString(out.resolve(processId + ".report.md")))
        .startsWith("# Conversion report: " + processId + "\n\nSource: `" + file + "`");
  }

  @Test
  void convertsSeveralFilesIntoANewFolder(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("new/folder");

    Cli cli = Cli.run("convert", EMR_JOB, DAG, EMR_JOB_FIXED, DAG_FIXED, "-o", out.toString());

    assertThat(cli.exit()).isZero();
    assertThat(files(out)).hasSize(8).contains("emr_job.bpmn", "orchestrate_emr_jobs_fixed.report.md");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({EMR_JOB + ", emr_job", DAG + ", orchestrate_emr_jobs"})
  void convertingTwiceGivesByteIdenticalBpmn(String file, String processId, @TempDir Path tmp) throws IOException {
    String[] twice = convertTwice(file, processId, tmp);
    assertThat(twice[0]).isEqualTo(twice[1]);
  }

  private static String[] convertTwice(String file, String processId, Path tmp) throws IOException {
    String[] out = new String[2];
    for (int i = 0; i < 2; i++) {
      Path dir = Files.createTempDirectory(tmp, "run");
      assertThat(Cli.run("convert", file, "-o", dir.toString()).exit()).isZero();
      out[i] = Files.readString(dir.resolve(processId + ".bpmn"));
    }
    return out;
  }

  private static java.util.List<String> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).toList();
    }
  }
}
