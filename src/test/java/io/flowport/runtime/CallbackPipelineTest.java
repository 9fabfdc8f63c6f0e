package io.flowport.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.contract.Headers;
import io.flowport.contract.Vars;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A callback Task state (.waitForTaskToken) in the pipeline: token, call, mocked answer, answer. */
class CallbackPipelineTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String STATE = "{'Type': 'Task', 'Resource': 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',"
      + " 'Parameters': {'QueueUrl': 'q', 'MessageBody': {'id.$': '$.id', 'token.$': '$$.Task.Token'}},"
      + " 'ResultSelector': {'ok.$': '$.approved'}, 'ResultPath': '$.approval', 'End': true}";

  final List<Map<String, Object>> published = new ArrayList<>();
  final List<String> tokens = new ArrayList<>();

  static JsonNode json(String s) throws Exception {
    return JSON.readTree(s.replace('\'', '"'));
  }

  /** A job of the state with these extra variables; the call job carries the callback header. */
  static Job job(String type, boolean call, Map<String, JsonNode> variables) throws Exception {
    ObjectNode vars = JSON.createObjectNode();
    vars.set(Vars.PAYLOAD, json("{'id': 7}"));
    variables.forEach(vars::set);
    Map<String, String> headers = new HashMap<>(Map.of(Headers.DIALECT, "asl", Headers.SOURCE, "Ask",
        Headers.ASL_STATE, json(STATE).toString()));
    if (call) {
      headers.put(Headers.ASL_CALLBACK, "true");
    }
    return new Job(type, headers, vars, "m", 1L, "Ask_call", 2L, null);
  }

  JobPipeline pipeline(Mocks mocks) {
    return new JobPipeline((api, request) -> {
      throw new AssertionError("no EMR call expected");
    }, mocks, () -> Instant.parse("2026-12-04T00:00:00Z"), CreateOnce.Settings.DEFAULT, (token, variables) -> {
      tokens.add(token);
      published.add(variables);
    });
  }

  static Map<String, Object> vars(Outcome out) {
    assertThat(out).isInstanceOf(Outcome.Complete.class);
    return ((Outcome.Complete) out).variables();
  }

  @Test
  void everyAttemptGetsItsOwnRandomToken() throws Exception {
    JobPipeline p = pipeline(Mocks.NONE);
    String first = (String) vars(p.token(job("flowport.asl.token", false, Map.of()))).get(Vars.TASK_TOKEN);
    String second = (String) vars(p.token(job("flowport.asl.token", false, Map.of()))).get(Vars.TASK_TOKEN);
    assertThat(first).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}").isNotEqualTo(second);
  }

  @Test
  void theCallGetsTheTokenAndItsOwnResultIsIgnored() throws Exception {
    AtomicReference<JsonNode> seen = new AtomicReference<>();
    Outcome out = pipeline(Mocks.NONE).task(job("aws.sqs.sendMessage.waitForTaskToken", true,
        Map.of(Vars.TASK_TOKEN, JSON.getNodeFactory().textNode("tok-1"))), request -> {
          seen.set(request);
          return JSON.createObjectNode().put("MessageId", "m-1");
        });
    assertThat(seen.get()).isEqualTo(json("{'QueueUrl': 'q', 'MessageBody': {'id': 7, 'token': 'tok-1'}}"));
    assertThat(vars(out)).isEmpty();
  }

  @Test
  void aMockedCallbackPublishesItsReturnAsTheAnswer() throws Exception {
    Mocks mocks = state -> Optional.of(new Mocks.Response(JSON.createObjectNode().put("approved", true), null, null));
    Outcome out = pipeline(mocks).task(job("aws.sqs.sendMessage.waitForTaskToken", true,
        Map.of(Vars.TASK_TOKEN, JSON.getNodeFactory().textNode("tok-2"))), request -> {
          throw new AssertionError("mocked states make no call");
        });
    assertThat(vars(out)).isEmpty();
    assertThat(tokens).containsExactly("tok-2");
    assertThat(published).containsExactly(Map.of(Vars.TASK_OUTPUT, JSON.createObjectNode().put("approved", true)));
  }

  @Test
  void aMockedThrowIsPublishedAsAFailedAnswer() throws Exception {
    Mocks mocks = state -> Optional.of(new Mocks.Response(null, "Approval.Rejected", "too big"));
    pipeline(mocks).task(job("aws.sqs.sendMessage.waitForTaskToken", true,
        Map.of(Vars.TASK_TOKEN, JSON.getNodeFactory().textNode("tok-3"))), request -> null);
    assertThat(published).containsExactly(Map.of(Vars.TASK_ERROR, "Approval.Rejected", Vars.TASK_CAUSE, "too big"));
  }

  @Test
  void inALocalRunAnUnmockedCallbackFailsInsteadOfWaiting() throws Exception {
    Mocks local = new Mocks() {
      public Optional<Response> next(String state) {
        return Optional.empty();
      }

      public boolean local() {
        return true;
      }
    };
    assertThatThrownBy(() -> pipeline(local).task(job("aws.sqs.sendMessage.waitForTaskToken", true,
        Map.of(Vars.TASK_TOKEN, JSON.getNodeFactory().textNode("tok-4"))), request -> null))
        .hasMessageContaining("state 'Ask' waits for a callback").hasMessageContaining("no mocked response");
  }

  @Test
  void aSuccessfulAnswerGoesThroughResultSelectorAndResultPath() throws Exception {
    Outcome out = pipeline(Mocks.NONE).answer(job("flowport.asl.callback", false,
        Map.of(Vars.CALLBACK, json("{'output': {'approved': true, 'by': 'oncall'}, 'error': null, 'cause': null}"))));
    assertThat(vars(out).get(Vars.PAYLOAD)).isEqualTo(json("{'id': 7, 'approval': {'ok': true}}"));
  }

  @Test
  void aFailedAnswerIsTheStatesErrorWithItsCause() throws Exception {
    Outcome out = pipeline(Mocks.NONE).answer(job("flowport.asl.callback", false,
        Map.of(Vars.CALLBACK, json("{'output': null, 'error': 'Approval.Rejected', 'cause': 'too big'}"))));
    assertThat(out).isInstanceOf(Outcome.Error.class);
    Outcome.Error e = (Outcome.Error) out;
    assertThat(e.code()).isEqualTo("Approval.Rejected");
    assertThat(e.variables()).containsEntry(Vars.ERROR, "Approval.Rejected").containsEntry(Vars.CAUSE, "too big");
  }

  @Test
  void anAnswerThatDoesNotFitTheResultSelectorFailsWithStatesRuntime() throws Exception {
    Outcome out = pipeline(Mocks.NONE).answer(job("flowport.asl.callback", false,
        Map.of(Vars.CALLBACK, json("{'output': {'other': 1}}"))));
    assertThat(((Outcome.Error) out).code()).isEqualTo("States.Runtime");
  }

  @Test
  void aCauseWithoutAnErrorNameIsRefused() throws Exception {
    assertThatThrownBy(() -> pipeline(Mocks.NONE).answer(job("flowport.asl.callback", false,
        Map.of(Vars.CALLBACK, json("{'output': null, 'error': null, 'cause': 'why'}")))))
        .hasMessageContaining("has a taskCause but no taskError");
  }
}
