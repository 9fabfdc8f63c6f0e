package io.flowport.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.emr.model.EmrException;
import software.amazon.awssdk.services.emr.model.InvalidRequestException;
import software.amazon.awssdk.services.emr.model.NotebookExecution;
import software.amazon.awssdk.services.emr.model.NotebookExecutionStatus;
import software.amazon.awssdk.services.emr.model.NotebookExecutionSummary;
import software.amazon.awssdk.services.emr.model.StartNotebookExecutionRequest;

/** Notebook executions in the simulator, through the real EmrClient over HTTP on a manual clock. */
class NotebookExecutionTest extends SimulatorTestBase {

  static final long READY = 360; // a long-running cluster is WAITING after 240 + 120 s

  String readyCluster() {
    String id = run(cluster("notebooks", true));
    at(READY);
    return id;
  }

  static StartNotebookExecutionRequest.Builder notebook(String clusterId, String name) {
    return StartNotebookExecutionRequest.builder().editorId("e-BKTM2DIHXBEDRU44ANWRKIU8N").relativePath("report.ipynb")
        .notebookExecutionName(name).notebookParams("{\"day\": \"2025-03-01\"}")
        .executionEngine(e -> e.id(clusterId).type("EMR").masterInstanceSecurityGroupId(""))
        .serviceRole("EMR_Notebooks_DefaultRole").notebookInstanceSecurityGroupId("")
        .tags(t -> t.key("team").value("bi"));
  }

  NotebookExecution describeExecution(String id) {
    return emr.describeNotebookExecution(r -> r.notebookExecutionId(id)).notebookExecution();
  }

  NotebookExecutionStatus statusAt(String id, long seconds) {
    at(seconds);
    return describeExecution(id).status();
  }

  @Test
  void anExecutionStartsRunsAndFinishes() {
    start(SimulatorConfig.defaults());
    String cluster = readyCluster();
    String id = emr.startNotebookExecution(notebook(cluster, "daily").build()).notebookExecutionId();
    assertThat(id).matches("ex-[0-9A-Z]{29}");

    // Defaults: START_PENDING 5 s, STARTING 60 s, RUNNING 120 s, FINISHING 10 s.
    assertThat(statusAt(id, READY)).isEqualTo(NotebookExecutionStatus.START_PENDING);
    assertThat(statusAt(id, READY + 5)).isEqualTo(NotebookExecutionStatus.STARTING);
    assertThat(statusAt(id, READY + 64)).isEqualTo(NotebookExecutionStatus.STARTING);
    assertThat(statusAt(id, READY + 65)).isEqualTo(NotebookExecutionStatus.RUNNING);
    assertThat(statusAt(id, READY + 185)).isEqualTo(NotebookExecutionStatus.FINISHING);
    assertThat(statusAt(id, READY + 194)).isEqualTo(NotebookExecutionStatus.FINISHING);
    assertThat(statusAt(id, READY + 195)).isEqualTo(NotebookExecutionStatus.FINISHED);
    NotebookExecution done = describeExecution(id);
    assertThat(done.endTime()).isEqualTo(T0.plusSeconds(READY + 195));
    assertThat(done.startTime()).isEqualTo(T0.plusSeconds(READY));
    assertThat(done.lastStateChangeReason()).isEqualTo("Execution is finished for cluster " + cluster + ".");
    assertThat(done.executionEngine().id()).isEqualTo(cluster);
    assertThat(done.notebookExecutionName()).isEqualTo("daily");
    assertThat(done.notebookParams()).isEqualTo("{\"day\": \"2025-03-01\"}");
    assertThat(done.tags()).singleElement().satisfies(t -> assertThat(t.key() + "=" + t.value()).isEqualTo("team=bi"));
    assertThat(done.arn()).isEqualTo("arn:aws:elasticmapreduce:us-east-1:123456789012:notebook-execution/" + id);
  }

  @Test
  void aScenarioRuleFailsTheNamedExecutionThroughFailing() {
    start(SimulatorConfig.builder().notebooks(NotebooksConfig.DEFAULT.withExecutions(List.of(
        new NotebooksConfig.ExecutionRule("bad-*", null, Duration.ofSeconds(30), "Cell 4 raised KeyError: 'day'"))))
        .build());
    String cluster = readyCluster();
    String good = emr.startNotebookExecution(notebook(cluster, "good").build()).notebookExecutionId();
    String bad = emr.startNotebookExecution(notebook(cluster, "bad-1").build()).notebookExecutionId();
    // 5 + 60 s to RUNNING, 30 s running (the rule), then FAILING 10 s.
    assertThat(statusAt(bad, READY + 94)).isEqualTo(NotebookExecutionStatus.RUNNING);
    assertThat(statusAt(bad, READY + 95)).isEqualTo(NotebookExecutionStatus.FAILING);
    assertThat(statusAt(bad, READY + 105)).isEqualTo(NotebookExecutionStatus.FAILED);
    assertThat(describeExecution(bad).lastStateChangeReason()).isEqualTo("Cell 4 raised KeyError: 'day'");
    assertThat(describeExecution(good).status()).isEqualTo(NotebookExecutionStatus.RUNNING);
  }

  @Test
  void theNthExecutionOfANameCanBeTheOneThatFails() {
    start(SimulatorConfig.builder().notebooks(NotebooksConfig.DEFAULT.withExecutions(List.of(
        new NotebooksConfig.ExecutionRule("nightly", 2, null, "Kernel died")))).build());
    String cluster = readyCluster();
    String first = emr.startNotebookExecution(notebook(cluster, "nightly").build()).notebookExecutionId();
    String second = emr.startNotebookExecution(notebook(cluster, "nightly").build()).notebookExecutionId();
    at(READY + 1000);
    assertThat(describeExecution(first).status()).isEqualTo(NotebookExecutionStatus.FINISHED);
    assertThat(describeExecution(second).status()).isEqualTo(NotebookExecutionStatus.FAILED);
  }

  @Test
  void stopGoesThroughStopPendingAndStopping() {
    start(SimulatorConfig.defaults());
    String cluster = readyCluster();
    String id = emr.startNotebookExecution(notebook(cluster, "daily").build()).notebookExecutionId();
    at(READY + 100); // RUNNING
    emr.stopNotebookExecution(r -> r.notebookExecutionId(id));
    assertThat(describeExecution(id).status()).isEqualTo(NotebookExecutionStatus.STOP_PENDING);
    // A second stop while it stops changes nothing.
    emr.stopNotebookExecution(r -> r.notebookExecutionId(id));
    assertThat(statusAt(id, READY + 105)).isEqualTo(NotebookExecutionStatus.STOPPING);
    assertThat(statusAt(id, READY + 115)).isEqualTo(NotebookExecutionStatus.STOPPED);
    NotebookExecution stopped = describeExecution(id);
    assertThat(stopped.endTime()).isEqualTo(T0.plusSeconds(READY + 115));
    assertThat(stopped.lastStateChangeReason()).startsWith("Execution is stopped for cluster " + cluster);
    assertThatThrownBy(() -> emr.stopNotebookExecution(r -> r.notebookExecutionId(id)))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("STOPPED");
  }

  @Test
  void badStartsAreRefused() {
    start(SimulatorConfig.defaults());
    assertThatThrownBy(() -> emr.startNotebookExecution(notebook("j-NOSUCHCLUSTER1", "x").build()))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("Cluster id 'j-NOSUCHCLUSTER1' is not valid.");
    String starting = run(cluster("still-starting", true));
    assertThatThrownBy(() -> emr.startNotebookExecution(notebook(starting, "x").build()))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("STARTING");
    assertThatThrownBy(() -> emr.startNotebookExecution(notebook(starting, "x").serviceRole(null).build()))
        .isInstanceOf(EmrException.class)
        .hasMessageContaining("Value null at 'serviceRole' failed to satisfy constraint: Member must not be null");
    assertThatThrownBy(() -> emr.startNotebookExecution(notebook(starting, "x").editorId(null).build()))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("EditorId or NotebookS3Location");
    assertThatThrownBy(() -> emr.describeNotebookExecution(r -> r.notebookExecutionId("ex-NOSUCH")))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("'ex-NOSUCH' is not valid");
  }

  @Test
  void listingFiltersByStatusClusterAndTimeNewestFirst() {
    start(SimulatorConfig.defaults());
    String a = readyCluster();
    String b = run(cluster("other", true));
    at(READY * 2);
    String first = emr.startNotebookExecution(notebook(a, "one").build()).notebookExecutionId();
    at(READY * 2 + 100);
    String second = emr.startNotebookExecution(notebook(a, "two").build()).notebookExecutionId();
    String third = emr.startNotebookExecution(notebook(b, "three").build()).notebookExecutionId();
    at(READY * 2 + 200); // first FINISHED (195 s), second and third RUNNING
    List<NotebookExecutionSummary> all = emr.listNotebookExecutions(r -> {}).notebookExecutions();
    assertThat(all).extracting(NotebookExecutionSummary::notebookExecutionId).containsExactly(third, second, first);
    assertThat(emr.listNotebookExecutions(r -> r.status("FINISHED")).notebookExecutions())
        .extracting(NotebookExecutionSummary::notebookExecutionId).containsExactly(first);
    assertThat(emr.listNotebookExecutions(r -> r.executionEngineId(b)).notebookExecutions())
        .extracting(NotebookExecutionSummary::notebookExecutionId).containsExactly(third);
    assertThat(emr.listNotebookExecutions(r -> r.from(T0.plusSeconds(READY * 2 + 50))).notebookExecutions())
        .extracting(NotebookExecutionSummary::notebookExecutionId).containsExactly(third, second);
    // Without From, only the last 30 days are listed.
    at(READY * 2 + Duration.ofDays(31).toSeconds());
    assertThat(emr.listNotebookExecutions(r -> {}).notebookExecutions()).isEmpty();
  }

  @Test
  void listingPagesFiftyAtATime() {
    start(SimulatorConfig.builder().notebooks(new NotebooksConfig(Duration.ofSeconds(5), Duration.ofSeconds(60),
        Duration.ofSeconds(120), Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(5),
        Duration.ofSeconds(10), List.of())).build());
    String cluster = readyCluster();
    for (int i = 0; i < 51; i++) {
      emr.startNotebookExecution(notebook(cluster, "n" + i).build());
    }
    var page = emr.listNotebookExecutions(r -> {});
    assertThat(page.notebookExecutions()).hasSize(50);
    assertThat(page.notebookExecutions().get(0).notebookExecutionName()).isEqualTo("n50");
    var rest = emr.listNotebookExecutions(r -> r.marker(page.marker()));
    assertThat(rest.notebookExecutions()).extracting(NotebookExecutionSummary::notebookExecutionName).containsExactly("n0");
    assertThat(rest.marker()).isNull();
  }

  @Test
  void throttleRulesApplyToTheNotebookCalls() {
    start(SimulatorConfig.builder().throttle(new ThrottleRule(null, "DescribeNotebookExecution", 2, null, null)).build());
    String cluster = readyCluster();
    String id = emr.startNotebookExecution(notebook(cluster, "daily").build()).notebookExecutionId();
    describeExecution(id);
    describeExecution(id); // the SDK retries the throttled second call
    assertThat(simulator.counts().get("DescribeNotebookExecution").throttled()).isPositive();
  }
}
