package io.flowport.asl;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.contract.Headers;
import io.flowport.contract.JobTypes;
import io.flowport.diag.BadInputException;
import io.flowport.ir.Call;
import io.flowport.report.Code;
import io.flowport.runtime.asl.AslSyntaxException;
import io.flowport.runtime.asl.JsonPaths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Task state's Retry and Catch, checked as Step Functions checks them when a machine is created,
 * and turned into the job that decides, error by error, what happens next (see
 * {@code runtime.AslErrors}): Step Functions takes the first Retrier, then the first Catcher,
 * whose ErrorEquals matches, which a single catch-all boundary followed by that job reproduces.
 */
final class ErrorHandling {

  private static final Set<String> RETRIER_FIELDS = Set.of("ErrorEquals", "IntervalSeconds", "MaxAttempts",
      "BackoffRate", "MaxDelaySeconds", "JitterStrategy", "Comment");
  private static final Set<String> CATCHER_FIELDS = Set.of("ErrorEquals", "Next", "ResultPath", "Comment", "Assign",
      "Output");

  /** The deciding job, or null when the state has neither Retry nor Catch. */
  static Call call(AslContext ctx, String name, JsonNode state) {
    if (!state.has("Retry") && !state.has("Catch")) {
      return null;
    }
    String at = ctx.doc().pointer(name);
    if (state.has("Retry")) {
      JsonNode retry = state.get("Retry");
      if (!retry.isArray()) {
        throw new BadInputException(ctx.doc().at(at + "/Retry"), "Retry of '" + name + "' must be an array");
      }
      for (int i = 0; i < retry.size(); i++) {
        retrier(ctx, name, retry.get(i), at + "/Retry/" + i, i == retry.size() - 1);
      }
    }
    if (state.has("Catch")) {
      JsonNode catchers = state.get("Catch");
      for (int i = 0; i < catchers.size(); i++) {
        catcher(ctx, name, catchers.get(i), at + "/Catch/" + i, i == catchers.size() - 1);
      }
    }
    Map<String, String> h = new LinkedHashMap<>();
    h.put(Headers.SOURCE, name);
    h.put(Headers.DIALECT, "asl");
    h.put(Headers.ASL_STATE, TaskConversion.json(state));
    ctx.report().add(Code.ASL_RETRY_CATCH, ctx.doc().at(name, state.has("Retry") ? "Retry" : "Catch"), name,
        "Retry/Catch became a catch-all error boundary and a job that applies the first matching Retrier (back-off with a "
            + "timer, the whole task run again) or Catcher, in Step Functions' order", null);
    return Call.of(JobTypes.ASL_ERROR, "Retry or catch", h);
  }

  /** The Catchers' Next states, in order, without repeats. */
  static List<String> catchTargets(JsonNode state) {
    List<String> out = new ArrayList<>();
    for (JsonNode c : state.path("Catch")) {
      String next = c.path("Next").asText();
      if (!out.contains(next)) {
        out.add(next);
      }
    }
    return out;
  }

  private static void retrier(AslContext ctx, String name, JsonNode r, String at, boolean last) {
    fields(ctx, name, r, at, RETRIER_FIELDS, "retrier");
    errorEquals(ctx, name, r, at, last);
    positiveInt(ctx, r, at, "IntervalSeconds", 1);
    positiveInt(ctx, r, at, "MaxDelaySeconds", 1);
    if (r.has("MaxAttempts") && (!r.get("MaxAttempts").isIntegralNumber() || r.get("MaxAttempts").asLong() < 0)) {
      throw new BadInputException(ctx.doc().at(at + "/MaxAttempts"), "MaxAttempts must be an integer of 0 or more");
    }
    if (r.has("BackoffRate") && (!r.get("BackoffRate").isNumber() || r.get("BackoffRate").asDouble() < 1.0)) {
      throw new BadInputException(ctx.doc().at(at + "/BackoffRate"), "BackoffRate must be a number of 1.0 or more");
    }
    if (r.has("JitterStrategy") && !Set.of("FULL", "NONE").contains(r.get("JitterStrategy").asText())) {
      throw new BadInputException(ctx.doc().at(at + "/JitterStrategy"), "JitterStrategy must be FULL or NONE");
    }
  }

  private static void catcher(AslContext ctx, String name, JsonNode c, String at, boolean last) {
    fields(ctx, name, c, at, CATCHER_FIELDS, "catcher");
    errorEquals(ctx, name, c, at, last);
    JsonNode resultPath = c.get("ResultPath");
    if (resultPath != null && !resultPath.isNull()) {
      try {
        JsonPaths.validate(resultPath.asText(), true);
      } catch (AslSyntaxException e) {
        throw new BadInputException(ctx.doc().at(at + "/ResultPath"), "ResultPath is not a reference path: " + e.getMessage());
      }
    }
  }

  private static void errorEquals(AslContext ctx, String name, JsonNode n, String at, boolean last) {
    JsonNode errors = n.get("ErrorEquals");
    if (errors == null || !errors.isArray() || errors.isEmpty()) {
      throw new BadInputException(ctx.doc().at(at), "ErrorEquals must be a non-empty array of error names");
    }
    for (JsonNode e : errors) {
      if (!e.isTextual()) {
        throw new BadInputException(ctx.doc().at(at + "/ErrorEquals"), "ErrorEquals must hold error names (strings)");
      }
      if (e.asText().equals("States.ALL") && (errors.size() > 1 || !last)) {
        throw new BadInputException(ctx.doc().at(at + "/ErrorEquals"),
            "States.ALL must appear alone, in the last retrier or catcher of '" + name + "'");
      }
    }
  }

  private static void positiveInt(AslContext ctx, JsonNode n, String at, String field, int min) {
    if (n.has(field) && (!n.get(field).isIntegralNumber() || n.get(field).asLong() < min)) {
      throw new BadInputException(ctx.doc().at(at + "/" + field), field + " must be an integer of " + min + " or more");
    }
  }

  private static void fields(AslContext ctx, String name, JsonNode n, String at, Set<String> known, String what) {
    if (!n.isObject()) {
      throw new BadInputException(ctx.doc().at(at), "each " + what + " of '" + name + "' must be an object");
    }
    n.fieldNames().forEachRemaining(f -> {
      if (!known.contains(f)) {
        throw new BadInputException(ctx.doc().at(at + "/" + f), "unknown field '" + f + "' in a " + what + " of '" + name + "'");
      }
    });
  }

  private ErrorHandling() {}
}
