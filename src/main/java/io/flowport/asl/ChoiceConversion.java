package io.flowport.asl;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.contract.Headers;
import io.flowport.contract.JobTypes;
import io.flowport.ir.Call;
import io.flowport.ir.Step;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Choice state → a job that evaluates the rules with Step Functions' semantics (a missing Variable
 * fails with States.Runtime, no match without Default fails with States.NoChoiceMatched) and an
 * exclusive gateway that routes on the state it names.
 */
final class ChoiceConversion {

  private static final Set<String> KNOWN = Set.of("Type", "Comment", "Choices", "Default", "InputPath", "OutputPath",
      "Assign", "Output", "QueryLanguage");
  private static final Set<String> NOT_YET = Set.of();

  static Step convert(AslContext ctx, String name, JsonNode state) {
    Unsupported.fields(ctx, name, state, KNOWN, NOT_YET);
    Map<String, String> h = new LinkedHashMap<>();
    h.put(Headers.SOURCE, name);
    h.put(Headers.DIALECT, "asl");
    h.put(Headers.ASL_STATE, TaskConversion.json(state));
    Call decide = Call.of(JobTypes.ASL_CHOICE, "Evaluate rules", h);
    var targets = AslStates.successors(state);
    ctx.report().converted(name + ": Choice with " + state.get("Choices").size() + " rule(s)"
        + (state.has("Default") ? " and a Default" : "") + " → rules job " + JobTypes.ASL_CHOICE + " + exclusive gateway");
    return new Step.Choice(name, ctx.doc().at(name, null), decide, targets);
  }

  private ChoiceConversion() {}
}
