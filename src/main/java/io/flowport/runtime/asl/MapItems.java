package io.flowport.runtime.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Map state's iterations: the array ItemsPath selects in the effective input, each item through
 * ItemSelector (or its older name Parameters) with {@code $$.Map.Item.Index/Value} set.
 */
public final class MapItems {

  /** The iterations' inputs, in item order. */
  public static ArrayNode inputs(DataFlow flow, JsonNode state, JsonNode stateInput, ContextObject ctx) {
    JsonNode effective = effective(flow, state, stateInput, ctx);
    String itemsPath = state.path("ItemsPath").asText("$");
    JsonNode items = JsonPaths.read(itemsPath, effective, ctx);
    if (!items.isArray()) {
      throw AslRuntimeException.runtime("Invalid path '" + itemsPath + "' : the Map state's ItemsPath must select a JSON array, "
          + "but it selects " + Json.compact(items));
    }
    JsonNode selector = state.has("ItemSelector") ? state.get("ItemSelector") : state.get("Parameters");
    ArrayNode out = Json.NODES.arrayNode();
    for (int i = 0; i < items.size(); i++) {
      out.add(selector == null ? items.get(i) : flow.payload(selector, effective, withItem(ctx, i, items.get(i))));
    }
    return out;
  }

  /**
   * The iterations' inputs in batches of {@code size} (0: one batch of all), or of the size
   * MaxConcurrencyPath selects when {@code size} is null.
   */
  public static ArrayNode batches(DataFlow flow, JsonNode state, JsonNode stateInput, ContextObject ctx, Integer size) {
    ArrayNode items = inputs(flow, state, stateInput, ctx);
    int n = size != null ? size : maxConcurrency(state.get("MaxConcurrencyPath").asText(), effective(flow, state, stateInput, ctx), ctx);
    return batches(items, n);
  }

  /** Iteration inputs in batches of {@code n} (0: one batch of all). */
  public static ArrayNode batches(ArrayNode items, int n) {
    ArrayNode out = Json.NODES.arrayNode();
    int per = n == 0 ? Math.max(1, items.size()) : n;
    for (int i = 0; i < items.size(); i += per) {
      ArrayNode batch = out.addArray();
      for (int j = i; j < Math.min(items.size(), i + per); j++) {
        batch.add(items.get(j));
      }
    }
    return out;
  }

  private static int maxConcurrency(String path, JsonNode effective, ContextObject ctx) {
    JsonNode v = JsonPaths.read(path, effective, ctx);
    if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 0) {
      throw AslRuntimeException.runtime("Invalid path '" + path + "' : MaxConcurrencyPath must select a non-negative integer, "
          + "but it selects " + Json.compact(v));
    }
    return v.asInt();
  }

  private static JsonNode effective(DataFlow flow, JsonNode state, JsonNode stateInput, ContextObject ctx) {
    JsonNode inputPath = state.path("InputPath");
    return flow.effectiveInput(stateInput, inputPath.isTextual() ? inputPath.textValue() : null, inputPath.isNull(), null, ctx);
  }

  private static ContextObject withItem(ContextObject ctx, int index, JsonNode value) {
    ObjectNode json = ctx.json().deepCopy();
    ObjectNode item = json.putObject("Map").putObject("Item");
    item.put("Index", index);
    item.set("Value", value);
    return new ContextObject(json);
  }

  private MapItems() {}
}
