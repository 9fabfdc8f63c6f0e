package io.flowport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code convert --index} (a page of every process) and the refusal of two processes with one id. */
class ConvertIndexTest {

  static final Pattern LINK = Pattern.compile("\\]\\(([^)]+)\\)");

  @Test
  void indexListsEveryProcessWithWorkingLinksAndItsFindings(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("site");

    Cli cli = Cli.run("convert", ConvertOutputTest.EMR_JOB, ConvertOutputTest.DAG_FIXED, "--svg", "--index", "-o", out.toString());

    assertThat(cli.exit()).as(cli.err()).isZero();
    assertThat(cli.out()).endsWith("wrote " + out.resolve("index.md") + "\n");
    String page = Files.readString(out.resolve("index.md"));
    assertThat(page).startsWith("# Converted processes\n\n2 processes converted by `flowport convert`")
        .contains("`emr_job` from [emr_job.asl.json](", "`orchestrate_emr_jobs_fixed` from [orchestrate_emr_jobs_fixed.py](",
            "![emr_job](emr_job.svg)", "![orchestrate_emr_jobs_fixed](orchestrate_emr_jobs_fixed.svg)");
    // The original machine has flaws its report warns about; the page says so and links the report.
    String emrJob = section(page, "`emr_job`");
    assertThat(emrJob).containsPattern("\\d+ warnings?").contains("[report](emr_job.report.md)");
    for (String target : links(page)) {
      assertThat(out.resolve(target.replace("%20", " "))).as("link " + target).exists();
    }
  }

  @Test
  void indexWithoutPicturesHasNoImages(@TempDir Path out) throws IOException {
    Cli cli = Cli.run("convert", ConvertOutputTest.EMR_JOB_FIXED, "--index", "-o", out.toString());

    assertThat(cli.exit()).as(cli.err()).isZero();
    assertThat(Files.readString(out.resolve("index.md"))).startsWith("# Converted processes\n\n1 process converted").contains("asks of you.\n").doesNotContain("![", "picture");
  }

  @Test
  void twoProcessesWithOneIdAreRefusedBeforeAnythingIsWritten(@TempDir Path tmp) throws IOException {
    Path copy = tmp.resolve("other/emr_job.asl.json");
    Files.createDirectories(copy.getParent());
    Files.copy(Path.of(ConvertOutputTest.EMR_JOB), copy);
    Path out = tmp.resolve("out");

    Cli cli = Cli.run("convert", ConvertOutputTest.EMR_JOB, copy.toString(), "-o", out.toString());

    assertThat(cli.exit()).isEqualTo(2);
    assertThat(cli.errLines()).singleElement().asString()
        .startsWith("flowport: " + copy + ":")
        .contains("process id 'emr_job' is also made by " + ConvertOutputTest.EMR_JOB, "different -o folders");
    assertThat(cli.err()).doesNotContain("Exception", "\tat ");
    assertThat(cli.out()).isEmpty();
    assertThat(out).doesNotExist();
  }

  private static String section(String page, String start) {
    int from = page.indexOf(start);
    int to = page.indexOf("\n## ", from);
    return page.substring(from, to < 0 ? page.length() : to);
  }

  private static List<String> links(String page) {
    return LINK.matcher(page).results().map(r -> r.group(1)).toList();
  }
}
