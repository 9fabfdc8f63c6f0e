package io.flowport.compose;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parts of a compose service that come in more than one form. */
final class ComposeModel {

  private ComposeModel() {}

  record Port(int host, int container) {}

  /** "8088:8080", "127.0.0.1:8088:8080" or the long form with target and published. */
  static List<Port> ports(JsonNode service) {
    List<Port> ports = new ArrayList<>();
    for (JsonNode p : service.path("ports")) {
      if (p.isObject()) {
        ports.add(new Port(p.path("published").asInt(), p.path("target").asInt()));
      } else {
        String[] parts = p.asText().replaceFirst("/.*", "").split(":");
        int container = Integer.parseInt(parts[parts.length - 1]);
        ports.add(new Port(parts.length > 1 ? Integer.parseInt(parts[parts.length - 2]) : container, container));
      }
    }
    return ports;
  }

  static boolean isFlowport(JsonNode service) {
    return service.path("image").asText().startsWith("flowport:");
  }

  static List<String> strings(JsonNode node) {
    List<String> list = new ArrayList<>();
    if (node.isTextual()) {
      list.addAll(List.of(node.asText().trim().split("\\s+")));
    } else {
      node.forEach(n -> list.add(n.asText()));
    }
    return list;
  }

  /** A service's environment, as a map or a list of NAME=value. */
  record Environment(Map<String, String> variables) {
    static Environment of(JsonNode node) {
      Map<String, String> vars = new LinkedHashMap<>();
      if (node.isObject()) {
        node.fields().forEachRemaining(e -> vars.put(e.getKey(), e.getValue().asText()));
      } else {
        for (JsonNode n : node) {
          String[] kv = n.asText().split("=", 2);
          vars.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
      }
      return new Environment(vars);
    }
  }
}
