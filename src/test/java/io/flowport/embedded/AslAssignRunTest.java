package io.flowport.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden runs of workflow variables (Assign, {@code $name}) in JSONPath machines: the reference
 * interpreter refuses variables, so each {@code asl/assign/NAME.asl.json} has its expectations in
 * {@code NAME.expect.json}, written by hand from Step Functions' documented behaviour (and the
 * AWS-recorded LocalStack snapshots cited in docs/architecture.md), per test case of its
 * {@code NAME.mock.json} ({@code Case} when it has none): the {@code output}, or the {@code error}
 * and strings its {@code cause} contains, and the {@code states} entered (in order for the
 * machine's own states; as a multiset inside branches and iterations, which run concurrently).
 */
class AslAssignRunTest {

  static final Path DIR = Path.of("src/test/resources/asl/assign");

  @TempDir
  Path tmp;

  static Stream<Arguments> cases() throws IOException {
    return GoldenRuns.cases(DIR);
  }

  @Test
  void theGoldenRunsCoverEveryKindOfAssign() throws IOException {
    String text = GoldenRuns.allMachines(DIR);
    for (String needle : List.of("\"Type\": \"Task\"", "\"Type\": \"Choice\"", "\"Type\": \"Map\"", "\"Type\": \"Parallel\"",
        "\"Type\": \"Wait\"", "\"Catch\"", "\"x.$\": \"$y\"", "\"y.$\": \"$x\"")) {
      assertThat(text).as("some golden machine has " + needle).contains(needle);
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void runsAsStepFunctionsDocumentsIt(String name, String testCase) throws Exception {
    GoldenRuns.check(DIR, name, testCase, tmp);
  }
}
