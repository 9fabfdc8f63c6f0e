package io.flowport.runtime.asl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.runtime.asl.IntrinsicParser.Literal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.StringTokenizer;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/** The intrinsic functions themselves, on already evaluated arguments. */
final class IntrinsicFunctions {

  private static final int MAX_STRING = 10_000;
  private static final int MAX_RANGE = 1000;
  private static final Set<String> HASHES = Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

  private IntrinsicFunctions() {}

  static JsonNode apply(String name, List<JsonNode> a, Literal template, RandomGenerator random,
      Supplier<UUID> uuids) {
    return switch (name) {
      case "States.Format" -> format(a, template);
      case "States.StringToJson" -> stringToJson(name, a.get(0));
      case "States.JsonToString" -> Json.NODES.textNode(Json.compact(a.get(0)));
      case "States.Array" -> Json.NODES.arrayNode().addAll(a);
      case "States.ArrayPartition" -> partition(name, array(name, a.get(0)), rounded(name, a.get(1)));
      case "States.ArrayContains" -> Json.NODES.booleanNode(indexOf(array(name, a.get(0)), a.get(1)) >= 0);
      case "States.ArrayRange" -> range(name, truncated(name, a.get(0)), truncated(name, a.get(1)),
          truncated(name, a.get(2)));
      case "States.ArrayGetItem" -> getItem(name, array(name, a.get(0)), rounded(name, a.get(1)));
      case "States.ArrayLength" -> Json.NODES.numberNode(array(name, a.get(0)).size());
      case "States.ArrayUnique" -> unique(array(name, a.get(0)));
      case "States.Base64Encode" -> Json.NODES.textNode(Base64.getEncoder()
          .encodeToString(limited(name, a.get(0)).getBytes(StandardCharsets.UTF_8)));
      case "States.Base64Decode" -> base64Decode(name, limited(name, a.get(0)));
      case "States.Hash" -> hash(name, limited(name, a.get(0)), a.get(1));
      case "States.JsonMerge" -> merge(name, a.get(0), a.get(1), a.get(2));
      case "States.MathRandom" -> mathRandom(name, a, random);
      case "States.MathAdd" -> Json.NODES.numberNode(int32(name, int32(name, rounded(name, a.get(0)))
          + (long) int32(name, rounded(name, a.get(1)))));
      case "States.StringSplit" -> split(text(name, a.get(0)), text(name, a.get(1)));
      case "States.UUID" -> Json.NODES.textNode(uuids.get().toString());
      default -> throw invalid(name);
    };
  }

  static AslRuntimeException invalid(String name) {
    return AslRuntimeException.runtime("Invalid arguments in " + name);
  }

  /** {} placeholders take the arguments in order; \{ and \} in a literal template are plain braces. */
  private static JsonNode format(List<JsonNode> a, Literal template) {
    String name = "States.Format";
    List<String> pieces = template != null ? pieces(template.raw(), name)
        : List.of(text(name, a.get(0)).split("\\{}", -1));
    if (pieces.size() - 1 != a.size() - 1) {
      throw invalid(name);
    }
    StringBuilder sb = new StringBuilder(pieces.get(0));
    for (int i = 1; i < pieces.size(); i++) {
      sb.append(Json.javaText(a.get(i))).append(pieces.get(i));
    }
    return Json.NODES.textNode(sb.toString());
  }

  private static List<String> pieces(String raw, String name) {
    List<String> pieces = new java.util.ArrayList<>();
    StringBuilder piece = new StringBuilder();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\\') {
        piece.append(raw.charAt(++i));
      } else if (c == '{' && i + 1 < raw.length() && raw.charAt(i + 1) == '}') {
        pieces.add(piece.toString());
        piece.setLength(0);
        i++;
      } else if (c == '{' || c == '}') {
        throw invalid(name);
      } else {
        piece.append(c);
      }
    }
    pieces.add(piece.toString());
    return pieces;
  }

  private static JsonNode stringToJson(String name, JsonNode arg) {
    String s = text(name, arg);
    if (s.isBlank()) {
      return NullNode.getInstance();
    }
    try {
      return Json.MAPPER.readTree(s);
    } catch (JsonProcessingException e) {
      throw invalid(name);
    }
  }

  private static JsonNode partition(String name, ArrayNode array, long size) {
    if (size <= 0) {
      throw invalid(name);
    }
    ArrayNode out = Json.NODES.arrayNode();
    for (int i = 0; i < array.size(); i += (int) Math.min(size, Integer.MAX_VALUE)) {
      ArrayNode chunk = out.addArray();
      for (int j = i; j < Math.min(array.size(), i + size); j++) {
        chunk.add(array.get(j));
      }
    }
    return out;
  }

  /** The end is inclusive; more than 1000 items is an error. */
  private static JsonNode range(String name, long start, long end, long step) {
    if (step == 0) {
      throw invalid(name);
    }
    long count = (step > 0 ? end >= start : end <= start) ? (end - start) / step + 1 : 0;
    if (count > MAX_RANGE) {
      throw invalid(name);
    }
    ArrayNode out = Json.NODES.arrayNode();
    for (long i = 0, v = start; i < count; i++, v += step) {
      out.add(v);
    }
    return out;
  }

  private static JsonNode getItem(String name, ArrayNode array, long index) {
    if (index < 0 || index >= array.size()) {
      throw invalid(name);
    }
    return array.get((int) index);
  }

  private static JsonNode unique(ArrayNode array) {
    ArrayNode out = Json.NODES.arrayNode();
    for (JsonNode item : array) {
      if (indexOf(out, item) < 0) {
        out.add(item);
      }
    }
    return out;
  }

  private static int indexOf(ArrayNode array, JsonNode value) {
    for (int i = 0; i < array.size(); i++) {
      if (Json.same(array.get(i), value)) {
        return i;
      }
    }
    return -1;
  }

  private static JsonNode base64Decode(String name, String s) {
    try {
      return Json.NODES.textNode(new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw invalid(name);
    }
  }

  private static JsonNode hash(String name, String data, JsonNode algorithm) {
    if (!algorithm.isTextual() || !HASHES.contains(algorithm.textValue())) {
      throw invalid(name);
    }
    try {
      byte[] digest = MessageDigest.getInstance(algorithm.textValue())
          .digest(data.getBytes(StandardCharsets.UTF_8));
      return Json.NODES.textNode(HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Only the shallow mode exists; AWS rejects true and treats any other flag as shallow. */
  private static JsonNode merge(String name, JsonNode left, JsonNode right, JsonNode deep) {
    if (!left.isObject() || !right.isObject() || (deep.isBoolean() && deep.booleanValue())) {
      throw invalid(name);
    }
    ObjectNode out = ((ObjectNode) left).deepCopy();
    out.setAll((ObjectNode) right.deepCopy());
    return out;
  }

  /** Start inclusive, end exclusive; a seed gives a repeatable value. */
  private static JsonNode mathRandom(String name, List<JsonNode> a, RandomGenerator random) {
    long start = truncated(name, a.get(0));
    long end = truncated(name, a.get(1));
    if (start >= end) {
      throw invalid(name);
    }
    RandomGenerator gen = a.size() == 3 ? new Random(truncated(name, a.get(2))) : random;
    return Json.NODES.numberNode(gen.nextLong(start, end));
  }

  /** Splits on any of the delimiter characters and drops empty pieces, as AWS does. */
  private static JsonNode split(String s, String delimiters) {
    ArrayNode out = Json.NODES.arrayNode();
    StringTokenizer tokens = new StringTokenizer(s, delimiters);
    while (tokens.hasMoreTokens()) {
      out.add(tokens.nextToken());
    }
    return out;
  }

  private static ArrayNode array(String name, JsonNode node) {
    if (!node.isArray()) {
      throw invalid(name);
    }
    return (ArrayNode) node;
  }

  private static String text(String name, JsonNode node) {
    if (!node.isTextual()) {
      throw invalid(name);
    }
    return node.textValue();
  }

  private static String limited(String name, JsonNode node) {
    String s = text(name, node);
    if (s.length() > MAX_STRING) {
      throw invalid(name);
    }
    return s;
  }

  /** Nearest integer, halves up (Java Math.round), as AWS's recorded MathAdd results show. */
  private static long rounded(String name, JsonNode node) {
    if (!node.isNumber()) {
      throw invalid(name);
    }
    return Math.round(node.doubleValue());
  }

  /** AWS drops the fraction of ArrayRange and MathRandom bounds rather than rounding them. */
  private static long truncated(String name, JsonNode node) {
    if (!node.isNumber()) {
      throw invalid(name);
    }
    return (long) node.doubleValue();
  }

  private static int int32(String name, long value) {
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw invalid(name);
    }
    return (int) value;
  }
}
