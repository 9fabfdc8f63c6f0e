package io.flowport.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.contract.Headers;
import io.flowport.contract.JobTypes;
import io.flowport.ir.Call;
import io.flowport.ir.StateGraph;
import io.flowport.ir.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parallel state → branches between a parallel split and join, inside the state's subprocess. */
final class ParallelConversion {

  private static final Set<String> KNOWN = Set.of("Type", "Comment", "Branches", "Next", "End", "InputPath",
      "OutputPath", "Parameters", "ResultSelector", "ResultPath", "Retry", "Catch", "Assign", "Arguments", "Output", "QueryLanguage");
  private static final Set<String> NOT_YET = Set.of();

  static Step convert(AslContext ctx, String name, JsonNode state) {
    Unsupported.fields(ctx, name, state, KNOWN, NOT_YET);
    List<StateGraph> branches = new ArrayList<>();
    for (int i = 0; i < state.get("Branches").size(); i++) {
      String pointer = ctx.doc().pointer(name) + "/Branches/" + i;
      Unsupported.scopeFields(ctx, pointer, state.get("Branches").get(i), Set.of("StartAt", "States", "Comment"));
      branches.add(GraphConversion.convert(ctx, ctx.doc().scope(pointer)));
    }
    JsonNode own = withoutChildren(state);
    Map<String, String> h = headers(name, own);
    h.put(Headers.ASL_BRANCHES, Integer.toString(branches.size()));
    ctx.report().converted(name + ": Parallel → subprocess with " + branches.size()
        + " branch subprocesses between a parallel split and join; jobs " + JobTypes.ASL_ITEMS + " and " + JobTypes.ASL_COLLECT
        + " apply its data flow");
    String next = state.has("Next") ? state.get("Next").asText() : null;
    return new Step.Parallel(name, ctx.doc().at(name, null), Call.of(JobTypes.ASL_ITEMS, "Branch input", h), branches,
        Call.of(JobTypes.ASL_COLLECT, "Collect branch outputs", h), next, ErrorHandling.call(ctx, name, own),
        ErrorHandling.catchTargets(state));
  }

  /** The state's own JSON without its nested states: what its data-flow jobs need, kept small. */
  static JsonNode withoutChildren(JsonNode state) {
    ObjectNode copy = state.deepCopy();
    copy.remove(List.of("Branches", "ItemProcessor", "Iterator"));
    return copy;
  }

  static Map<String, String> headers(String name, JsonNode own) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put(Headers.SOURCE, name);
    h.put(Headers.DIALECT, "asl");
    h.put(Headers.ASL_STATE, TaskConversion.json(own));
    return h;
  }

  private ParallelConversion() {}
}
