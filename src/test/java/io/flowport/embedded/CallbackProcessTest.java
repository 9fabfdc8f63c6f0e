package io.flowport.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import io.flowport.contract.Messages;
import io.flowport.contract.Vars;
import io.flowport.ir.Workflow;
import io.flowport.runtime.Mocks;
import io.flowport.simulator.SimulatorConfig;
import io.flowport.worker.AslTasks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A callback Task state (.waitForTaskToken) on Zeebe: a worker makes the call (it gets the token
 * in its Parameters), the test answers as an app would, by publishing flowport.task-token.
 */
@ZeebeProcessTest
class CallbackProcessTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Path MACHINE = Path.of("src/test/resources/asl/callback.asl.json");
  static final Map<String, Object> INPUT = Map.of(Vars.INPUT, Map.of("clusterId", "j-1CALLBACK"));

  private ZeebeTestEngine engine;

  /** The requests the SQS worker got, in order. */
  final List<JsonNode> requests = new CopyOnWriteArrayList<>();

  Harness harness() {
    Harness h = new Harness(engine, SimulatorConfig.defaults(), Mocks.NONE);
    h.runtime.client().newWorker().jobType("aws.sqs.sendMessage.waitForTaskToken")
        .handler((client, job) -> client.newCompleteCommand(job).variables(AslTasks.handle(job, h.runtime.pipeline(), request -> {
          requests.add(request);
          return JSON.createObjectNode().put("MessageId", "m-" + requests.size());
        })).send().join())
        .timeout(Duration.ofDays(3650)).pollInterval(Duration.ofMillis(50)).open();
    return h;
  }

  /** Starts the machine and waits until it waits for the answer; returns the instance. */
  long startAndCall(Harness h) throws Exception {
    return startAndCall(h, MACHINE);
  }

  long startAndCall(Harness h, Path machine) throws Exception {
    Workflow wf = Harness.convert(machine);
    long instance = h.start(wf, INPUT);
    h.settle(instance);
    assertThat(h.ended(instance)).isFalse();
    return instance;
  }

  String token(int call) {
    return requests.get(call).path("MessageBody").path("token").asText();
  }

  void answer(Harness h, String token, Map<String, Object> variables) {
    h.runtime.client().newPublishMessageCommand().messageName(Messages.TASK_TOKEN).correlationKey(token)
        .variables(variables).send().join();
  }

  @Test
  void theAnswersOutputIsTheStatesResultAndTheCallsOwnResultIsIgnored() throws Exception {
    try (Harness h = harness()) {
      long instance = startAndCall(h);
      assertThat(requests).hasSize(1);
      assertThat(requests.get(0).path("MessageBody").path("clusterId").asText()).isEqualTo("j-1CALLBACK");
      assertThat(token(0)).matches("[0-9a-f-]{36}");

      answer(h, token(0), Map.of(Vars.TASK_OUTPUT, Map.of("approved", true, "by", "oncall", "note", "fine")));
      h.runToEnd(instance, Duration.ofSeconds(10), Duration.ofMinutes(5));

      Map<String, JsonNode> vars = h.variables(instance);
      assertThat(vars.get(Vars.OUTPUT)).isEqualTo(
          JSON.readTree("{\"clusterId\": \"j-1CALLBACK\", \"approval\": {\"approved\": true, \"by\": \"oncall\"}}"));
      assertThat(h.completed(instance)).contains("Approved", "succeeded").doesNotContain("Rejected");
      // Neither the message's variables nor the token reach the process scope.
      assertThat(vars).doesNotContainKeys(Vars.TASK_OUTPUT, Vars.TASK_ERROR, Vars.TASK_CAUSE, Vars.CALLBACK, Vars.TASK_TOKEN);
    }
  }

  @Test
  void aFailedAnswerIsCaughtLikeAnyTaskError() throws Exception {
    try (Harness h = harness()) {
      long instance = startAndCall(h);
      answer(h, token(0), Map.of(Vars.TASK_ERROR, "Approval.Rejected", Vars.TASK_CAUSE, "cluster too big"));
      h.runToEnd(instance, Duration.ofSeconds(10), Duration.ofMinutes(5));

      JsonNode output = h.variables(instance).get(Vars.OUTPUT);
      assertThat(h.completed(instance)).contains("Rejected", "succeeded").doesNotContain("Approved");
      assertThat(output.get("rejection")).isEqualTo(
          JSON.readTree("{\"Error\": \"Approval.Rejected\", \"Cause\": \"cluster too big\"}"));
      assertThat(output.has("approval")).isFalse();
    }
  }

  @Test
  void aFailedAnswerNoCatcherTakesFailsTheExecutionWithItsErrorAndCause() throws Exception {
    try (Harness h = harness()) {
      long instance = startAndCall(h);
      answer(h, token(0), Map.of(Vars.TASK_ERROR, "Approval.Withdrawn", Vars.TASK_CAUSE, "asked by mistake"));
      h.runToEnd(instance, Duration.ofSeconds(10), Duration.ofMinutes(5));

      Map<String, JsonNode> vars = h.variables(instance);
      assertThat(h.completed(instance)).contains("failed").doesNotContain("succeeded");
      assertThat(vars.get(Vars.ERROR).asText()).isEqualTo("Approval.Withdrawn");
      assertThat(vars.get(Vars.CAUSE).asText()).isEqualTo("asked by mistake");
    }
  }

  @Test
  void timeoutSecondsEndsAWaitNobodyAnswersWithStatesTimeout() throws Exception {
    try (Harness h = harness()) {
      long instance = startAndCall(h);
      Duration used = h.runToEnd(instance, Duration.ofSeconds(60), Duration.ofHours(1));

      JsonNode output = h.variables(instance).get(Vars.OUTPUT);
      assertThat(h.completed(instance)).contains("Rejected");
      assertThat(output.path("rejection").path("Error").asText()).isEqualTo("States.Timeout");
      assertThat(used).isGreaterThanOrEqualTo(Duration.ofSeconds(600));
    }
  }

  @Test
  void anAnswerThatBreaksTheContractIsAnIncidentNamingTheState() throws Exception {
    try (Harness h = harness()) {
      long instance = startAndCall(h);
      answer(h, token(0), Map.of(Vars.TASK_CAUSE, "no error name"));
      h.runToEnd(instance, Duration.ofSeconds(10), Duration.ofMinutes(5));

      assertThat(h.incident(instance)).contains("message for state 'Ask operator' has a taskCause but no taskError");
    }
  }

  @Test
  void aRetryCallsAgainWithANewTokenAndTheOldOneNoLongerAnswers() throws Exception {
    try (Harness h = harness()) {
      long instance = startAndCall(h);
      String first = token(0);
      answer(h, first, Map.of(Vars.TASK_ERROR, "Approval.Busy", Vars.TASK_CAUSE, "try later"));
      h.settle(instance);
      h.runtime.clock().advance(Duration.ofSeconds(30));
      h.settle(instance);
      assertThat(requests).hasSize(2);
      String second = token(1);
      assertThat(second).isNotEqualTo(first);

      answer(h, first, Map.of(Vars.TASK_OUTPUT, Map.of("approved", true, "by", "stale")));
      h.settle(instance);
      assertThat(h.ended(instance)).isFalse();

      answer(h, second, Map.of(Vars.TASK_OUTPUT, Map.of("approved", true, "by", "oncall")));
      h.runToEnd(instance, Duration.ofSeconds(10), Duration.ofMinutes(5));
      assertThat(h.variables(instance).get(Vars.OUTPUT).path("approval").path("by").asText()).isEqualTo("oncall");
    }
  }

  /** The machine with HeartbeatSeconds 60 on its callback (below its TimeoutSeconds 600). */
  Path withHeartbeat(Path dir) throws Exception {
    var machine = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(MACHINE.toFile());
    ((com.fasterxml.jackson.databind.node.ObjectNode) machine.path("States").path("Ask operator")).put("HeartbeatSeconds", 60);
    return java.nio.file.Files.writeString(dir.resolve("callback.asl.json"), JSON.writeValueAsString(machine));
  }

  void heartbeat(Harness h, String token) {
    h.runtime.client().newPublishMessageCommand().messageName(Messages.TASK_HEARTBEAT).correlationKey(token).send().join();
  }

  // HeartbeatSeconds on a callback: without a heartbeat message the wait ends after 60 s with the
  // timeout AWS records (States.Timeout), long before TimeoutSeconds.
  @Test
  void aCallbackWithoutHeartbeatsTimesOutAfterHeartbeatSeconds(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    try (Harness h = harness()) {
      long instance = startAndCall(h, withHeartbeat(dir));
      Duration used = h.runToEnd(instance, Duration.ofSeconds(10), Duration.ofHours(1));

      JsonNode output = h.variables(instance).get(Vars.OUTPUT);
      assertThat(h.completed(instance)).contains("Rejected");
      assertThat(output.path("rejection").path("Error").asText()).isEqualTo("States.Timeout");
      assertThat(used).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(120));
    }
  }

  @Test
  void heartbeatMessagesKeepTheWaitAliveUntilTheAnswer(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    try (Harness h = harness()) {
      long instance = startAndCall(h, withHeartbeat(dir));
      // Five heartbeats 40 s apart: 200 s in all, past HeartbeatSeconds 60 but each within it.
      for (int i = 0; i < 5; i++) {
        h.runtime.clock().advance(Duration.ofSeconds(40));
        h.settle(instance);
        assertThat(h.ended(instance)).isFalse();
        heartbeat(h, token(0));
        h.settle(instance);
      }
      answer(h, token(0), Map.of(Vars.TASK_OUTPUT, Map.of("approved", true, "by", "oncall")));
      h.runToEnd(instance, Duration.ofSeconds(10), Duration.ofMinutes(5));

      assertThat(h.completed(instance)).contains("Approved").doesNotContain("Rejected");
      assertThat(h.variables(instance).get(Vars.OUTPUT).path("approval").path("by").asText()).isEqualTo("oncall");
      assertThat(requests).hasSize(1);
    }
  }
}
