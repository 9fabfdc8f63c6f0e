package io.flowport.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import io.flowport.contract.Vars;
import io.flowport.ir.Workflow;
import io.flowport.runtime.Mocks;
import io.flowport.simulator.SimulatorConfig;
import io.flowport.worker.AslTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HeartbeatSeconds(Path) and TimeoutSecondsPath of a Task state on Zeebe: a job that does not
 * complete within HeartbeatSeconds fails the state with a heartbeat timeout, one that runs past
 * TimeoutSeconds with States.Timeout; both limits are read from the state's input. And the
 * machine's own TimeoutSeconds. The worker
 * here stands for a stuck one: it fails its job with a back-off of a day, so the job stays
 * unfinished without a worker thread holding it.
 */
@ZeebeProcessTest
class HeartbeatProcessTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Path MACHINE = Path.of("src/test/resources/asl/heartbeat.asl.json");
  static final String JOB = "aws.lambda.invoke";

  private ZeebeTestEngine engine;

  @TempDir
  Path tmp;

  final AtomicInteger calls = new AtomicInteger();

  /** A worker for the Lambda job that answers, or that never gets its job done. */
  Harness harness(boolean stuck) {
    Harness h = new Harness(engine, SimulatorConfig.defaults(), Mocks.NONE);
    h.runtime.client().newWorker().jobType(JOB).handler((client, job) -> {
      calls.incrementAndGet();
      if (stuck) {
        client.newFailCommand(job).retries(1).retryBackoff(Duration.ofDays(1)).errorMessage("stuck").send().join();
      } else {
        client.newCompleteCommand(job).variables(AslTasks.handle(job, h.runtime.pipeline(),
            request -> JSON.createObjectNode().put("rows", 42))).send().join();
      }
    }).timeout(Duration.ofDays(3650)).pollInterval(Duration.ofMillis(50)).open();
    return h;
  }

  static Map<String, Object> input(Object timeout, Object heartbeat) {
    return Map.of(Vars.INPUT, Map.of("table", "orders", "limits", Map.of("timeout", timeout, "heartbeat", heartbeat)));
  }

  @Test
  void aJobThatDoesNotCompleteWithinHeartbeatSecondsIsAHeartbeatTimeout() throws Exception {
    try (Harness h = harness(true)) {
      long instance = h.start(Harness.convert(MACHINE), input(600, 60));
      Duration used = h.runToEnd(instance, Duration.ofSeconds(10), Duration.ofHours(1));

      JsonNode output = h.variables(instance).get(Vars.OUTPUT);
      assertThat(output.path("outcome").asText()).isEqualTo("heartbeat");
      // Step Functions names a heartbeat timeout States.Timeout in the error output.
      assertThat(output.path("failure").path("Error").asText()).isEqualTo("States.Timeout");
      assertThat(used).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(120));
    }
  }

  @Test
  void anAnswerInTimeIsTheResult() throws Exception {
    try (Harness h = harness(false)) {
      long instance = h.start(Harness.convert(MACHINE), input(600, 60));
      h.runToEnd(instance, Duration.ofSeconds(10), Duration.ofMinutes(5));

      JsonNode output = h.variables(instance).get(Vars.OUTPUT);
      assertThat(output.path("load")).isEqualTo(JSON.createObjectNode().put("rows", 42));
      assertThat(output.has("outcome")).isFalse();
      assertThat(calls.get()).isEqualTo(1);
    }
  }

  @Test
  void timeoutSecondsPathIsReadFromTheStateInput() throws Exception {
    Path machine = variant(state -> state.remove("HeartbeatSecondsPath"));
    try (Harness h = harness(true)) {
      long instance = h.start(Harness.convert(machine), input(240, 60));
      Duration used = h.runToEnd(instance, Duration.ofSeconds(10), Duration.ofHours(1));

      JsonNode output = h.variables(instance).get(Vars.OUTPUT);
      assertThat(output.path("outcome").asText()).isEqualTo("timeout");
      assertThat(output.path("failure").path("Error").asText()).isEqualTo("States.Timeout");
      assertThat(used).isBetween(Duration.ofSeconds(240), Duration.ofSeconds(300));
    }
  }

  @Test
  void anUncaughtHeartbeatTimeoutFailsTheExecutionWithStatesTimeout() throws Exception {
    Path machine = variant(state -> state.remove("Catch"));
    try (Harness h = harness(true)) {
      long instance = h.start(Harness.convert(machine), input(600, 30));
      Duration used = h.runToEnd(instance, Duration.ofSeconds(10), Duration.ofHours(1));

      Map<String, JsonNode> vars = h.variables(instance);
      assertThat(h.completed(instance)).contains("failed");
      assertThat(vars.get(Vars.ERROR).asText()).isEqualTo("States.Timeout");
      assertThat(used).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(90));
    }
  }

  @Test
  void aHeartbeatPathThatIsNotAPositiveIntegerFailsWithStatesRuntimeBeforeTheCall() throws Exception {
    try (Harness h = harness(false)) {
      long instance = h.start(Harness.convert(MACHINE), input(600, "soon"));
      h.runToEnd(instance, Duration.ofSeconds(10), Duration.ofMinutes(5));

      Map<String, JsonNode> vars = h.variables(instance);
      assertThat(vars.get(Vars.ERROR).asText()).isEqualTo("States.Runtime");
      assertThat(vars.get(Vars.CAUSE).asText()).contains("HeartbeatSecondsPath").contains("$.limits.heartbeat");
      assertThat(calls.get()).isZero();
    }
  }

  // The machine's TimeoutSeconds: States.Timeout for the execution, which no Catch takes.
  @Test
  void theMachinesTimeoutFailsTheExecutionPastEveryCatcher() throws Exception {
    try (Harness h = harness(true)) {
      long instance = h.start(Harness.convert(Path.of("src/test/resources/asl/machine_timeout.asl.json")), Map.of());
      Duration used = h.runToEnd(instance, Duration.ofSeconds(10), Duration.ofHours(1));

      Map<String, JsonNode> vars = h.variables(instance);
      assertThat(vars.get(Vars.ERROR).asText()).isEqualTo("States.Timeout");
      assertThat(h.completed(instance)).doesNotContain("Recovered", "succeeded");
      assertThat(vars).doesNotContainKey(Vars.OUTPUT);
      assertThat(used).isBetween(Duration.ofSeconds(300), Duration.ofSeconds(360));
    }
  }

  private Path variant(java.util.function.Consumer<ObjectNode> edit) throws Exception {
    ObjectNode machine = (ObjectNode) JSON.readTree(MACHINE.toFile());
    edit.accept((ObjectNode) machine.path("States").path("Load"));
    return Files.writeString(tmp.resolve("heartbeat.asl.json"), JSON.writeValueAsString(machine));
  }
}
