package io.flowport.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.runtime.asl.ContextObject;
import io.flowport.runtime.asl.DataFlow;
import io.flowport.runtime.asl.JsonPaths;

/**
 * The catalogs' adapter language: a JSONPath string selects a value, an object is an ASL payload
 * template ({@code "Key.$": "$.path"} or an intrinsic function). The same for every dialect.
 */
final class Templates {

  static JsonNode apply(DataFlow flow, JsonNode template, JsonNode input) {
    if (template.isTextual() && template.asText().startsWith("$")) {
      return JsonPaths.read(template.asText(), input, ContextObject.empty());
    }
    return flow.payload(template, input, ContextObject.empty());
  }

  /** The same, with {@code $$.Request} reading the call's request (a result adapter's second input). */
  static JsonNode apply(DataFlow flow, JsonNode template, JsonNode input, JsonNode request) {
    com.fasterxml.jackson.databind.node.ObjectNode ctx = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    ctx.set("Request", request);
    return apply(flow, template, input, ctx);
  }

  /** The context a request adapter reads a lookup's result from, as {@code $$.Found}. */
  static com.fasterxml.jackson.databind.node.ObjectNode found(JsonNode found) {
    com.fasterxml.jackson.databind.node.ObjectNode ctx = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    ctx.set("Found", found);
    return ctx;
  }

  /** The same, with {@code $$} reading {@code context} (e.g. {@code $$.Xcom}, {@code $$.Response}). */
  static JsonNode apply(DataFlow flow, JsonNode template, JsonNode input, com.fasterxml.jackson.databind.node.ObjectNode ctx) {
    ContextObject context = new ContextObject(ctx);
    if (template.isTextual() && template.asText().startsWith("$")) {
      return JsonPaths.read(template.asText(), input, context);
    }
    return flow.payload(template, input, context);
  }

  private Templates() {}
}
