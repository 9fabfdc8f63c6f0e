package io.flowport.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.client.api.worker.JobWorker;
import io.flowport.bpmn.BpmnGenerator;
import io.flowport.catalog.Catalog;
import io.flowport.convert.Converters;
import io.flowport.embedded.EmbeddedRuntime;
import io.flowport.emr.EmrOperations;
import io.flowport.ir.Workflow;
import io.flowport.runtime.JobPipeline;
import io.flowport.runtime.Mocks;
import io.flowport.simulator.EmrClients;
import io.flowport.simulator.SimulatorConfig;
import io.flowport.worker.AslTasks;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A converted {@code .waitForTaskToken} machine (examples/start-from-app/approval.asl.json) answered
 * by {@code complete-task} and {@code fail-task}: the test's worker for the SQS call plays the queue
 * and records the token the message carries, as the app reading the queue would receive it.
 */
class StartFromAppTaskTokenTest {

  static final Path MACHINE = Path.of("examples/start-from-app/approval.asl.json");

  static EmbeddedRuntime runtime;
  static String address;
  static JobWorker queue;
  /** The token each run's message carried, by run name. */
  static final Map<String, String> tokens = new ConcurrentHashMap<>();

  @BeforeAll
  static void start() {
    runtime = EmbeddedRuntime.start(1.0, SimulatorConfig.defaults(), Mocks.NONE);
    address = App.address(runtime);
    Workflow wf = new Converters(Catalog.builtIn()).convert(MACHINE).get(0).workflow();
    runtime.client().newDeployResourceCommand().addResourceStringUtf8(new BpmnGenerator().toXml(wf), wf.id() + ".bpmn").send().join();
    JobPipeline pipeline = new JobPipeline(new EmrOperations(EmrClients.forEndpoint(runtime.simulator().endpoint())), Mocks.NONE,
        Instant::now);
    queue = runtime.client().newWorker().jobType("aws.sqs.sendMessage.waitForTaskToken")
        .handler((client, job) -> client.newCompleteCommand(job).variables(AslTasks.handle(job, pipeline, request -> {
          tokens.put(request.at("/MessageBody/run").asText(), request.at("/MessageBody/token").asText());
          return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("MessageId", "m-" + tokens.size());
        })).send().join())
        .open();
  }

  @AfterAll
  static void stop() {
    queue.close();
    runtime.closeWithEngine();
  }

  private static CamundaFuture<ProcessInstanceResult> run(String name) {
    return runtime.client().newCreateInstanceCommand().bpmnProcessId("approval").latestVersion()
        .variables(Map.of("input", Map.of("run", name))).withResult().requestTimeout(Duration.ofSeconds(60)).send();
  }

  private static String tokenOf(String run) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!tokens.containsKey(run) && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertThat(tokens).as("the message of " + run + " reached the queue").containsKey(run);
    return tokens.get(run);
  }

  @Test
  void completeTaskGivesTheStateItsResultAndTheRunSucceeds() throws Exception {
    CamundaFuture<ProcessInstanceResult> result = run("nightly-1");
    String token = tokenOf("nightly-1");
    assertThat(token).isNotBlank();
    App app = App.run("--address", address, "complete-task", token, "--output", "{\"approvedBy\": \"ana\"}");
    assertThat(app.exit()).as(app.toString()).isZero();
    JsonNode output = StartFromAppTest.JSON.valueToTree(result.join().getVariablesAsMap().get("output"));
    assertThat(output.path("run").asText()).isEqualTo("nightly-1");
    assertThat(output.path("approval").path("approvedBy").asText()).isEqualTo("ana");
  }

  @Test
  void failTaskFailsTheStateWithTheAppsErrorWhichTheCatcherTakes() throws Exception {
    CamundaFuture<ProcessInstanceResult> result = run("nightly-2");
    App app = App.run("--address", address, "fail-task", tokenOf("nightly-2"), "--error", "Approval.Rejected",
        "--cause", "not tonight");
    assertThat(app.exit()).as(app.toString()).isZero();
    Map<String, Object> vars = result.join().getVariablesAsMap();
    // The catcher went to the Fail state, which ends the run with its own error and cause.
    assertThat(vars).containsEntry("error", "Approval.Rejected").containsEntry("cause", "the run was not approved");
  }

  @Test
  void eachRunOnlyHearsTheAnswerSentWithItsOwnToken() throws Exception {
    CamundaFuture<ProcessInstanceResult> first = run("a");
    CamundaFuture<ProcessInstanceResult> second = run("b");
    String tokenB = tokenOf("b");
    assertThat(tokenOf("a")).isNotEqualTo(tokenB);
    assertThat(App.run("--address", address, "complete-task", tokenB, "--output", "\"b only\"").exit()).isZero();
    assertThat(StartFromAppTest.JSON.valueToTree(second.join().getVariablesAsMap().get("output")).path("approval").asText())
        .isEqualTo("b only");
    assertThat(first.isDone()).isFalse();
    assertThat(App.run("--address", address, "complete-task", tokenOf("a"), "--output", "\"a\"").exit()).isZero();
    assertThat(StartFromAppTest.JSON.valueToTree(first.join().getVariablesAsMap().get("output")).path("approval").asText())
        .isEqualTo("a");
  }
}
