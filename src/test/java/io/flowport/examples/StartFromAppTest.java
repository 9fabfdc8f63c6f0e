package io.flowport.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowport.embedded.EmbeddedRuntime;
import io.flowport.runtime.Mocks;
import io.flowport.simulator.SimulatorConfig;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * examples/start-from-app against the embedded engine's gRPC gateway: the converted reference
 * machines run to their end with the EMR simulator, started the way an application would.
 */
class StartFromAppTest {

  /**
   * The fixed machine's ten or so source minutes take about 5 wall seconds. Not faster: its
   * createCluster.sync poll (every 60 s) must see the cluster WAITING before the 180 s idle timeout
   * ends it, and each poll also costs wall time (job pickup, engine) that the scale multiplies;
   * at 1/600 a stall of 0.2 s is enough to miss it (one run on a busy machine ended without output).
   */
  static final double TIME_SCALE = 1.0 / 120;

  static final ObjectMapper JSON = new ObjectMapper();
  static EmbeddedRuntime runtime;
  static String address;

  @BeforeAll
  static void startEngine() {
    runtime = EmbeddedRuntime.start(TIME_SCALE, SimulatorConfig.defaults(), Mocks.NONE);
    address = App.address(runtime);
    runtime.client().newDeployResourceCommand()
        .addResourceFile("bpmn/emr_job_fixed.bpmn")
        .addResourceFile("bpmn/emr_job.bpmn")
        .addResourceStringUtf8(approvalBpmn(), "approval.bpmn")
        .send().join();
    runtime.clock().go();
  }

  /** A machine that waits for a callback no one sends here: an instance that keeps running. */
  static String approvalBpmn() {
    var wf = new io.flowport.convert.Converters(io.flowport.catalog.Catalog.builtIn())
        .convert(StartFromAppTaskTokenTest.MACHINE).get(0).workflow();
    return new io.flowport.bpmn.BpmnGenerator().toXml(wf);
  }

  @AfterAll
  static void stopEngine() {
    runtime.closeWithEngine();
  }

  @Test
  void awaitedStartPrintsTheExecutionOutput() throws Exception {
    App run = App.run("--address", address, "start", "emr_job_fixed", "--variables", "{\"input\": {}}", "--await", "120");
    assertThat(run.exit()).as(run.toString()).isZero();
    JsonNode output = JSON.readTree(run.out());
    assertThat(output.path("ClusterId").asText()).startsWith("j-");
    assertThat(output.at("/ClusterStatus/Cluster/Status/State").asText()).isIn("TERMINATING", "TERMINATED");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void awaitedStartOfAFailingMachinePrintsErrorAndCauseAndExits1() throws Exception {
    // The original machine reads $.CreateClusterClusterId, which createCluster.sync does not return.
    App run = App.run("--address", address, "start", "emr_job", "--await", "120");
    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    JsonNode failure = JSON.readTree(run.out());
    assertThat(failure.path("error").asText()).isEqualTo("States.Runtime");
    assertThat(failure.path("cause").asText()).contains("'$.CreateClusterClusterId'");
  }

  @Test
  void startWithoutAwaitPrintsTheKeyOfTheRunningInstance() {
    App run = App.run("--address", address, "start", "approval", "--variables", "{\"input\": {\"run\": \"never-answered\"}}");
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).matches("\\d+\\n");
    // Only a running instance can be cancelled: the key is one.
    runtime.client().newCancelInstanceCommand(Long.parseLong(run.out().strip())).send().join();
  }

  @Test
  void awaitGivesUpOnAnInstanceThatIsStillWaiting() {
    App run = App.run("--address", address, "start", "approval", "--variables", "{\"input\": {\"run\": \"not-yet\"}}",
        "--await", "1");
    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("start-from-app: the instance did not end within --await 1 s; it goes on running\n");
  }

  @Test
  void aProcessIdThatIsNotDeployedIsOneLine() {
    App run = App.run("--address", address, "start", "no_such_process");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).startsWith("start-from-app: NOT_FOUND: ").contains("no_such_process").endsWith("\n");
    assertThat(run.err().strip()).doesNotContain("\n");
  }

  @Test
  void aGatewayThatIsNotThereIsOneLine() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    App run = App.run("--address", "http://localhost:" + closed, "complete-task", "t", "--output", "{}");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).startsWith("start-from-app: cannot reach the Zeebe gateway at http://localhost:" + closed + ": ");
    assertThat(run.err().strip()).doesNotContain("\n");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      ""                                                   | no command; usage: [--address URL] start PROCESS_ID
      stop x                                               | unknown command 'stop'; usage:
      start                                                | start takes one PROCESS_ID
      start a b                                            | start takes one PROCESS_ID, got also 'b'
      start a --variables                                  | --variables needs a value
      start a --variables {} --variables {}                | --variables is given twice
      start a --variables [1]                              | --variables must be a JSON object, got: [1]
      start a --variables {x                               | --variables must be a JSON object, got: {x
      start a --await 0                                    | --await takes a whole number of seconds above 0, got: 0
      start a --await soon                                 | --await takes a whole number of seconds above 0, got: soon
      start a --output {}                                  | start has no option --output; usage:
      complete-task t                                      | complete-task needs --output
      complete-task t --output nope                        | --output must be JSON, got: nope
      fail-task t --error E                                | fail-task needs --cause
      fail-task --error E --cause c                        | fail-task takes one TOKEN
      --address localhost:26500 start a                    | the gateway address must look like http://host:port (https:// for TLS), got: localhost:26500
      """)
  void badArgumentsAreOneLineAndExit2(String args, String message) {
    // The address points nowhere: none of these may get as far as a call.
    String[] argv = args.isEmpty() ? new String[0] : args.split(" ");
    if (!args.contains("--address")) {
      argv = prepend("--address", "http://localhost:9", argv);
    }
    App run = App.run(argv);
    assertThat(run.exit()).as(run.toString()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("start-from-app: " + message).endsWith("\n");
    assertThat(run.err().strip()).doesNotContain("\n");
  }

  @Test
  void theExamplesPomUsesFlowportsClientVersion() throws Exception {
    Pattern version = Pattern.compile("<camunda\\.client\\.version>([^<]+)</camunda\\.client\\.version>");
    Matcher root = version.matcher(Files.readString(Path.of("pom.xml")));
    Matcher example = version.matcher(Files.readString(Path.of("examples/start-from-app/pom.xml")));
    assertThat(root.find() && example.find()).isTrue();
    assertThat(example.group(1)).isEqualTo(root.group(1));
  }

  private static String[] prepend(String a, String b, String[] rest) {
    String[] all = new String[rest.length + 2];
    all[0] = a;
    all[1] = b;
    System.arraycopy(rest, 0, all, 2, rest.length);
    return all;
  }
}
