package io.flowport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus in cli/bad-inputs, driven by its index cases.json: each case runs through
 * {@link Main#run} and must fail with its exit code and exactly one stderr line matching its
 * regex, with nothing on stdout. In {@code args}, {@code {dir}} stands for the corpus folder.
 * Cases with a {@code bug} key show a known bug and run in the disabled tests at the end.
 */
class BadInputsTest {

  static final Path DIR = Path.of("src/test/resources/cli/bad-inputs");

  record Case(String file, String command, List<String> args, int exit, String stderr, String bug) {
    @Override
    public String toString() {
      return command + " " + file + (args == null ? "" : " " + String.join(" ", args).replace("{dir}/", ""));
    }
  }

  static List<Case> all() throws IOException {
    return List.of(new ObjectMapper().readValue(DIR.resolve("cases.json").toFile(), Case[].class));
  }

  static Stream<Case> cases() throws IOException {
    return all().stream().filter(c -> c.bug() == null);
  }

  static Stream<Case> bug(String name) throws IOException {
    return all().stream().filter(c -> name.equals(c.bug()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void failsWithOneLineOnStderr(Case c, @TempDir Path out) throws IOException {
    check(c, out);
  }

  @Test
  void theCorpusHasAtLeastFortyCases() throws IOException {
    assertThat(all()).hasSizeGreaterThanOrEqualTo(40);
  }

  @Test
  void everyCorpusFileIsUsedByACase() throws IOException {
    Set<String> used = new TreeSet<>();
    for (Case c : all()) {
      used.add(c.file());
      if (c.args() != null) {
        c.args().stream().filter(a -> a.startsWith("{dir}/")).forEach(a -> used.add(a.substring("{dir}/".length())));
      }
    }
    try (Stream<Path> files = Files.list(DIR)) {
      List<String> names = files.map(f -> f.getFileName().toString()).filter(n -> !n.equals("cases.json")).toList();
      assertThat(used).containsAll(names);
    }
  }

  static Stream<Case> usageHelp() throws IOException {
    return bug("usage-help");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("usageHelp")
  void runUsageErrorsAreOneLine(Case c, @TempDir Path out) throws IOException {
    check(c, out);
  }

  static Stream<Case> fractionTimeout() throws IOException {
    return bug("fraction-timeout");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fractionTimeout")
  void fractionalTimeoutIsRefused(Case c, @TempDir Path out) throws IOException {
    check(c, out);
  }

  static Stream<Case> jacksonText() throws IOException {
    return bug("jackson-text");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jacksonText")
  void invalidJsonMessageHasNoParserInternals(Case c, @TempDir Path out) throws IOException {
    check(c, out);
  }

  static Stream<Case> dynamicInDict() throws IOException {
    return bug("dynamic-in-dict");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dynamicInDict")
  void dynamicValueInsideADictIsNamed(Case c, @TempDir Path out) throws IOException {
    check(c, out);
  }

  static Stream<Case> scenarioPathTwice() throws IOException {
    return bug("scenario-path-twice");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarioPathTwice")
  void scenarioErrorNamesTheFileOnce(Case c, @TempDir Path out) throws IOException {
    check(c, out);
  }

  private static void check(Case c, Path out) throws IOException {
    List<String> argv = new ArrayList<>();
    argv.add(c.command());
    argv.add(DIR.resolve(c.file()).toString());
    if (c.args() != null) {
      c.args().forEach(a -> argv.add(a.replace("{dir}", DIR.toString())));
    }
    if (c.command().equals("convert")) {
      argv.add("-o");
      argv.add(out.toString());
    }
    Cli cli = Cli.run(argv.toArray(String[]::new));

    List<String> lines = cli.errLines();
    assertThat(lines).as("stderr of %s", c).hasSize(1);
    String line = lines.get(0);
    assertThat(line).as("stderr of %s", c).matches(c.stderr());
    assertThat(line).doesNotContain("Exception", "at io.", "Caused by", "internal error");
    assertThat(cli.exit()).as("exit code of %s", c).isEqualTo(c.exit());
    assertThat(cli.out()).as("stdout of %s", c).isEmpty();
    try (Stream<Path> written = Files.list(out)) {
      assertThat(written).as("files written for %s", c).isEmpty();
    }
  }
}
