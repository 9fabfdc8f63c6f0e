package io.flowport.asl;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.contract.Headers;
import io.flowport.contract.JobTypes;
import io.flowport.diag.BadInputException;
import io.flowport.ir.Call;
import io.flowport.ir.Step;
import java.time.Duration;
import java.util.LinkedHashMap;
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
            "InputPath", "OutputPath", "Next", "End"), Set.of("Assign", "Output", "QueryLanguage"));
        boolean identity = !(state.has("Parameters") || state.has("Result") || state.has("ResultPath")
            || state.has("InputPath") || state.has("OutputPath"));
        ctx.report().converted(name + ": Pass → " + (identity ? "none intermediate event" : "data-flow job " + JobTypes.ASL_PASS));
        yield new Step.Pass(name, ctx.doc().at(name, null), identity ? null : transform(name, state), next);
      }
      case "Succeed" -> {
        Unsupported.fields(ctx, name, state, Set.of("Type", "Comment", "InputPath", "OutputPath"),
            Set.of("Output", "QueryLanguage"));
        boolean identity = !(state.has("InputPath") || state.has("OutputPath"));
        ctx.report().converted(name + ": Succeed → end event");
        yield new Step.Succeed(name, ctx.doc().at(name, null), identity ? null : transform(name, state));
      }
      case "Fail" -> {
        Unsupported.fields(ctx, name, state, Set.of("Type", "Comment", "Error", "Cause"),
            Set.of("ErrorPath", "CausePath", "QueryLanguage"));
        ctx.report().converted(name + ": Fail → error end event");
        yield new Step.Fail(name, ctx.doc().at(name, null), text(ctx, name, state, "Error"), text(ctx, name, state, "Cause"));
      }
      case "Wait" -> {
        Unsupported.fields(ctx, name, state, Set.of("Type", "Comment", "Seconds", "InputPath", "OutputPath", "Next", "End"),
            Set.of("SecondsPath", "Timestamp", "TimestampPath", "Assign", "Output", "QueryLanguage"));
        JsonNode seconds = state.get("Seconds");
        if (seconds == null || !seconds.isIntegralNumber() || !seconds.canConvertToInt() || seconds.asInt() < 0) {
          throw new BadInputException(ctx.doc().at(name, "Seconds"), "Wait state '" + name + "' needs Seconds, a non-negative integer");
        }
        if (next == null) {
          throw Unsupported.field(ctx, name, "End");
        }
        boolean identity = !(state.has("InputPath") || state.has("OutputPath"));
        ctx.report().converted(name + ": Wait " + seconds.asInt() + " s → timer intermediate catch event");
        yield new Step.Delay(name, ctx.doc().at(name, null), Duration.ofSeconds(seconds.asInt()),
            identity ? null : transform(name, state), next);
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

  private static String text(AslContext ctx, String name, JsonNode state, String field) {
    JsonNode v = state.get(field);
    if (v != null && !v.isTextual()) {
      throw new BadInputException(ctx.doc().at(name, field), field + " of state '" + name + "' must be a string");
    }
    return v == null ? null : v.asText();
  }

  private FlowConversion() {}
}
