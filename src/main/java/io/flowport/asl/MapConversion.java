package io.flowport.asl;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.contract.Headers;
import io.flowport.contract.JobTypes;
import io.flowport.diag.BadInputException;
import io.flowport.ir.Call;
import io.flowport.ir.StateGraph;
import io.flowport.ir.Step;
import io.flowport.report.Code;
import java.util.Map;
import java.util.Set;

/**
 * Inline Map state → a multi-instance subprocess over the items. MaxConcurrency is kept exactly:
 * 0 runs every iteration at once, 1 one after another, N a sequential loop over batches of N run
 * at once (so never more than N run together; a batch waits for its slowest iteration).
 */
final class MapConversion {

  private static final Set<String> KNOWN = Set.of("Type", "Comment", "ItemProcessor", "Iterator", "ItemsPath",
      "ItemSelector", "Parameters", "MaxConcurrency", "MaxConcurrencyPath", "InputPath", "OutputPath",
      "ResultSelector", "ResultPath", "Next", "End", "Retry", "Catch", "Assign", "Items", "Output", "QueryLanguage");
  private static final Set<String> NOT_YET = Set.of("ItemReader", "ItemBatcher", "ResultWriter", "Label",
      "Arguments");
  /** A Map Run's failure threshold: Step Functions documents it for Distributed Map states only. */
  private static final java.util.List<String> DISTRIBUTED_ONLY = java.util.List.of("ToleratedFailurePercentage",
      "ToleratedFailurePercentagePath", "ToleratedFailureCount", "ToleratedFailureCountPath");

  static Step convert(AslContext ctx, String name, JsonNode state) {
    distributedOnly(ctx, name, state);
    Set<String> notYet = new java.util.HashSet<>(NOT_YET);
    notYet.addAll(DISTRIBUTED_ONLY);
    Unsupported.fields(ctx, name, state, KNOWN, notYet);
    String field = state.has("Iterator") ? "Iterator" : "ItemProcessor";
    String pointer = ctx.doc().pointer(name) + "/" + field;
    JsonNode processor = state.get(field);
    Unsupported.scopeFields(ctx, pointer, processor, Set.of("StartAt", "States", "Comment", "ProcessorConfig"));
    processorConfig(ctx, pointer, processor.get("ProcessorConfig"));
    if (state.has("ItemSelector") && state.has("Parameters")) {
      throw new BadInputException(ctx.doc().at(name, "Parameters"),
          "Map state '" + name + "' has both ItemSelector and Parameters (its older name); keep ItemSelector");
    }
    text(ctx, name, state, "ItemsPath");
    text(ctx, name, state, "MaxConcurrencyPath");
    int max = maxConcurrency(ctx, name, state);
    StateGraph iterator = GraphConversion.convert(ctx, ctx.doc().scope(pointer));
    JsonNode own = ParallelConversion.withoutChildren(state);
    Map<String, String> h = ParallelConversion.headers(name, own);
    if (max > 1 || max == Step.Map.DYNAMIC) {
      h.put(Headers.ASL_BATCH, max == Step.Map.DYNAMIC ? "path" : Integer.toString(max));
      ctx.report().add(Code.ASL_MAP_BATCHES, ctx.doc().at(name, state.has("MaxConcurrencyPath") ? "MaxConcurrencyPath" : "MaxConcurrency"), name,
          "MaxConcurrency became a sequential loop over batches of parallel iterations: never more than that many run at "
              + "once, as in Step Functions, but a batch starts only when the previous one has finished", null);
    }
    ctx.report().converted(name + ": Map → subprocess with a " + (max == 1 ? "sequential" : "parallel")
        + " multi-instance subprocess over the items; jobs " + JobTypes.ASL_ITEMS + " and " + JobTypes.ASL_COLLECT
        + " apply its data flow");
    String next = state.has("Next") ? state.get("Next").asText() : null;
    return new Step.Map(name, ctx.doc().at(name, null), Call.of(JobTypes.ASL_ITEMS, "List items", h), iterator, max,
        Call.of(JobTypes.ASL_COLLECT, "Collect iteration outputs", h), next, ErrorHandling.call(ctx, name, own),
        ErrorHandling.catchTargets(state));
  }

  /**
   * ToleratedFailure* on an inline Map: an inline Map fails at its first failed iteration, and a
   * threshold belongs to a Distributed Map's Map Run (which flowport does not run yet).
   */
  private static void distributedOnly(AslContext ctx, String name, JsonNode state) {
    JsonNode mode = state.path(state.has("Iterator") ? "Iterator" : "ItemProcessor").path("ProcessorConfig").path("Mode");
    if ("DISTRIBUTED".equals(mode.asText())) {
      return;
    }
    for (String f : DISTRIBUTED_ONLY) {
      if (state.has(f)) {
        throw new BadInputException(ctx.doc().at(name, f), f + " of Map state '" + name + "' applies to a Distributed Map"
            + " only (the tolerated failure threshold of a Map Run); this Map is inline, where any failed iteration fails"
            + " the state: remove it, or catch the error inside the ItemProcessor");
      }
    }
  }

  private static void processorConfig(AslContext ctx, String pointer, JsonNode config) {
    if (config == null) {
      return;
    }
    if (!config.isObject()) {
      throw new BadInputException(ctx.doc().at(pointer + "/ProcessorConfig"), "ProcessorConfig must be an object");
    }
    JsonNode mode = config.get("Mode");
    if (mode != null && !"INLINE".equals(mode.asText())) {
      throw new BadInputException(ctx.doc().at(pointer + "/ProcessorConfig/Mode"),
          "Map Mode " + mode.asText() + " is not supported yet: flowport runs inline Map states (Mode INLINE)");
    }
  }

  private static int maxConcurrency(AslContext ctx, String name, JsonNode state) {
    if (state.has("MaxConcurrencyPath")) {
      if (state.has("MaxConcurrency")) {
        throw new BadInputException(ctx.doc().at(name, "MaxConcurrencyPath"),
            "Map state '" + name + "' has both MaxConcurrency and MaxConcurrencyPath; keep one");
      }
      return Step.Map.DYNAMIC;
    }
    JsonNode max = state.get("MaxConcurrency");
    if (max == null) {
      return 0;
    }
    if (io.flowport.runtime.asl.Jsonata.isExpression(max)) {
      return Step.Map.DYNAMIC;
    }
    if (!max.isIntegralNumber() || !max.canConvertToInt() || max.asInt() < 0) {
      throw new BadInputException(ctx.doc().at(name, "MaxConcurrency"), "MaxConcurrency must be a non-negative integer");
    }
    return max.asInt();
  }

  private static void text(AslContext ctx, String name, JsonNode state, String field) {
    if (state.has(field) && !state.get(field).isTextual()) {
      throw new BadInputException(ctx.doc().at(name, field), field + " of state '" + name + "' must be a string (a reference path)");
    }
  }

  private MapConversion() {}
}
