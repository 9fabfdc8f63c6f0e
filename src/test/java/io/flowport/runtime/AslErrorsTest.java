package io.flowport.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowport.contract.Vars;
import io.flowport.runtime.asl.DataFlow;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Step Functions' Retry/Catch decisions, error by error. */
class AslErrorsTest {

  static final ObjectMapper JSON = new ObjectMapper();
  final AslErrors errors = new AslErrors(DataFlow.standard(), () -> 0.5);

  static JsonNode json(String s) throws Exception {
    return JSON.readTree(s.replace('\'', '"'));
  }

  @Test
  void firstMatchingRetrierDecidesAndCountsItsOwnAttemptsWithBackoff() throws Exception {
    JsonNode state = json("{'Retry': [{'ErrorEquals': ['A'], 'IntervalSeconds': 2, 'BackoffRate': 3, 'MaxAttempts': 3},"
        + " {'ErrorEquals': ['States.ALL'], 'IntervalSeconds': 100}]}");
    Map<String, Object> first = errors.decide(state, "A", "x", JSON.nullNode(), json("{}"));
    assertThat(first).containsEntry(Vars.ASL_ERROR_ACTION, "retry").containsEntry(Vars.ASL_RETRY_DELAY, "PT2S");
    Map<String, Object> second = errors.decide(state, "A", "x", (JsonNode) first.get(Vars.ASL_RETRY_COUNTS), json("{}"));
    assertThat(second).containsEntry(Vars.ASL_RETRY_DELAY, "PT6S");
    Map<String, Object> third = errors.decide(state, "A", "x", (JsonNode) second.get(Vars.ASL_RETRY_COUNTS), json("{}"));
    assertThat(third).containsEntry(Vars.ASL_RETRY_DELAY, "PT18S");
    // The matching retrier is spent: the error goes to the catchers (none here), not to the next retrier.
    Map<String, Object> fourth = errors.decide(state, "A", "x", (JsonNode) third.get(Vars.ASL_RETRY_COUNTS), json("{}"));
    assertThat(fourth).containsEntry(Vars.ASL_ERROR_ACTION, "fail");
  }

  @Test
  void maxDelayCapsAndFullJitterScalesTheBackoff() throws Exception {
    JsonNode capped = json("{'Retry': [{'ErrorEquals': ['A'], 'IntervalSeconds': 10, 'MaxDelaySeconds': 15, 'MaxAttempts': 5}]}");
    assertThat(errors.decide(capped, "A", null, json("{'0': 3}"), json("{}"))).containsEntry(Vars.ASL_RETRY_DELAY, "PT15S");
    JsonNode jitter = json("{'Retry': [{'ErrorEquals': ['A'], 'IntervalSeconds': 10, 'JitterStrategy': 'FULL'}]}");
    assertThat(errors.decide(jitter, "A", null, JSON.nullNode(), json("{}"))).containsEntry(Vars.ASL_RETRY_DELAY, "PT5S");
  }

  @Test
  void taskFailedMatchesEverythingButTimeoutsAndRuntimeIsNeverHandled() {
    JsonNode taskFailed = JSON.createArrayNode().add("States.TaskFailed");
    JsonNode all = JSON.createArrayNode().add("States.ALL");
    assertThat(AslErrors.matches(taskFailed, "EMR.InvalidRequestException")).isTrue();
    assertThat(AslErrors.matches(taskFailed, "States.Timeout")).isFalse();
    assertThat(AslErrors.matches(all, "States.Timeout")).isTrue();
    assertThat(AslErrors.matches(all, "States.Runtime")).isFalse();
    assertThat(AslErrors.matches(JSON.createArrayNode().add("States.Runtime"), "States.Runtime")).isFalse();
  }

  @Test
  void catcherPutsTheErrorOutputAtItsResultPathAndNamesItsNext() throws Exception {
    JsonNode state = json("{'Catch': [{'ErrorEquals': ['B'], 'Next': 'X'}, {'ErrorEquals': ['States.ALL'], 'ResultPath': '$.err', 'Next': 'Y'}]}");
    Map<String, Object> caught = errors.decide(state, "A", "boom", JSON.nullNode(), json("{'in': 1}"));
    assertThat(caught).containsEntry(Vars.ASL_ERROR_ACTION, "catch").containsEntry(Vars.ASL_CATCH_NEXT, "Y");
    assertThat(caught.get(Vars.PAYLOAD)).isEqualTo(json("{'in': 1, 'err': {'Error': 'A', 'Cause': 'boom'}}"));
    Map<String, Object> runtime = errors.decide(state, "States.Runtime", "broken", JSON.nullNode(), json("{}"));
    assertThat(runtime).containsEntry(Vars.ASL_ERROR_ACTION, "fail");
  }

  // AWS records a heartbeat timeout as States.Timeout (LocalStack's AWS-recorded test_heartbeats:
  // TaskTimedOut and ExecutionFailed with error States.Timeout); ErrorEquals States.HeartbeatTimeout
  // names it alone, and States.TaskFailed ("any known error except for States.Timeout") does not.
  @Test
  void aHeartbeatTimeoutIsATimeoutThatOnlyHeartbeatCatchersTellApart() {
    String beat = "States.HeartbeatTimeout";
    assertThat(AslErrors.matches(JSON.createArrayNode().add("States.HeartbeatTimeout"), beat)).isTrue();
    assertThat(AslErrors.matches(JSON.createArrayNode().add("States.Timeout"), beat)).isTrue();
    assertThat(AslErrors.matches(JSON.createArrayNode().add("States.ALL"), beat)).isTrue();
    assertThat(AslErrors.matches(JSON.createArrayNode().add("States.TaskFailed"), beat)).isFalse();
    assertThat(AslErrors.matches(JSON.createArrayNode().add("States.HeartbeatTimeout"), "States.Timeout")).isFalse();
  }

  @Test
  void aCaughtOrUncaughtHeartbeatTimeoutShowsAsStatesTimeout() throws Exception {
    JsonNode caughtState = json("{'Catch': [{'ErrorEquals': ['States.HeartbeatTimeout'], 'ResultPath': '$.err', 'Next': 'Y'}]}");
    Map<String, Object> caught = errors.decide(caughtState, "States.HeartbeatTimeout", null, JSON.nullNode(), json("{'in': 1}"));
    assertThat(caught).containsEntry(Vars.ASL_ERROR_ACTION, "catch");
    assertThat(((JsonNode) caught.get(Vars.PAYLOAD)).path("err").path("Error").asText()).isEqualTo("States.Timeout");

    JsonNode onlyTaskFailed = json("{'Catch': [{'ErrorEquals': ['States.TaskFailed'], 'Next': 'Y'}]}");
    Map<String, Object> failed = errors.decide(onlyTaskFailed, "States.HeartbeatTimeout", null, JSON.nullNode(), json("{}"));
    assertThat(failed).containsEntry(Vars.ASL_ERROR_ACTION, "fail").containsEntry(Vars.ERROR, "States.Timeout");
  }

  // A Fail state may give no Error or no Cause; Step Functions' failure event then has no such
  // field, and neither has the error output a catcher puts at its ResultPath (LocalStack, written
  // against AWS-recorded executions, builds it from the event the same way).
  @Test
  void aNamelessErrorIsTakenByTheWildcardsAndItsOutputHasNoErrorField() throws Exception {
    JsonNode state = json("{'Catch': [{'ErrorEquals': ['Input.Empty'], 'Next': 'X'}, {'ErrorEquals': ['States.ALL'], 'ResultPath': '$.failure', 'Next': 'Y'}]}");
    Map<String, Object> caught = errors.decide(state, null, "The landing folder is empty", JSON.nullNode(), json("{'in': 1}"));
    assertThat(caught).containsEntry(Vars.ASL_CATCH_NEXT, "Y");
    assertThat((JsonNode) caught.get(Vars.PAYLOAD)).isEqualTo(json("{'in': 1, 'failure': {'Cause': 'The landing folder is empty'}}"));
    assertThat(AslErrors.matches(JSON.createArrayNode().add("States.TaskFailed"), null)).isTrue();
  }

  @Test
  void anErrorWithoutCauseHasNoCauseField() throws Exception {
    JsonNode state = json("{'Catch': [{'ErrorEquals': ['Input.Empty'], 'ResultPath': '$.failure', 'Next': 'X'}]}");
    Map<String, Object> caught = errors.decide(state, "Input.Empty", null, JSON.nullNode(), json("{}"));
    assertThat((JsonNode) caught.get(Vars.PAYLOAD)).isEqualTo(json("{'failure': {'Error': 'Input.Empty'}}"));
  }
}
