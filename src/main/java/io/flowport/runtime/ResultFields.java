package io.flowport.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;

/**
 * The members of a response a task keeps: comma-separated dotted paths, {@code []} projecting
 * over a list ({@code Cluster.Status.State, Steps[].Id}), each kept at its own place so the
 * result has the response's shape. Blank keeps the whole response.
 */
final class ResultFields {

  static JsonNode select(JsonNode response, String spec) {
    if (spec == null || spec.isBlank() || !response.isObject()) {
      return response;
    }
    ObjectNode kept = JsonNodeFactory.instance.objectNode();
    for (String path : spec.split(",")) {
      List<String> parts = Arrays.stream(path.strip().split("\\.")).filter(p -> !p.isEmpty()).toList();
      if (!parts.isEmpty()) {
        copy(response, kept, parts);
      }
    }
    return kept;
  }

  private static void copy(JsonNode from, ObjectNode to, List<String> parts) {
    String part = parts.get(0);
    boolean project = part.endsWith("[]");
    String key = project ? part.substring(0, part.length() - 2) : part;
    JsonNode value = from.get(key);
    if (value == null) {
      return;
    }
    List<String> rest = parts.subList(1, parts.size());
    if (rest.isEmpty()) {
      to.set(key, value.deepCopy());
    } else if (project && value.isArray()) {
      ArrayNode items = to.get(key) instanceof ArrayNode a ? a : JsonNodeFactory.instance.arrayNode();
      for (int i = 0; i < value.size(); i++) {
        ObjectNode item = i < items.size() && items.get(i) instanceof ObjectNode o ? o : items.addObject();
        if (value.get(i).isObject()) {
          copy(value.get(i), item, rest);
        }
      }
      // A path that matched nothing in any item adds nothing.
      boolean found = false;
      for (JsonNode item : items) {
        found |= !item.isEmpty();
      }
      if (found) {
        to.set(key, items);
      }
    } else if (value.isObject()) {
      ObjectNode child = to.get(key) instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
      copy(value, child, rest);
      if (!child.isEmpty()) {
        to.set(key, child);
      }
    }
  }

  private ResultFields() {}
}
