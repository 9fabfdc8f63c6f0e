package io.flowport.runtime.asl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Map;

/** Jackson helpers shared by the package. */
final class Json {

  static final ObjectMapper MAPPER = new ObjectMapper();
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  /** Compact JSON text, as AWS prints inputs in causes. */
  static String compact(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node == null ? NullNode.getInstance() : node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A Jayway result (JsonNode or unwrapped Java value) as a JsonNode. */
  static JsonNode toNode(Object value) {
    if (value == null) {
      return NullNode.getInstance();
    }
    if (value instanceof JsonNode node) {
      return node;
    }
    return MAPPER.valueToTree(value);
  }

  /** JSON equality with numbers compared by value, so 1 and 1.0 are equal. */
  static boolean same(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!same(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> e : a.properties()) {
        JsonNode other = b.get(e.getKey());
        if (other == null || !same(e.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  /**
   * The value as Java's toString of the equivalent Map/List prints it; AWS's States.Format renders
   * objects this way ({@code {Arg1=1, Arg2=[]}}).
   */
  static String javaText(JsonNode node) {
    if (node == null || node.isNull()) {
      return "null";
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isArray()) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < node.size(); i++) {
        sb.append(i == 0 ? "" : ", ").append(javaText(node.get(i)));
      }
      return sb.append(']').toString();
    }
    if (node.isObject()) {
      StringBuilder sb = new StringBuilder("{");
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        sb.append(sb.length() == 1 ? "" : ", ").append(e.getKey()).append('=').append(javaText(e.getValue()));
      }
      return sb.append('}').toString();
    }
    return node.asText();
  }
}
