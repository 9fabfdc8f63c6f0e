package io.flowport.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.contract.Vars;
import io.flowport.runtime.asl.DataFlow;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleSupplier;

/**
 * What a Task state's Retry and Catch do with an error, in Step Functions' order: the first
 * Retrier whose ErrorEquals matches retries while it has attempts left (its own count, interval
 * times BackoffRate per attempt, capped by MaxDelaySeconds, FULL jitter drawn from [0, delay]);
 * once a matching Retrier is spent, or none matches, the first matching Catcher puts
 * {"Error", "Cause"} at its ResultPath and goes to its Next; otherwise the execution fails.
 */
final class AslErrors {

  /** Errors no Retrier or Catcher handles; States.Runtime fails the execution whatever it says. */
  private static final Set<String> TERMINAL = Set.of("States.Runtime", "States.DataLimitExceeded");

  static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";

  private final DataFlow flow;
  private final DoubleSupplier random;

  AslErrors(DataFlow flow, DoubleSupplier random) {
    this.flow = flow;
    this.random = random;
  }

  Map<String, Object> decide(JsonNode state, String error, String cause, JsonNode counts, JsonNode payload) {
    return decide(state, error, cause, counts, payload, io.flowport.runtime.asl.ContextObject.empty(), null);
  }

  /** {@code ctx} holds the variables a Catcher's Assign reads; {@code name} is the state's. */
  Map<String, Object> decide(JsonNode state, String error, String cause, JsonNode counts, JsonNode payload,
      io.flowport.runtime.asl.ContextObject ctx, String name) {
    Map<String, Object> out = new LinkedHashMap<>();
    JsonNode retriers = state.path("Retry");
    for (int i = 0; i < retriers.size(); i++) {
      JsonNode r = retriers.get(i);
      if (!matches(r.path("ErrorEquals"), error)) {
        continue;
      }
      int done = counts.path(Integer.toString(i)).asInt(0);
      if (done < r.path("MaxAttempts").asInt(3)) {
        ObjectNode next = counts.isObject() ? ((ObjectNode) counts).deepCopy() : JsonNodeFactory.instance.objectNode();
        next.put(Integer.toString(i), done + 1);
        out.put(Vars.ASL_ERROR_ACTION, "retry");
        out.put(Vars.ASL_RETRY_DELAY, delay(r, done).toString());
        out.put(Vars.ASL_RETRY_COUNTS, next);
        return out;
      }
      break;
    }
    for (JsonNode c : state.path("Catch")) {
      if (matches(c.path("ErrorEquals"), error)) {
        // An absent name or cause (a Fail state without Error or Cause, a timeout) is left out, as
        // Step Functions' failure events leave it out (LocalStack's AWS-validated state_fail.py).
        ObjectNode errorOutput = JsonNodeFactory.instance.objectNode();
        if (error != null) {
          errorOutput.put("Error", visible(error));
        }
        if (cause != null) {
          errorOutput.put("Cause", cause);
        }
        JsonNode resultPath = c.path("ResultPath");
        out.put(Vars.ASL_ERROR_ACTION, "catch");
        out.put(Vars.ASL_CATCH_NEXT, c.path("Next").asText());
        if (io.flowport.runtime.asl.JsonataFlow.is(state)) {
          // JSONata: Output (default: the error output) and Assign over $states.input and $states.errorOutput.
          out.put(Vars.PAYLOAD, io.flowport.runtime.asl.JsonataFlow.catchOutput(c, payload, errorOutput, ctx));
          var vars = io.flowport.runtime.asl.JsonataFlow.assign(c.get("Assign"),
              io.flowport.runtime.asl.Jsonata.States.of(payload, ctx).withErrorOutput(errorOutput), name);
          if (vars != null) {
            out.put(Vars.ASL_VARS, vars);
          }
          return out;
        }
        out.put(Vars.PAYLOAD, flow.stateOutput(payload, errorOutput,
            resultPath.isTextual() ? resultPath.asText() : null, resultPath.isNull(), null));
        // $ in a Catcher's Assign is the error output (LocalStack's AWS-recorded assign_in_catch).
        var vars = flow.assign(c.get("Assign"), errorOutput, ctx, name);
        if (vars != null) {
          out.put(Vars.ASL_VARS, vars);
        }
        return out;
      }
    }
    out.put(Vars.ASL_ERROR_ACTION, "fail");
    if (error != null && !visible(error).equals(error)) {
      out.put(Vars.ERROR, visible(error));
    }
    return out;
  }

  /**
   * The error name Step Functions reports: a heartbeat timeout is States.Timeout in its execution
   * history (LocalStack's AWS-recorded test_heartbeats: TaskTimedOut, error States.Timeout); only
   * an ErrorEquals of States.HeartbeatTimeout tells it apart.
   */
  static String visible(String error) {
    return HEARTBEAT_TIMEOUT.equals(error) ? "States.Timeout" : error;
  }

  /**
   * Step Functions' matching: the name itself, States.ALL, or States.TaskFailed for all but timeouts.
   * A heartbeat timeout is a kind of States.Timeout (AWS: States.Timeout is raised when a task "ran
   * longer than the TimeoutSeconds value, or failed to send a heartbeat"), so "States.Timeout" matches
   * it and States.TaskFailed does not; "States.HeartbeatTimeout" matches it alone.
   */
  static boolean matches(JsonNode errorEquals, String error) {
    if (error == null) {
      // A Fail state without Error: no name to compare; the wildcards take it.
      for (JsonNode e : errorEquals) {
        if (e.asText().equals("States.ALL") || e.asText().equals("States.TaskFailed")) {
          return true;
        }
      }
      return false;
    }
    if (TERMINAL.contains(error)) {
      return false;
    }
    boolean timeout = error.equals("States.Timeout") || error.equals(HEARTBEAT_TIMEOUT);
    for (JsonNode e : errorEquals) {
      String name = e.asText();
      if (name.equals(error) || name.equals("States.ALL")
          || name.equals("States.Timeout") && timeout
          || name.equals("States.TaskFailed") && !timeout) {
        return true;
      }
    }
    return false;
  }

  private Duration delay(JsonNode r, int attemptsDone) {
    double seconds = r.path("IntervalSeconds").asDouble(1) * Math.pow(r.path("BackoffRate").asDouble(2.0), attemptsDone);
    if (r.has("MaxDelaySeconds")) {
      seconds = Math.min(seconds, r.get("MaxDelaySeconds").asDouble());
    }
    if ("FULL".equals(r.path("JitterStrategy").asText())) {
      seconds = seconds * random.getAsDouble();
    }
    return Duration.ofMillis(Math.round(seconds * 1000));
  }
}
