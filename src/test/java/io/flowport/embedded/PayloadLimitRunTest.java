package io.flowport.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowport.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Step Functions' payload quota (256 KiB of UTF-8 JSON per task result and state output) on a
 * {@code flowport run}: over it the execution fails with States.DataLimitExceeded, which a
 * States.ALL catcher does not take; at the quota it runs on.
 */
class PayloadLimitRunTest {

  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir
  Path tmp;

  /** A JSON string of n bytes has n - 2 characters between its quotes. */
  @ParameterizedTest(name = "task result of {0} bytes: {1}")
  @CsvSource({"262144, ok", "262145, DataLimitExceeded"})
  void aTaskResultOverTheQuotaFailsTheExecutionPastItsCatcher(int bytes, String expected) throws Exception {
    String machine = """
        {"StartAt": "Describe", "States": {
          "Describe": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:emr:describeCluster",
            "Parameters": {"ClusterId": "j-1"}, "ResultPath": null, "Next": "Done",
            "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Caught"}]},
          "Caught": {"Type": "Pass", "Result": "caught", "End": true},
          "Done": {"Type": "Pass", "Result": "ok", "End": true}}}""";
    String mocks = """
        {"StateMachines": {"big": {"TestCases": {"T": {"Describe": "Big"}}}},
         "MockedResponses": {"Big": {"0": {"Return": %s}}}}""".formatted(JSON.writeValueAsString("x".repeat(bytes - 2)));

    JsonNode out = run(machine, mocks);

    if (expected.equals("ok")) {
      assertThat(out.asText()).isEqualTo("ok");
    } else {
      assertThat(out.get("error").asText()).isEqualTo("States.DataLimitExceeded");
      assertThat(out.get("cause").asText()).isEqualTo("The state/task 'arn:aws:states:::aws-sdk:emr:describeCluster' "
          + "returned a result with a size exceeding the maximum number of bytes service limit.");
    }
  }

  @ParameterizedTest(name = "Pass output of {0} bytes: {1}")
  @CsvSource({"262144, ok", "262146, DataLimitExceeded"})
  void aStateOutputOverTheQuotaFailsTheExecution(int bytes, String expected) throws Exception {
    // The input (half the quota) is within it; the output {"a": s, "bb": s} takes 16 + 2 × |s| bytes.
    String machine = """
        {"StartAt": "Twice", "States": {"Twice": {"Type": "Pass", "Parameters": {"a.$": "$.s", "bb.$": "$.s"}, "End": true}}}""";
    String s = "y".repeat((bytes - 16) / 2);
    Path input = Files.writeString(tmp.resolve("input.json"), JSON.createObjectNode().put("s", s).toString());

    JsonNode out = run(machine, null, "--input", input.toString());

    if (expected.equals("ok")) {
      assertThat(JSON.writeValueAsBytes(out)).hasSize(bytes);
    } else {
      assertThat(out.get("error").asText()).isEqualTo("States.DataLimitExceeded");
      assertThat(out.get("cause").asText()).isEqualTo(
          "The state/task 'Twice' returned a result with a size exceeding the maximum number of bytes service limit.");
    }
  }

  private JsonNode run(String machine, String mocks, String... more) throws Exception {
    Path file = Files.writeString(tmp.resolve("big.asl.json"), machine);
    Path output = tmp.resolve("output.json");
    List<String> args = new java.util.ArrayList<>(List.of("run", file.toString(), "--output", output.toString(), "--time-scale", "1/1000"));
    if (mocks != null) {
      args.addAll(List.of("--mock-config", Files.writeString(tmp.resolve("mocks.json"), mocks).toString(), "--test-case", "T"));
    }
    args.addAll(List.of(more));
    StringWriter err = new StringWriter();
    int exit = Main.run(args.toArray(String[]::new), new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    assertThat(output).as("exit %d: %s", exit, err).exists();
    return JSON.readTree(output.toFile());
  }
}
