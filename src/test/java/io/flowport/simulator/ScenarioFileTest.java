package io.flowport.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.emr.model.ClusterState;

class ScenarioFileTest {

  @TempDir Path dir;

  private static final String EXAMPLE =
      """
      seed: 7
      durations:
        starting: 30
        bootstrapping: 15.5
        step: 60
        terminating: 10
      clusters:
        - name: "nightly-*"
          nth: 2
          failIn: BOOTSTRAPPING
          after: 5
          reason:
            code: BOOTSTRAP_FAILURE
            message: "bootstrap action 1 returned a non-zero return code"
      steps:
        - name: "load-*"
          fail:
            reason: "java.io.FileNotFoundException"
            message: "s3://in/ does not exist"
            logFile: "s3://logs/stderr.gz"
      throttle:
        operation: DescribeCluster
        every: 3
      """;

  @Test
  void readsTheDocumentedYamlExample() throws IOException {
    SimulatorConfig config = SimulatorConfig.fromFile(write("scenario.yaml", EXAMPLE));

    assertThat(config.seed()).isEqualTo(7);
    assertThat(config.starting()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.bootstrapping()).isEqualTo(Duration.ofMillis(15_500));
    assertThat(config.step()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.terminating()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.clusterRules())
        .containsExactly(
            new ClusterRule(
                "nightly-*",
                2,
                ClusterState.BOOTSTRAPPING,
                Duration.ofSeconds(5),
                new ClusterRule.Reason(
                    "BOOTSTRAP_FAILURE", "bootstrap action 1 returned a non-zero return code")));
    assertThat(config.stepRules())
        .containsExactly(
            new StepRule(
                "load-*",
                "java.io.FileNotFoundException",
                "s3://in/ does not exist",
                "s3://logs/stderr.gz"));
    assertThat(config.throttles()).containsExactly(new ThrottleRule("DescribeCluster", 3));
  }

  @Test
  void theExampleInTheDocsIsValid() throws IOException {
    String doc = Files.readString(Path.of("docs/emr-simulator.md"));
    int start = doc.indexOf("```yaml\n") + "```yaml\n".length();
    String yaml = doc.substring(start, doc.indexOf("```", start));

    SimulatorConfig config = SimulatorConfig.fromFile(write("from-docs.yaml", yaml));

    assertThat(config.clusterRules()).singleElement().extracting(ClusterRule::nth).isEqualTo(2);
    assertThat(config.stepRules()).hasSize(1);
    assertThat(config.throttles()).containsExactly(new ThrottleRule("DescribeCluster", 3),
        new ThrottleRule("emr", "*", null, 10.0, 10));
    assertThat(config.faults())
        .containsExactly(
            new FaultRule("RunJobFlow", FaultRule.Answer.DROP, 2, null),
            new FaultRule("emr", "*", FaultRule.Answer.ERROR, null, 0.2));
    assertThat(config.latencies()).containsExactly(LatencyRule.fixed("RunJobFlow", Duration.ofMillis(1500)),
        new LatencyRule("emr", "Describe*", Duration.ofMillis(50), Duration.ofMillis(300)));
    assertThat(config.notebooks().running()).isEqualTo(Duration.ofSeconds(300));
    assertThat(config.notebooks().executions()).containsExactly(new NotebooksConfig.ExecutionRule("weekly-*", 2,
        Duration.ofSeconds(30), "Cell 12 raised KeyError: 'region'"));
  }

  @Test
  void readsJsonWithAListOfThrottlesAndKeepsDefaultsForTheRest() throws IOException {
    SimulatorConfig config =
        SimulatorConfig.fromFile(
            write(
                "scenario.json",
                """
                {"throttle": [{"operation": "DescribeCluster", "every": 2},
                              {"operation": "ListSteps", "every": 5}]}"""));

    assertThat(config.throttles()).hasSize(2);
    assertThat(config.starting()).isEqualTo(Duration.ofSeconds(240));
    assertThat(config.step()).isEqualTo(Duration.ofSeconds(120));
  }

  @Test
  void readsFaultsAsOneRuleOrAList() throws IOException {
    SimulatorConfig one =
        SimulatorConfig.fromFile(
            write("one.yaml", "faults: {operation: RunJobFlow, answer: drop, first: 2}"));
    SimulatorConfig list =
        SimulatorConfig.fromFile(
            write(
                "list.json",
                """
                {"faults": [{"operation": "RunJobFlow", "answer": "error", "fraction": 0.25},
                            {"operation": "AddJobFlowSteps", "answer": "drop"}]}"""));

    assertThat(one.faults())
        .containsExactly(new FaultRule("RunJobFlow", FaultRule.Answer.DROP, 2, null));
    assertThat(list.faults())
        .containsExactly(
            new FaultRule("RunJobFlow", FaultRule.Answer.ERROR, null, 0.25),
            FaultRule.always("AddJobFlowSteps", FaultRule.Answer.DROP));
  }

  @Test
  void badFaultsNameTheFileAndTheField() throws IOException {
    assertProblem(
        "faults: {operation: RunJobFlow, answer: drop, every: 2}",
        "faults.every: unknown field (known: answer, first, fraction, operation, service)");
    assertProblem(
        "faults: [{operation: RunJobFlow, answer: lose}]",
        "faults[0].answer: must be drop or error, got \"lose\"");
    assertProblem("faults: [{operation: RunJobFlow}]", "faults[0].answer: is required");
    assertProblem(
        "faults: {operation: RunJobFlow, answer: drop, fraction: 1.5}",
        "faults.fraction: must be a number from 0 to 1, got 1.5");
    assertProblem(
        "faults: {operation: RunJobFlow, answer: drop, first: 0}",
        "faults.first: must be a whole number of at least 1, got 0");
    assertProblem(
        "faults: {operation: RunJobFlow, answer: drop, first: 1, fraction: 0.5}",
        "faults: give first or fraction, not both");
  }

  @Test
  void unknownFieldNamesTheFileAndTheField() throws IOException {
    Path file = write("bad.yaml", "clusters:\n  - name: x\n    failin: RUNNING\n");

    assertThatThrownBy(() -> SimulatorConfig.fromFile(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            file + ": clusters[0].failin: unknown field (known: after, failIn, name, nth, reason)");
  }

  @Test
  void badValuesNameTheFileAndTheField() throws IOException {
    assertProblem(
        "clusters: [{name: x, failIn: BOOTING, reason: {code: BOOTSTRAP_FAILURE}}]",
        "clusters[0].failIn: must be one of STARTING, BOOTSTRAPPING, RUNNING, WAITING, got \"BOOTING\"");
    assertProblem("clusters: [{name: x, failIn: RUNNING}]", "clusters[0].reason: is required");
    assertProblem(
        "clusters: [{name: x, failIn: RUNNING, reason: {code: OOPS}}]",
        "clusters[0].reason.code: must be one of");
    assertProblem(
        "durations: {step: -1}", "durations.step: must be a number of seconds (0 or more), got -1");
    assertProblem("durations: {step: 0}", "durations.step: must be more than 0 seconds");
    assertProblem(
        "throttle: {operation: DescribeCluster, every: 0}",
        "throttle.every: must be a whole number of at least 1, got 0");
    assertProblem("steps: [{name: x}]", "steps[0].fail: is required");
  }

  @Test
  void readsRateThrottlesLatencyAndServices() throws IOException {
    SimulatorConfig config = SimulatorConfig.fromFile(write("rates.yaml", """
        throttle:
          - {operation: "*", perSecond: 10}
          - {service: emr-serverless, operation: "Get*", perSecond: 0.5, burst: 3}
          - {operation: DescribeCluster, every: 4}
        faults: {service: emr, operation: "*", answer: error, fraction: 0.2}
        latency:
          - {operation: RunJobFlow, seconds: 1.5}
          - {service: emr, operation: "Describe*", min: 0.05, max: 0.2}
        """));

    assertThat(config.throttles()).containsExactly(
        new ThrottleRule(null, "*", null, 10.0, null),
        new ThrottleRule("emr-serverless", "Get*", null, 0.5, 3),
        new ThrottleRule("DescribeCluster", 4));
    assertThat(config.faults()).containsExactly(new FaultRule("emr", "*", FaultRule.Answer.ERROR, null, 0.2));
    assertThat(config.latencies()).containsExactly(
        LatencyRule.fixed("RunJobFlow", Duration.ofMillis(1500)),
        new LatencyRule("emr", "Describe*", Duration.ofMillis(50), Duration.ofMillis(200)));
  }

  @Test
  void badRatesAndLatenciesNameTheFileAndTheField() throws IOException {
    assertProblem("throttle: {operation: \"*\"}", "throttle: give every or perSecond, one of them");
    assertProblem("throttle: {operation: \"*\", every: 2, perSecond: 3}", "throttle: give every or perSecond, one of them");
    assertProblem("throttle: {operation: \"*\", perSecond: 0}",
        "throttle.perSecond: must be a number of requests per second more than 0, got 0");
    assertProblem("throttle: {operation: \"*\", perSecond: ten}", "throttle.perSecond: must be a number");
    assertProblem("throttle: {operation: \"*\", perSecond: 10, burst: 0}",
        "throttle.burst: must be a whole number of at least 1, got 0");
    assertProblem("throttle: {operation: \"*\", every: 2, burst: 5}", "throttle.burst: goes with perSecond, not every");
    assertProblem("throttle: {service: s3, operation: \"*\", every: 2}",
        "throttle.service: must be emr, emr-serverless or emr-containers, got \"s3\"");
    assertProblem("latency: {operation: RunJobFlow}", "latency.min: is required");
    assertProblem("latency: [{operation: RunJobFlow, seconds: -1}]",
        "latency[0].seconds: must be a number of seconds (0 or more), got -1");
    assertProblem("latency: {operation: RunJobFlow, min: 2, max: 1}", "latency.max: must be at least min (2), got 1");
    assertProblem("latency: {operation: RunJobFlow, seconds: 1, max: 2}", "latency: give seconds, or min and max, not both");
    assertProblem("latency: {operation: RunJobFlow, delay: 1}",
        "latency.delay: unknown field (known: max, min, operation, seconds, service)");
  }

  @Test
  void brokenSyntaxIsOneLineNamingTheFile() throws IOException {
    Path file = write("broken.yaml", "clusters: [\n  {name: x\n");

    assertThatThrownBy(() -> SimulatorConfig.fromFile(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(file + ": not valid YAML: ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void missingFileNamesTheFile() {
    Path file = dir.resolve("nope.yaml");

    assertThatThrownBy(() -> SimulatorConfig.fromFile(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(file + ": no such file");
  }

  private void assertProblem(String yaml, String problem) throws IOException {
    Path file = write("scenario.yaml", yaml);
    assertThatThrownBy(() -> SimulatorConfig.fromFile(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(file + ": " + problem)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void readsTheServerlessSection() throws IOException {
    SimulatorConfig config = SimulatorConfig.fromFile(write("serverless.yaml", """
        serverless:
          durations: {creating: 2, starting: 30, running: 45.5}
          jobRuns:
            - name: "load-*"
              nth: 2
              running: 10
              fail: {stateDetails: "Job failed, ExitCode: 1"}
            - name: "slow"
              running: 600
        """));

    ServerlessConfig s = config.serverless();
    assertThat(s.creating()).isEqualTo(Duration.ofSeconds(2));
    assertThat(s.starting()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.running()).isEqualTo(Duration.ofMillis(45_500));
    assertThat(s.stopping()).isEqualTo(ServerlessConfig.DEFAULT.stopping());
    assertThat(s.jobRuns()).containsExactly(
        new ServerlessConfig.JobRunRule("load-*", 2, Duration.ofSeconds(10), "Job failed, ExitCode: 1"),
        new ServerlessConfig.JobRunRule("slow", null, Duration.ofSeconds(600), null));
  }

  @Test
  void aServerlessTypoIsNamed() throws IOException {
    Path file = write("typo.yaml", "serverless:\n  jobRuns:\n    - name: x\n      fail: {statedetails: y}\n");
    assertThatThrownBy(() -> SimulatorConfig.fromFile(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("serverless.jobRuns[0].fail.statedetails: unknown field");
  }

  @Test
  void aContainersSectionGivesPhasesVirtualClustersAndJobRunOutcomes() throws IOException {
    SimulatorConfig config = SimulatorConfig.fromFile(write("containers.yaml", """
        containers:
          durations: {submitted: 10, running: 60}
          virtualClusters: [vc1]
          jobRuns:
            - name: "load-*"
              fail: {failureReason: INTERNAL_ERROR, stateDetails: "Driver pod lost"}
            - name: "x"
              fail: {stateDetails: "Job failed, ExitCode: 1"}
        """));

    ContainersConfig c = config.containers();
    assertThat(c.submitted()).isEqualTo(Duration.ofSeconds(10));
    assertThat(c.running()).isEqualTo(Duration.ofSeconds(60));
    assertThat(c.pending()).isEqualTo(ContainersConfig.DEFAULT.pending());
    assertThat(c.virtualClusters()).containsExactly("vc1");
    assertThat(c.jobRuns()).containsExactly(
        new ContainersConfig.JobRunRule("load-*", null, null, "INTERNAL_ERROR", "Driver pod lost"),
        new ContainersConfig.JobRunRule("x", null, null, "USER_ERROR", "Job failed, ExitCode: 1"));
  }

  @Test
  void anUnknownFailureReasonIsNamed() throws IOException {
    Path file = write("bad.yaml", "containers:\n  jobRuns:\n    - name: x\n      fail: {failureReason: OOPS, stateDetails: y}\n");
    assertThatThrownBy(() -> SimulatorConfig.fromFile(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("containers.jobRuns[0].fail.failureReason");
  }

  @Test
  void aNotebooksSectionGivesPhasesAndExecutionOutcomes() throws IOException {
    SimulatorConfig config = SimulatorConfig.fromFile(write("notebooks.yaml", """
        notebooks:
          durations: {starting: 30, running: 600}
          executions:
            - name: "report-*"
              nth: 2
              running: 45
              fail: {reason: "Cell 4 raised KeyError: 'day'"}
            - name: "slow"
              running: 900
        """));

    NotebooksConfig n = config.notebooks();
    assertThat(n.starting()).isEqualTo(Duration.ofSeconds(30));
    assertThat(n.running()).isEqualTo(Duration.ofSeconds(600));
    assertThat(n.startPending()).isEqualTo(NotebooksConfig.DEFAULT.startPending());
    assertThat(n.executions()).containsExactly(
        new NotebooksConfig.ExecutionRule("report-*", 2, Duration.ofSeconds(45), "Cell 4 raised KeyError: 'day'"),
        new NotebooksConfig.ExecutionRule("slow", null, Duration.ofSeconds(900), null));
  }

  @Test
  void aNotebookFailureNeedsItsReason() throws IOException {
    Path file = write("bad.yaml", "notebooks:\n  executions:\n    - name: x\n      fail: {message: y}\n");
    assertThatThrownBy(() -> SimulatorConfig.fromFile(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("notebooks.executions[0].fail.message: unknown field");
    Path zero = write("zero.yaml", "notebooks:\n  durations: {stopping: 0}\n");
    assertThatThrownBy(() -> SimulatorConfig.fromFile(zero))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("notebooks.durations.stopping: must be more than 0 seconds");
  }
}
