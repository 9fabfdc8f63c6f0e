package io.flowport.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.contract.Headers;
import io.flowport.contract.Vars;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A Task state whose call is the user's own worker's (Lambda here): flowport does the data flow around it. */
class OwnTaskPipelineTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String STATE = "{'Type': 'Task', 'Resource': 'arn:aws:states:::lambda:invoke',"
      + " 'Parameters': {'FunctionName': 'f', 'Payload': {'id.$': '$.id'}},"
      + " 'ResultSelector': {'rows.$': '$.Payload.rows'}, 'ResultPath': '$.result', 'End': true}";

  static JsonNode json(String s) throws Exception {
    return JSON.readTree(s.replace('\'', '"'));
  }

  static Job job(String state, String payload) throws Exception {
    ObjectNode vars = JSON.createObjectNode();
    vars.set(Vars.PAYLOAD, json(payload));
    return new Job("aws.lambda.invoke", Map.of(Headers.DIALECT, "asl", Headers.SOURCE, "Summarize",
        Headers.ASL_STATE, json(state).toString()), vars, "m", 1L, "Summarize", 2L, null);
  }

  JobPipeline pipeline(Mocks mocks) {
    return new JobPipeline((api, request) -> {
      throw new AssertionError("no EMR call expected");
    }, mocks, () -> Instant.parse("2026-12-04T00:00:00Z"));
  }

  @Test
  void callGetsTheEffectiveParametersAndItsResultGoesThroughResultSelectorAndResultPath() throws Exception {
    AtomicReference<JsonNode> seen = new AtomicReference<>();
    Outcome out = pipeline(Mocks.NONE).task(job(STATE, "{'id': 7}"), request -> {
      seen.set(request);
      return JSON.createObjectNode().put("StatusCode", 200).set("Payload", JSON.createObjectNode().put("rows", 12));
    });
    assertThat(seen.get()).isEqualTo(json("{'FunctionName': 'f', 'Payload': {'id': 7}}"));
    assertThat(out).isInstanceOf(Outcome.Complete.class);
    assertThat(((Outcome.Complete) out).variables().get(Vars.PAYLOAD)).isEqualTo(json("{'id': 7, 'result': {'rows': 12}}"));
  }

  @Test
  void aJobFailureFromTheCallIsTheStatesError() throws Exception {
    Outcome out = pipeline(Mocks.NONE).task(job(STATE, "{'id': 7}"), request -> {
      throw new JobFailure("Lambda.ServiceException", "boom");
    });
    assertThat(out).isInstanceOf(Outcome.Error.class);
    assertThat(((Outcome.Error) out).code()).isEqualTo("Lambda.ServiceException");
  }

  @Test
  void aMockAnswersInsteadOfTheCall() throws Exception {
    Mocks mocks = state -> Optional.of(new Mocks.Response(JSON.createObjectNode().set("Payload", JSON.createObjectNode().put("rows", 3)), null, null));
    Outcome out = pipeline(mocks).task(job(STATE, "{'id': 7}"), request -> {
      throw new AssertionError("mocked states make no call");
    });
    assertThat(((Outcome.Complete) out).variables().get(Vars.PAYLOAD)).isEqualTo(json("{'id': 7, 'result': {'rows': 3}}"));
  }

  @Test
  void aBadPathInTheParametersFailsBeforeTheCall() throws Exception {
    Outcome out = pipeline(Mocks.NONE).task(job(STATE, "{'other': 7}"), request -> {
      throw new AssertionError("Step Functions fails before calling");
    });
    assertThat(((Outcome.Error) out).code()).isEqualTo("States.Runtime");
  }

  @Test
  void theContextObjectHasTheExecutionsStartTimeAndStepFunctionsTimestampFormat() throws Exception {
    String state = "{'Type': 'Task', 'Resource': 'arn:aws:states:::lambda:invoke', 'Parameters': {'started.$': '$$.Execution.StartTime',"
        + " 'entered.$': '$$.State.EnteredTime', 'role.$': '$$.Execution.RoleArn'}, 'End': true}";
    Job job = job(state, "{}");
    // What the machine subprocess's input mapping writes: FEEL's date and time, to the nanosecond.
    job.variables().put(Vars.ASL_START_TIME, "2026-12-03T23:59:58.123456789Z");
    AtomicReference<JsonNode> seen = new AtomicReference<>();
    pipeline(Mocks.NONE).task(job, request -> {
      seen.set(request);
      return JSON.createObjectNode();
    });
    assertThat(seen.get().path("started").asText()).isEqualTo("2026-12-03T23:59:58.123Z");
    assertThat(seen.get().path("entered").asText()).isEqualTo("2026-12-04T00:00:00.000Z");
    assertThat(seen.get().path("role").asText()).isEqualTo("arn:aws:iam::123456789012:role/flowport-m");
  }
}
