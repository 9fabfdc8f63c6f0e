package io.flowport.asl;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.contract.Headers;
import io.flowport.contract.JobTypes;
import io.flowport.diag.BadInputException;
import io.flowport.ir.Call;
import io.flowport.ir.Step;
import io.flowport.runtime.asl.AslSyntaxException;
import io.flowport.runtime.asl.Intrinsics;
import io.flowport.runtime.asl.Jsonata;
import io.flowport.runtime.asl.JsonPaths;
import io.flowport.runtime.asl.Timestamps;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Pass, Succeed, Fail and Wait states: control flow with, at most, a data-flow job. */
final class FlowConversion {

  static Step convert(AslContext ctx, String name, JsonNode state) {
    String type = AslStates.type(state);
    String next = state.has("Next") ? state.get("Next").asText() : null;
    return switch (type) {
      case "Pass" -> {
        Unsupported.fields(ctx, name, state, Set.of("Type", "Comment", "Parameters", "Result", "ResultPath",
            "InputPath", "OutputPath", "Next", "End", "Assign", "Output", "QueryLanguage"), Set.of());
        boolean identity = !(state.has("Parameters") || state.has("Result") || state.has("ResultPath")
            || state.has("InputPath") || state.has("OutputPath") || state.has("Assign") || state.has("Output"));
        ctx.report().converted(name + ": Pass → " + (identity ? "none intermediate event" : "data-flow job " + JobTypes.ASL_PASS));
        yield new Step.Pass(name, ctx.doc().at(name, null), identity ? null : transform(name, state), next);
      }
      case "Succeed" -> {
        Unsupported.fields(ctx, name, state, Set.of("Type", "Comment", "InputPath", "OutputPath", "Output", "QueryLanguage"),
            Set.of());
        boolean identity = !(state.has("InputPath") || state.has("OutputPath") || state.has("Output"));
        ctx.report().converted(name + ": Succeed → end event");
        yield new Step.Succeed(name, ctx.doc().at(name, null), identity ? null : transform(name, state));
      }
      case "Fail" -> {
        Unsupported.fields(ctx, name, state, Set.of("Type", "Comment", "Error", "Cause", "ErrorPath", "CausePath", "QueryLanguage"),
            Set.of());
        exclusive(ctx, name, state, "Error", "ErrorPath");
        exclusive(ctx, name, state, "Cause", "CausePath");
        String errorPath = path(ctx, name, state, "ErrorPath", true);
        String causePath = path(ctx, name, state, "CausePath", true);
        // A JSONata Fail state's Error and Cause may be expressions: the same job computes them.
        boolean expressions = Jsonata.isExpression(state.get("Error")) || Jsonata.isExpression(state.get("Cause"));
        boolean dynamic = errorPath != null || causePath != null || expressions;
        ctx.report().converted(name + ": Fail → " + (dynamic ? "job " + JobTypes.ASL_PASS + " for "
            + (expressions ? "the Error/Cause expressions" : "ErrorPath/CausePath") + ", then " : "") + "error end event");
        yield new Step.Fail(name, ctx.doc().at(name, null), text(ctx, name, state, "Error"), text(ctx, name, state, "Cause"),
            dynamic ? transform(name, state) : null);
      }
      case "Wait" -> {
        Unsupported.fields(ctx, name, state, Set.of("Type", "Comment", "Seconds", "SecondsPath", "Timestamp", "TimestampPath",
            "InputPath", "OutputPath", "Next", "End", "Assign", "Output", "QueryLanguage"), Set.of());
        List<String> given = WAIT_FIELDS.stream().filter(state::has).toList();
        if (given.size() != 1) {
          throw new BadInputException(ctx.doc().at(name, given.size() > 1 ? given.get(1) : null),
              "Wait state '" + name + "' needs exactly one of " + String.join(", ", WAIT_FIELDS)
                  + (given.isEmpty() ? "" : ", not " + String.join(" and ", given)));
        }
        boolean identity = !(state.has("InputPath") || state.has("OutputPath") || state.has("Assign") || state.has("Output"));
        if (state.has("Seconds") && !Jsonata.isExpression(state.get("Seconds"))) {
          JsonNode seconds = state.get("Seconds");
          if (!seconds.isIntegralNumber() || !seconds.canConvertToInt() || seconds.asInt() < 0) {
            throw new BadInputException(ctx.doc().at(name, "Seconds"), "Seconds of Wait state '" + name + "' must be a non-negative integer");
          }
          ctx.report().converted(name + ": Wait " + seconds.asInt() + " s → timer intermediate catch event");
          yield new Step.Delay(name, ctx.doc().at(name, null), Duration.ofSeconds(seconds.asInt()),
              identity ? null : transform(name, state), next);
        }
        if (state.has("Timestamp") && !Jsonata.isExpression(state.get("Timestamp"))) {
          JsonNode ts = state.get("Timestamp");
          if (!ts.isTextual() || !Timestamps.isRfc3339(ts.asText())) {
            throw new BadInputException(ctx.doc().at(name, "Timestamp"), "Timestamp of Wait state '" + name
                + "' must be an RFC 3339 timestamp such as 2026-03-14T01:59:00Z");
          }
        } else if (given.get(0).endsWith("Path")) {
          path(ctx, name, state, given.get(0), false);
        }
        ctx.report().converted(name + ": Wait " + given.get(0) + " → job " + JobTypes.ASL_PASS
            + " computing the wait from the clock, then a timer intermediate catch event");
        yield new Step.Delay(name, ctx.doc().at(name, null), null, transform(name, state), next);
      }
      default -> throw new IllegalStateException(type);
    };
  }

  private static Call transform(String name, JsonNode state) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put(Headers.SOURCE, name);
    h.put(Headers.DIALECT, "asl");
    h.put(Headers.ASL_STATE, TaskConversion.json(state));
    return Call.of(JobTypes.ASL_PASS, "Apply data flow", h);
  }

  private static final List<String> WAIT_FIELDS = List.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath");

  private static void exclusive(AslContext ctx, String name, JsonNode state, String a, String b) {
    if (state.has(a) && state.has(b)) {
      throw new BadInputException(ctx.doc().at(name, b), "state '" + name + "' has both " + a + " and " + b + "; keep one");
    }
  }

  /** A reference path (or, where ASL allows one, an intrinsic function), checked for syntax. */
  private static String path(AslContext ctx, String name, JsonNode state, String field, boolean intrinsicAllowed) {
    String p = text(ctx, name, state, field);
    if (p == null) {
      return null;
    }
    boolean intrinsic = intrinsicAllowed && p.startsWith("States.");
    if (!intrinsic && !p.startsWith("$")) {
      throw new BadInputException(ctx.doc().at(name, field), field + " of state '" + name + "' must be a reference path starting with $"
          + (intrinsicAllowed ? " or an intrinsic function" : "") + ", not '" + p + "'");
    }
    try {
      if (intrinsic) {
        Intrinsics.validate(p);
      } else {
        JsonPaths.validate(p, true);
      }
    } catch (AslSyntaxException e) {
      throw new BadInputException(ctx.doc().at(name, field), field + " of state '" + name + "' is not valid: " + e.getMessage());
    }
    return p;
  }

  private static String text(AslContext ctx, String name, JsonNode state, String field) {
    JsonNode v = state.get(field);
    if (v != null && !v.isTextual()) {
      throw new BadInputException(ctx.doc().at(name, field), field + " of state '" + name + "' must be a string");
    }
    return v == null ? null : v.asText();
  }

  private FlowConversion() {}
}
