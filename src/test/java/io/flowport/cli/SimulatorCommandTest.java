package io.flowport.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowport.simulator.EmrClients;
import io.flowport.simulator.EmrSimulator;
import io.flowport.simulator.ScaledClock;
import io.flowport.simulator.SimulatorConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.emr.EmrClient;
import software.amazon.awssdk.services.emr.model.Cluster;
import software.amazon.awssdk.services.emr.model.ClusterState;
import software.amazon.awssdk.services.emr.model.RunJobFlowRequest;

/** {@code flowport simulator}: a real SDK client against the running command, and its bad inputs. */
class SimulatorCommandTest {

  static final Path DIR = Path.of("src/test/resources/cli/simulator");
  static final Pattern READY = Pattern.compile("flowport: EMR simulator on (http://\\S+) \\(time scale 1\\)");

  @Test
  @Timeout(120) // only against a hang if stopping breaks; nothing here waits on time
  void servesTheSdkUntilStopped() throws Exception {
    PipedReader pipe = new PipedReader();
    PrintWriter out = new PrintWriter(new PipedWriter(pipe), true);
    StringWriter err = new StringWriter();
    AtomicInteger exit = new AtomicInteger(-1);
    Path scenario = DIR.resolve("seed7.yaml");
    Thread command = Thread.ofPlatform().name("simulator-command").start(() -> exit.set(Main.run(
        new String[] {"simulator", "--port", "0", "--bind", "127.0.0.1", "--emr-scenario", scenario.toString()},
        out, new PrintWriter(err, true))));

    BufferedReader lines = new BufferedReader(pipe);
    String line = lines.readLine();
    Matcher ready = READY.matcher(line);
    assertThat(ready.matches()).as("ready line: %s", line).isTrue();
    URI endpoint = URI.create(ready.group(1));
    assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
    assertThat(endpoint.getPort()).isPositive();

    String id;
    try (EmrClient emr = EmrClients.forEndpoint(endpoint)) {
      id = emr.runJobFlow(request()).jobFlowId();
      Cluster cluster = emr.describeCluster(r -> r.clusterId(id)).cluster();
      assertThat(cluster.name()).isEqualTo("nightly");
      assertThat(cluster.status().state()).isEqualTo(ClusterState.STARTING);
      // The request log: one line per call with its status (written after the answer, so in any order).
      assertThatThrownBy(() -> emr.describeCluster(r -> r.clusterId("j-MISSING")));
      List<String> log = List.of(lines.readLine(), lines.readLine(), lines.readLine());
      assertThat(log).anyMatch(l -> l.matches("\\d\\d:\\d\\d:\\d\\d emr RunJobFlow 200 \\d+ ms"))
          .anyMatch(l -> l.matches("\\d\\d:\\d\\d:\\d\\d emr DescribeCluster 200 \\d+ ms"))
          .anyMatch(l -> l.matches("\\S+ emr DescribeCluster 400 \\d+ ms"));
    }
    assertThat(id).isEqualTo(firstIdFor(SimulatorConfig.fromFile(scenario)))
        .isNotEqualTo(firstIdFor(SimulatorConfig.defaults()));
    assertThat(get(endpoint.resolve(EmrSimulator.HEALTH_PATH))).isEqualTo(200);

    command.interrupt();
    command.join();
    assertThat(exit.get()).isZero();
    assertThat(err.toString()).isEmpty();
    assertThatThrownBy(() -> get(endpoint.resolve(EmrSimulator.HEALTH_PATH)))
        .as("nothing listens after the stop").isInstanceOf(ConnectException.class);
  }

  @Test
  void portOutOfRange() {
    assertBadInput(List.of("--port", "70000"),
        "flowport: --port must be 0 to 65535, got 70000 \\(see 'flowport simulator --help'\\)");
  }

  @Test
  void portNotANumber() {
    assertBadInput(List.of("--port", "http"),
        "flowport: Invalid value for option '--port': 'http' is not an int \\(see 'flowport simulator --help'\\)");
  }

  @Test
  void portInUse() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      assertBadInput(List.of("--port", String.valueOf(port)),
          "flowport: cannot listen on 127\\.0\\.0\\.1:" + port + ": .+ \\(see 'flowport simulator --help'\\)");
    }
  }

  @Test
  void missingScenarioFile() {
    assertBadInput(List.of("--port", "0", "--emr-scenario", DIR.resolve("no_such_scenario.yaml").toString()),
        "flowport: \\S*no_such_scenario\\.yaml: no such file");
  }

  @Test
  void scenarioWithUnknownField() {
    assertBadInput(List.of("--port", "0", "--emr-scenario", DIR.resolve("unknown_field.yaml").toString()),
        "flowport: \\S*unknown_field\\.yaml: speed: unknown field \\(known: .*\\)");
  }

  @Test
  void timeScaleOutOfRange() {
    assertBadInput(List.of("--port", "0", "--time-scale", "2"),
        "flowport: --time-scale must be a number in \\(0, 1\\] .*got '2' \\(see 'flowport simulator --help'\\)");
  }

  /** One line on stderr, nothing on stdout, exit 2, and no simulator left listening. */
  private static void assertBadInput(List<String> options, String stderr) {
    String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("simulator"), options.stream())
        .toArray(String[]::new);
    Cli cli = Cli.run(args);

    assertThat(cli.errLines()).hasSize(1);
    assertThat(cli.errLines().get(0)).matches(stderr).doesNotContain("Exception");
    assertThat(cli.out()).isEmpty();
    assertThat(cli.exit()).isEqualTo(Main.BAD_INPUT);
  }

  private static String firstIdFor(SimulatorConfig config) {
    try (EmrSimulator sim = EmrSimulator.start(new ScaledClock(1), config);
        EmrClient emr = EmrClients.forEndpoint(sim.endpoint())) {
      return emr.runJobFlow(request()).jobFlowId();
    }
  }

  private static RunJobFlowRequest request() {
    return RunJobFlowRequest.builder()
        .name("nightly")
        .releaseLabel("emr-7.1.0")
        .serviceRole("EMR_DefaultRole")
        .jobFlowRole("EMR_EC2_DefaultRole")
        .instances(i -> i.instanceGroups(
            g -> g.name("primary").instanceRole("MASTER").instanceType("m5.xlarge").instanceCount(1))
            .keepJobFlowAliveWhenNoSteps(false))
        .build();
  }

  private static int get(URI uri) throws IOException, InterruptedException {
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
  }
}
