package io.flowport.airflow.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.airflow.parse.PyValue.*;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Converts values the way {@code json.dumps} would, refusing anything it would refuse. */
final class PyJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private PyJson() {}

  static Optional<JsonNode> toJson(PyValue value) {
    return Optional.ofNullable(convert(value));
  }

  private static JsonNode convert(PyValue value) {
    return switch (value) {
      case PyStr s -> NODES.textNode(s.value());
      case PyInt i -> integer(i.value());
      case PyFloat f -> Double.isFinite(f.value()) ? NODES.numberNode(f.value()) : null;
      case PyBool b -> NODES.booleanNode(b.value());
      case PyNone n -> NODES.nullNode();
      case PyList l -> array(l.items());
      case PyTuple t -> array(t.items());
      case PyDict d -> object(d.entries());
      case PySet s -> null;
      case PyTimedelta t -> null;
      case PyDateTime t -> null;
      case PyRef r -> null;
      case PyDynamic d -> null;
      case PyXcom x -> null;
    };
  }

  // The narrowest node, as Jackson itself reads numbers, so trees compare equal.
  private static JsonNode integer(java.math.BigInteger value) {
    if (value.bitLength() < 32) {
      return NODES.numberNode(value.intValue());
    }
    return value.bitLength() < 64 ? NODES.numberNode(value.longValue()) : NODES.numberNode(value);
  }

  private static ArrayNode array(List<PyValue> items) {
    ArrayNode array = NODES.arrayNode();
    for (PyValue item : items) {
      JsonNode node = convert(item);
      if (node == null) {
        return null;
      }
      array.add(node);
    }
    return array;
  }

  private static ObjectNode object(Map<PyValue, PyValue> entries) {
    ObjectNode object = NODES.objectNode();
    for (Map.Entry<PyValue, PyValue> e : entries.entrySet()) {
      String key = key(e.getKey());
      JsonNode node = convert(e.getValue());
      if (key == null || node == null) {
        return null;
      }
      object.set(key, node);
    }
    return object;
  }

  // json.dumps turns int, float, bool and None keys into strings; other keys are a TypeError.
  private static String key(PyValue key) {
    return switch (key) {
      case PyStr s -> s.value();
      case PyInt i -> i.value().toString();
      case PyBool b -> b.value() ? "true" : "false";
      case PyNone n -> "null";
      case PyFloat f -> Double.isFinite(f.value()) ? PyText.str(f) : null;
      default -> null;
    };
  }
}
