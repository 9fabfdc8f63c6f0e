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

  private Templates() {}
}
