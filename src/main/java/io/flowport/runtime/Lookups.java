package io.flowport.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.runtime.asl.DataFlow;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Runs a catalog {@code lookup} (see {@link io.flowport.catalog.Lookup}): lists every page, keeps
 * the items that match, and gives what {@code found} makes of the one match, for the main call's
 * request to read as {@code $$.Found}. None or several matches fail the task as the catalog says.
 */
final class Lookups {

  /** The pagination members of EMR (Marker), EMR Serverless and EMR on EKS (nextToken). */
  private static final List<String> TOKENS = List.of("Marker", "NextToken", "nextToken");

  /** The lookup, unless its {@code when} argument is absent or None (the caller gave the id itself). */
  static JsonNode wanted(JsonNode spec, JsonNode parameters) {
    if (spec == null || !spec.path("when").isTextual()) {
      return spec;
    }
    JsonNode given = parameters.path(spec.path("when").asText());
    return given.isMissingNode() || given.isNull() ? null : spec;
  }

  /** {@code {into: found}}: the arguments a lookup fills. */
  static ObjectNode into(String into, JsonNode found) {
    ObjectNode out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    out.set(into, found);
    return out;
  }

  /** The parameters with {@code into} set to what the lookup found. */
  static JsonNode filled(JsonNode parameters, String into, JsonNode found) {
    ObjectNode copy = parameters.isObject() ? ((ObjectNode) parameters).deepCopy()
        : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    copy.set(into, found);
    return copy;
  }

  static JsonNode find(EmrCall call, JsonNode spec, JsonNode parameters, DataFlow flow) {
    String api = spec.path("api").asText();
    JsonNode template = spec.get("request");
    JsonNode first = template == null || template.isNull() ? parameters : Templates.apply(flow, template, parameters);
    if (!first.isObject()) {
      throw new IllegalStateException("the catalog's lookup request for " + api + " is not an object: " + first);
    }
    ObjectNode request = ((ObjectNode) first).deepCopy();
    JsonNode want = Templates.apply(flow, spec.get("match"), parameters);
    List<JsonNode> matches = new ArrayList<>();
    while (true) {
      JsonNode page = call.call(api, request);
      for (JsonNode item : page.path(spec.path("items").asText())) {
        if (matches(item, want)) {
          matches.add(item);
        }
      }
      String token = TOKENS.stream().filter(t -> page.path(t).isTextual()).findFirst().orElse(null);
      if (token == null) {
        break;
      }
      request.put(token, page.get(token).asText());
    }
    if (matches.size() != 1) {
      JsonNode failure = spec.path(matches.isEmpty() ? "notFound" : "ambiguous");
      throw new JobFailure(failure.path("error").asText(), Acceptors.message(failure.path("cause").asText(), parameters));
    }
    JsonNode found = spec.get("found");
    return found == null || found.isNull() ? matches.get(0) : Templates.apply(flow, found, matches.get(0));
  }

  private static boolean matches(JsonNode item, JsonNode want) {
    for (Iterator<Map.Entry<String, JsonNode>> it = want.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().equals(item.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  private Lookups() {}
}
