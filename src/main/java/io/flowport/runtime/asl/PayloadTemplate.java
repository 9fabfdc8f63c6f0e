package io.flowport.runtime.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Parameters, ItemSelector and ResultSelector: fields ending in {@code .$} take a path or intrinsic. */
final class PayloadTemplate {

  private PayloadTemplate() {}

  static JsonNode evaluate(JsonNode template, JsonNode input, ContextObject ctx, Intrinsics intrinsics) {
    if (template.isObject()) {
      ObjectNode out = Json.NODES.objectNode();
      for (Map.Entry<String, JsonNode> e : template.properties()) {
        String key = e.getKey();
        if (key.endsWith(".$")) {
          out.set(key.substring(0, key.length() - 2), dynamic(key, e.getValue(), input, ctx, intrinsics));
        } else {
          out.set(key, evaluate(e.getValue(), input, ctx, intrinsics));
        }
      }
      return out;
    }
    if (template.isArray()) {
      ArrayNode out = Json.NODES.arrayNode();
      template.forEach(item -> out.add(evaluate(item, input, ctx, intrinsics)));
      return out;
    }
    return template.deepCopy();
  }

  private static JsonNode dynamic(String field, JsonNode value, JsonNode input, ContextObject ctx,
      Intrinsics intrinsics) {
    if (!value.isTextual()) {
      throw AslRuntimeException.runtime("The value for the field '" + field
          + "' must be a valid JSONPath or a valid intrinsic function call");
    }
    String text = value.textValue();
    if (Intrinsics.isIntrinsic(text)) {
      return intrinsics.evaluate(text, input, ctx, field);
    }
    return readField(text, input, ctx, field);
  }

  /** Reads a path for a template field, failing with the cause AWS gives for that field. */
  static JsonNode readField(String path, JsonNode input, ContextObject ctx, String field) {
    try {
      return JsonPaths.find(path, input, ctx);
    } catch (JsonPaths.NotFound e) {
      if (e.undefinedVariable != null) {
        throw Variables.undefined(path, field, e.undefinedVariable);
      }
      throw AslRuntimeException.runtime("The JSONPath '" + path + "' specified for the field '" + field
          + "' could not be found in the input '" + Json.compact(e.context ? ctx.json() : input) + "'");
    }
  }
}
