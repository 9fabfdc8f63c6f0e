package io.flowport.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.flowport.embedded.EmbeddedRuntime;
import io.flowport.runtime.Mocks;
import io.flowport.simulator.SimulatorConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The task-token message contract that {@code complete-task} and {@code fail-task} publish to:
 * message {@code flowport.task-token}, correlation key the token, variables {@code taskOutput}, or
 * {@code taskError} and {@code taskCause}. The waiting task is a hand-written message catch event
 * (src/test/resources/examples/task_token_contract.bpmn) until the converter emits
 * {@code .waitForTaskToken} tasks; then this should run a converted machine instead.
 */
class StartFromAppTaskTokenContractTest {

  static EmbeddedRuntime runtime;
  static String address;

  @BeforeAll
  static void startEngine() {
    runtime = EmbeddedRuntime.start(1.0, SimulatorConfig.defaults(), Mocks.NONE);
    address = App.address(runtime);
    runtime.client().newDeployResourceCommand().addResourceFromClasspath("examples/task_token_contract.bpmn").send().join();
  }

  @AfterAll
  static void stopEngine() {
    runtime.closeWithEngine();
  }

  @Test
  void eachTaskGetsTheAnswerSentWithItsOwnToken() {
    CamundaFuture<ProcessInstanceResult> succeeding = waitingTask("token-a");
    CamundaFuture<ProcessInstanceResult> failing = waitingTask("token-b");

    App completed = App.run("--address", address, "complete-task", "token-a", "--output", "{\"rows\": 42, \"ok\": true}");
    assertThat(completed.exit()).as(completed.toString()).isZero();
    assertThat(completed.out()).matches("\\d+\\n");
    Map<String, Object> a = succeeding.join().getVariablesAsMap();
    assertThat(a).containsEntry("taskOutput", Map.of("rows", 42, "ok", true)).doesNotContainKeys("taskError", "taskCause");

    App failed = App.run("--address", address, "fail-task", "token-b", "--error", "Glue.JobFailed", "--cause", "the job ran out of memory");
    assertThat(failed.exit()).as(failed.toString()).isZero();
    Map<String, Object> b = failing.join().getVariablesAsMap();
    assertThat(b).containsEntry("taskError", "Glue.JobFailed").containsEntry("taskCause", "the job ran out of memory")
        .doesNotContainKey("taskOutput");
  }

  @Test
  void anyJsonValueIsAnOutput() {
    CamundaFuture<ProcessInstanceResult> task = waitingTask("token-c");
    App completed = App.run("--address", address, "complete-task", "token-c", "--output", "\"done\"");
    assertThat(completed.exit()).as(completed.toString()).isZero();
    assertThat(task.join().getVariablesAsMap()).containsEntry("taskOutput", "done");
  }

  /** An instance waiting for its token; the future holds its variables once it ends. */
  private static CamundaFuture<ProcessInstanceResult> waitingTask(String token) {
    return runtime.client().newCreateInstanceCommand().bpmnProcessId("task_token_contract").latestVersion()
        .variables(Map.of("taskToken", token)).withResult().requestTimeout(Duration.ofSeconds(60)).send();
  }
}
