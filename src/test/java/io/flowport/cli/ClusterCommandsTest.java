package io.flowport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input to the commands that talk to a cluster: one line, exit 2 for usage and input, exit 1
 * when the cluster cannot be reached; nothing needs a running cluster. The good paths run in
 * DevAndWorkerTest.
 */
class ClusterCommandsTest {

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "deploy no/such.bpmn | no/such.bpmn: no such file or directory",
      "deploy src/test/resources/cli/bad-inputs/array_root.json | array_root.json:1:1: a state machine must be a JSON object",
      "start p --variables { | --variables: not JSON: Unexpected end-of-input",
      "start p --variables [1] | --variables must be a JSON object",
      "start p --variables @no/such.json | --variables: no/such.json: no such file",
      "start p --await 0 | --await must be a positive number of seconds",
      "start p --gateway http://localhost:1 not-a-property | expected --property=value, got 'not-a-property'",
      "worker not-a-property | expected --property=value, got 'not-a-property'",
      "dev --port 0 | --port must be in 1..65535, got 0",
      "dev --emr-port 70000 | --emr-port must be in 0..65535",
      "dev --time-scale 2 | --time-scale must be a number in (0, 1]",
      "dev --deploy no/such/dir | --deploy: no/such/dir is not a directory",
  })
  void badInputIsOneLineAndExitTwo(String command, String message) {
    Result r = run(command.trim().split(" "));
    assertThat(r.code()).as(r.err()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.err()).contains(message.trim()).doesNotContain("\tat ").hasLineCount(1);
  }

  @Test
  void anEmptyDirectoryHasNothingToDeploy(@TempDir Path dir) {
    Result r = run("deploy", dir.toString());
    assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.err()).contains("nothing to deploy in").hasLineCount(1);
  }

  @Test
  void devRefusesAPortInUse() throws IOException {
    try (ServerSocket taken = new ServerSocket(0)) {
      Result r = run("dev", "--port", Integer.toString(taken.getLocalPort()));
      assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
      assertThat(r.err()).contains("port " + taken.getLocalPort() + " is in use (choose another with --port)").hasLineCount(1);
    }
  }

  @Test
  void anUnreachableGatewayIsOneLineNamingItAndExitOne(@TempDir Path dir) throws IOException {
    Path bpmn = Files.copy(Path.of("bpmn/emr_job_fixed.bpmn"), dir.resolve("emr_job_fixed.bpmn"));
    Result deploy = run("deploy", "--gateway", "http://localhost:1", bpmn.toString());
    assertThat(deploy.code()).isEqualTo(Main.RUN_FAILED);
    assertThat(deploy.err()).contains("not deployed to http://localhost:1").contains("UNAVAILABLE").hasLineCount(1);
    Result start = run("start", "emr_job_fixed", "--gateway", "http://localhost:1", "--await", "5");
    assertThat(start.code()).isEqualTo(Main.RUN_FAILED);
    assertThat(start.err()).contains("emr_job_fixed: not started on http://localhost:1").contains("UNAVAILABLE").hasLineCount(1);
  }
}
