package io.flowport.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.contract.Headers;
import io.flowport.contract.Messages;
import io.flowport.contract.Vars;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The callback pattern (.waitForTaskToken): the token of an attempt, the call whose own result
 * Step Functions ignores, and the answer ({@value Messages#TASK_TOKEN}) that becomes the state's
 * result or error. See docs/task-tokens.md.
 */
final class Callbacks {

  private final AslBinding asl;
  private final Mocks mocks;
  private final Answers answers;

  Callbacks(AslBinding asl, Mocks mocks, Answers answers) {
    this.asl = asl;
    this.mocks = mocks;
    this.answers = answers;
  }

  /** Whether the job is the call of a callback state. */
  static boolean isCall(Job job) {
    return "true".equals(job.header(Headers.ASL_CALLBACK));
  }

  /** The call is done: nothing to keep, the answer comes with the message. */
  static Outcome called() {
    return new Outcome.Complete(Map.of());
  }

  /** A random UUID (SecureRandom): unique per attempt and not guessable from the instance. */
  Outcome token(Job job) {
    return new Outcome.Complete(Map.of(Vars.TASK_TOKEN, UUID.randomUUID().toString()));
  }

  /** In a local run nobody but a mock answers a callback: fail the call instead of waiting forever. */
  void checkAnswerable(Job job) {
    if (isCall(job) && mocks.local()) {
      throw new NoRetry("state '" + job.header(Headers.SOURCE) + "' waits for a callback (.waitForTaskToken) "
          + "and has no mocked response; in flowport run only a mock answers it (its Return is the state's result)");
    }
  }

  /**
   * A mocked callback, as in Step Functions Local: the mock's Return is what SendTaskSuccess would
   * send, its Throw what SendTaskFailure would. Published before the call completes: the message
   * waits in the buffer until the state's catch event opens.
   */
  Outcome answerWithMock(Job job, Mocks.Response response) {
    JsonNode token = job.variable(Vars.TASK_TOKEN);
    if (!token.isTextual()) {
      throw new IllegalStateException("callback call of '" + job.header(Headers.SOURCE) + "' has no " + Vars.TASK_TOKEN);
    }
    Map<String, Object> message = new LinkedHashMap<>();
    if (response.isThrow()) {
      message.put(Vars.TASK_ERROR, response.error());
      message.put(Vars.TASK_CAUSE, response.cause());
    } else {
      message.put(Vars.TASK_OUTPUT, response.result());
    }
    answers.publish(token.asText(), message);
    return called();
  }

  /**
   * The answer: {@code taskError} (with {@code taskCause}) fails the state, else {@code taskOutput}
   * is its result. A malformed answer is an incident: the message is consumed, no retry helps.
   */
  Outcome answer(Job job) {
    JsonNode callback = job.variable(Vars.CALLBACK);
    JsonNode error = callback.path("error");
    JsonNode cause = callback.path("cause");
    String state = job.header(Headers.SOURCE);
    if (!error.isMissingNode() && !error.isNull()) {
      if (!error.isTextual() || !(cause.isMissingNode() || cause.isNull() || cause.isTextual())) {
        throw new NoRetry("the " + Messages.TASK_TOKEN + " message for state '" + state + "' needs a string "
            + Vars.TASK_ERROR + " and an optional string " + Vars.TASK_CAUSE + ", got " + callback);
      }
      throw new JobFailure(error.asText(), cause.isTextual() ? cause.asText() : null);
    }
    if (!cause.isMissingNode() && !cause.isNull()) {
      throw new NoRetry("the " + Messages.TASK_TOKEN + " message for state '" + state + "' has a "
          + Vars.TASK_CAUSE + " but no " + Vars.TASK_ERROR + "; a failure needs " + Vars.TASK_ERROR);
    }
    JsonNode output = callback.path("output");
    return new Outcome.Complete(asl.finish(job, output.isMissingNode() ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : output));
  }
}
