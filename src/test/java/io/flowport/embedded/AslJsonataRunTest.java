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
 * Golden runs of JSONata states ({@code QueryLanguage: "JSONata"}): the reference interpreter
 * refuses them, so each {@code asl/jsonata/NAME.asl.json} has its expectations in {@code
 * NAME.expect.json}, written by hand from Step Functions' documented behaviour (and the AWS-recorded
 * LocalStack snapshots cited in docs/architecture.md), one entry per case: its {@code input} (else
 * {@code NAME.input.json}), the mock test case of {@code NAME.mock.json} of the same name when there
 * is one, and the {@code output}, or the {@code error} and strings its {@code cause} contains, and
 * the {@code states} entered (in order for the machine's own states; as a multiset inside branches
 * and iterations).
 */
class AslJsonataRunTest {

  static final Path DIR = Path.of("src/test/resources/asl/jsonata");

  @TempDir
  Path tmp;

  static Stream<Arguments> cases() throws IOException {
    return GoldenRuns.cases(DIR);
  }

  @Test
  void theGoldenRunsCoverEveryJsonataField() throws IOException {
    String text = GoldenRuns.allMachines(DIR);
    for (String needle : List.of("\"Type\": \"Task\"", "\"Type\": \"Choice\"", "\"Type\": \"Map\"", "\"Type\": \"Parallel\"",
        "\"Type\": \"Wait\"", "\"Type\": \"Fail\"", "\"Type\": \"Succeed\"", "\"Arguments\"", "\"Output\"", "\"Assign\"",
        "\"Condition\"", "\"Items\"", "\"ItemSelector\"", "$states.context.Map.Item", "$states.errorOutput", "$states.result",
        "\"TimeoutSeconds\": \"{%", "\"HeartbeatSeconds\": \"{%", "\"Seconds\": \"{%", "\"Timestamp\": \"{%", "\"QueryLanguage\": \"JSONPath\"",
        "States.QueryEvaluationError", "createCluster.sync", "$states.context.Task.Token")) {
      assertThat(text).as("some golden machine has " + needle).contains(needle);
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void runsAsStepFunctionsDocumentsIt(String name, String testCase) throws Exception {
    GoldenRuns.check(DIR, name, testCase, tmp);
  }
}
