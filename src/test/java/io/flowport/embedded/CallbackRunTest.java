package io.flowport.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flowport run} of a callback nobody can answer: it stops, naming the state, instead of waiting. */
class CallbackRunTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Path CORPUS = Path.of("src/test/resources/asl/corpus");
  static final Path MACHINE = CORPUS.resolve("callback_retry_busy.asl.json");

  @TempDir
  Path tmp;

  record Run(int exit, JsonNode output, String err) {}

  Run run(String... options) throws Exception {
    Path output = tmp.resolve("output.json");
    StringWriter err = new StringWriter();
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("run", MACHINE.toString(),
        "--input", CORPUS.resolve("callback_retry_busy.input.json").toString(), "--output", output.toString(), "--time-scale", "1/1000"));
    args.addAll(java.util.List.of(options));
    int exit = Main.run(args.toArray(String[]::new), new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    return new Run(exit, Files.exists(output) ? JSON.readTree(output.toFile()) : null, err.toString());
  }

  @Test
  void aReachedCallbackTheTestCaseDoesNotMockIsAnIncidentNamingIt() throws Exception {
    ObjectNode mocks = (ObjectNode) JSON.readTree(CORPUS.resolve("callback_retry_busy.mock.json").toFile());
    ((ObjectNode) mocks.at("/StateMachines/callback_retry_busy/TestCases/Refused")).remove("Terminate idle cluster");
    Path file = Files.writeString(tmp.resolve("mocks.json"), mocks.toString());

    Run r = run("--mock-config", file.toString(), "--test-case", "Refused");

    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(r.output().get("error").asText()).isEqualTo("flowport.Incident");
    assertThat(r.output().get("cause").asText()).contains("[Terminate idle cluster]")
        .contains("state 'Terminate idle cluster' waits for a callback (.waitForTaskToken) and has no mocked response")
        .doesNotContain("\tat ").doesNotContain("JobError"); // Operate shows this text: the reason, no stack trace
  }

  @Test
  void withoutMocksARunWithCallbacksDoesNotStart() throws Exception {
    Run r = run();

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("no flowport worker handles state(s) 'Hand off cluster' (aws.sns.publish.waitForTaskToken), "
        + "'Terminate idle cluster' (its callback); run with --mock-config");
  }
}
