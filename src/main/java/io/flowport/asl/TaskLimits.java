package io.flowport.asl;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.contract.Headers;
import io.flowport.contract.JobTypes;
import io.flowport.diag.BadInputException;
import io.flowport.ir.Call;
import io.flowport.ir.Limits;
import io.flowport.report.Code;
import io.flowport.runtime.asl.AslSyntaxException;
import io.flowport.runtime.asl.JsonPaths;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Task state's TimeoutSeconds(Path) and HeartbeatSeconds(Path), checked as Step Functions
 * validates a definition: positive integers, one of a value and its path, a heartbeat below the
 * timeout, paths that are reference paths. A path is read from the state input (as AWS does) by a
 * job before the work.
 */
final class TaskLimits {

  /**
   * Limits of a Task state. A callback's heartbeat times the wait for the answer and is reported
   * by CallbackConversion (FP308); any other task's times each job (FP309).
   */
  static Limits of(AslContext ctx, String name, JsonNode state, boolean callback) {
    exclusive(ctx, name, state, "TimeoutSeconds", "TimeoutSecondsPath");
    exclusive(ctx, name, state, "HeartbeatSeconds", "HeartbeatSecondsPath");
    Duration timeout = seconds(ctx, name, state, "TimeoutSeconds");
    Duration beat = seconds(ctx, name, state, "HeartbeatSeconds");
    if (timeout != null && beat != null && beat.compareTo(timeout) >= 0) {
      throw new BadInputException(ctx.doc().at(name, "HeartbeatSeconds"),
          "HeartbeatSeconds of '" + name + "' must be smaller than its TimeoutSeconds (" + timeout.toSeconds() + ")");
    }
    // A JSONata state's TimeoutSeconds or HeartbeatSeconds expression is read like a path: by a job before the work.
    boolean timeoutPath = path(ctx, name, state, "TimeoutSecondsPath") || io.flowport.runtime.asl.Jsonata.isExpression(state.get("TimeoutSeconds"));
    boolean beatPath = path(ctx, name, state, "HeartbeatSecondsPath") || io.flowport.runtime.asl.Jsonata.isExpression(state.get("HeartbeatSeconds"));
    if (timeout != null) {
      ctx.report().add(Code.ASL_TASK_TIMEOUT, ctx.doc().at(name, "TimeoutSeconds"), name,
          "TimeoutSeconds " + timeout.toSeconds() + " became an interrupting timer boundary raising States.Timeout", null);
    }
    if (!callback && (beat != null || beatPath)) {
      String field = beat != null ? "HeartbeatSeconds" : "HeartbeatSecondsPath";
      ctx.report().add(Code.ASL_TASK_HEARTBEAT, ctx.doc().at(name, field), name,
          field + " became a timer on each job of the task (the call and each poll of a .sync wait): a job that has not "
              + "completed " + (beat != null ? beat.toSeconds() + " s" : "that many seconds") + " after it was created fails "
              + "the state with States.HeartbeatTimeout, which Retry and Catch see (States.HeartbeatTimeout, States.Timeout, "
              + "States.ALL match it). A completed job is the heartbeat: flowport's workers do not send SendTaskHeartbeat, "
              + "the waits between polls are not counted, and Zeebe's own job timeout (which re-delivers a job) stays the "
              + "worker's",
          "check that each EMR call and poll (and your own worker's job) ends within HeartbeatSeconds");
    }
    Call read = null;
    if (timeoutPath || beatPath) {
      Map<String, String> h = new LinkedHashMap<>();
      h.put(Headers.SOURCE, name);
      h.put(Headers.DIALECT, "asl");
      h.put(Headers.ASL_STATE, TaskConversion.json(state));
      read = Call.of(JobTypes.ASL_PASS, "Read time limits", h);
      boolean jsonata = io.flowport.runtime.asl.JsonataFlow.is(state);
      String t = jsonata ? "TimeoutSeconds" : "TimeoutSecondsPath";
      String b = jsonata ? "HeartbeatSeconds" : "HeartbeatSecondsPath";
      ctx.report().add(Code.ASL_LIMIT_FROM_INPUT, ctx.doc().at(name, timeoutPath ? t : b),
          name, "a job reads " + (timeoutPath && beatPath ? t + " and " + b : timeoutPath
              ? t : b) + " from the state's input (as Step Functions does) before "
              + "the work; a value that is not a positive integer fails the execution with "
              + (jsonata ? "States.QueryEvaluationError" : "States.Runtime"), null);
    }
    return new Limits(timeout, timeoutPath, beat, beatPath, read);
  }

  private static Duration seconds(AslContext ctx, String name, JsonNode state, String field) {
    JsonNode v = state.get(field);
    if (v == null || io.flowport.runtime.asl.Jsonata.isExpression(v)) {
      return null;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() <= 0) {
      throw new BadInputException(ctx.doc().at(name, field), field + " must be a positive integer");
    }
    return Duration.ofSeconds(v.asInt());
  }

  private static boolean path(AslContext ctx, String name, JsonNode state, String field) {
    JsonNode v = state.get(field);
    if (v == null) {
      return false;
    }
    if (!v.isTextual() || !v.asText().startsWith("$")) {
      throw new BadInputException(ctx.doc().at(name, field), field + " of '" + name
          + "' must be a reference path starting with $, not " + v);
    }
    try {
      JsonPaths.validate(v.asText(), true);
    } catch (AslSyntaxException e) {
      throw new BadInputException(ctx.doc().at(name, field), field + " of '" + name + "' is not valid: " + e.getMessage());
    }
    return true;
  }

  private static void exclusive(AslContext ctx, String name, JsonNode state, String a, String b) {
    if (state.has(a) && state.has(b)) {
      throw new BadInputException(ctx.doc().at(name, b), "state '" + name + "' has both " + a + " and " + b + "; keep one");
    }
  }

  private TaskLimits() {}
}
