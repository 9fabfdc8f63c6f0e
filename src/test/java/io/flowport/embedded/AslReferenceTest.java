package io.flowport.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowport.cli.Main;
import io.flowport.tools.NodeTools;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code flowport run --mock-config} against the reference interpreter ({@code asl-run.mjs},
 * aws-local-stepfunctions) on the same Step Functions Local mock file: same result, same states
 * entered. Skipped where the Node tools are not installed; CI installs them.
 */
class AslReferenceTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;

  static final String RETRY_CATCH = "src/test/resources/asl/retry_catch.asl.json";
  static final String RETRY_CATCH_MOCKS = "src/test/resources/asl/retry_catch.mock.json";

  // Not compared: a mocked Throw of States.Runtime, which aws-local-stepfunctions lets a
  // States.TaskFailed catcher take; Step Functions never retries or catches States.Runtime
  // (AslErrorsTest covers flowport's behaviour).
  @ParameterizedTest(name = "{0} {2}")
  @CsvSource({
    "examples/seed/original/emr_job.asl.json, examples/seed/mocks/emr_job.mock.json, Reference",
    "examples/seed/original/emr_job.asl.json, examples/seed/mocks/emr_job.mock.json, CreateFails",
    "examples/seed/emr_job_fixed.asl.json, examples/seed/mocks/emr_job.mock.json, HappyPath",
    "examples/seed/emr_job_fixed.asl.json, examples/seed/mocks/emr_job.mock.json, CreateFails",
    "examples/seed/emr_job_fixed.asl.json, examples/seed/mocks/emr_job.mock.json, DescribeThrottledOnce",
    RETRY_CATCH + ", " + RETRY_CATCH_MOCKS + ", ThrottledTwiceThenOk",
    RETRY_CATCH + ", " + RETRY_CATCH_MOCKS + ", FailsEveryTime",
    RETRY_CATCH + ", " + RETRY_CATCH_MOCKS + ", ThrottledForever",
    RETRY_CATCH + ", " + RETRY_CATCH_MOCKS + ", TimesOut"
  })
  void runGivesWhatTheReferenceInterpreterGives(String machine, String mocks, String testCase) throws Exception {
    Path tools = NodeTools.dir().orElse(null);
    assumeTrue(tools != null, "Node tools not installed (run .ci/run or npm ci in ../shared/tools)");
    Path input = Files.writeString(tmp.resolve("input.json"), "{\"in\": 1}");

    NodeTools.Result ref = NodeTools.node(tools, "asl-run.mjs", Path.of(machine).toAbsolutePath().toString(),
        "--input", input.toString(), "--mock-config", Path.of(mocks).toAbsolutePath().toString(), "--test-case", testCase, "--trace");
    assertThat(ref.exit()).as("asl-run: " + ref.stderr()).isIn(0, 1);

    Path output = tmp.resolve("output.json");
    Path trace = tmp.resolve("trace.txt");
    StringWriter err = new StringWriter();
    int exit = Main.run(new String[] {"run", machine, "--input", input.toString(), "--mock-config", mocks, "--test-case", testCase,
        "--time-scale", "1/1000", "--output", output.toString(), "--trace", trace.toString()},
        new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));

    assertThat(exit).as("flowport exit code (stderr: %s)", err).isEqualTo(ref.exit());
    JsonNode ours = JSON.readTree(output.toFile());
    JsonNode theirs = JSON.readTree(ref.stdout());
    if (ref.exit() == 0) {
      assertThat(ours).isEqualTo(theirs);
    } else {
      assertThat(ours.get("error")).isEqualTo(theirs.get("error"));
      if (theirs.path("cause").asText().startsWith("Path expression")) {
        // aws-local-stepfunctions words a missing Parameters path its own way; flowport uses the
        // cause Step Functions gives. Both must name the same path.
        String path = theirs.get("cause").asText().replaceAll("^Path expression '([^']+)'.*", "$1");
        assertThat(ours.get("cause").asText()).contains("The JSONPath '" + path + "' specified for the field");
      } else {
        assertThat(ours.get("cause")).isEqualTo(theirs.get("cause"));
      }
    }
    assertThat(Files.readAllLines(trace)).isEqualTo(List.of(ref.stderr().strip().split("\n")));
  }
}
