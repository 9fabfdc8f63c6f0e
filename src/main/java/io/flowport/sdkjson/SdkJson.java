package io.flowport.sdkjson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.builder.Buildable;

/**
 * Maps JSON to and from AWS SDK v2 model objects using the SDK's own field metadata, so JSON keys
 * are the service's wire names ({@code "Instances"}, {@code "InstanceGroups"}), as in boto3.
 */
public final class SdkJson {

  /** How timestamps are written; reading accepts both forms. */
  public enum Timestamps {
    /** AWS JSON 1.1 wire form: seconds since the epoch, fractions allowed. */
    EPOCH_SECONDS,
    /** ISO-8601 text, for process variables. */
    ISO_8601
  }

  /**
   * Which names the JSON keys of structures use. Map keys are never renamed: they are data (tags,
   * Spark properties), not members.
   */
  public enum Names {
    /**
     * The service's own names, as on the wire and in boto3 ({@code applicationId}); path and query
     * members by their member name, as boto3 takes them ({@code id}, not the path's {@code jobRunId}).
     */
    WIRE,
    /**
     * The service's member names with the first letter upper-cased ({@code ApplicationId}): what
     * Step Functions reads and writes. Services whose names start upper-case (EMR) look the same
     * either way.
     */
    CAPITALIZED
  }

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final long NANOS = 1_000_000_000L;

  private final Timestamps mode;
  private final Names names;

  public SdkJson(Timestamps mode) {
    this(mode, Names.WIRE);
  }

  public SdkJson(Timestamps mode, Names names) {
    this.mode = Objects.requireNonNull(mode, "mode");
    this.names = Objects.requireNonNull(names, "names");
  }

  /** The JSON key of a member under this mapper's names. */
  public String name(SdkField<?> field) {
    if (names == Names.WIRE) {
      // boto3 names path and query members by their member name (emr-containers' id, sent as {jobRunId}).
      return field.location() == software.amazon.awssdk.core.protocol.MarshallLocation.PAYLOAD
          ? field.locationName() : field.memberName();
    }
    String member = field.memberName();
    return member.isEmpty() ? member : Character.toUpperCase(member.charAt(0)) + member.substring(1);
  }

  /** Sets every field named in {@code json} on {@code builder}; unknown names are errors. */
  public <B extends SdkPojo> B fill(JsonNode json, B builder) {
    String root = typeName(builder.getClass());
    if (json != null && !json.isNull() && !json.isObject()) {
      throw new SdkJsonException(root + " must be a JSON object, got " + shown(json));
    }
    readFields(json, builder, "", root);
    return builder;
  }

  /** Builds a {@code type} (e.g. {@code RunJobFlowRequest.class}) from {@code json}. */
  public <T extends SdkPojo> T read(JsonNode json, Class<T> type) {
    Object builder;
    try {
      builder = type.getMethod("builder").invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException(type.getName() + " has no static builder()", e);
    }
    if (!(builder instanceof SdkPojo pojo)) {
      throw new IllegalArgumentException(type.getName() + ".builder() is not an SdkPojo");
    }
    return type.cast(build(fill(json, pojo)));
  }

  /**
   * Writes the fields that are set; nulls and the SDK's empty auto-construct lists/maps are left
   * out.
   */
  public ObjectNode write(SdkPojo pojo) {
    ObjectNode out = NODES.objectNode();
    for (SdkField<?> field : pojo.sdkFields()) {
      Object value = field.getValueOrDefault(pojo);
      if (!absent(value)) {
        out.set(name(field), writeValue(field, value));
      }
    }
    return out;
  }

  private void readFields(JsonNode json, SdkPojo builder, String path, String root) {
    if (json == null || json.isNull()) {
      return;
    }
    Map<String, SdkField<?>> fields = new LinkedHashMap<>();
    for (SdkField<?> field : builder.sdkFields()) {
      fields.put(name(field), field);
    }
    for (Map.Entry<String, JsonNode> entry : json.properties()) {
      String at = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
      SdkField<?> field = fields.get(entry.getKey());
      if (field == null) {
        throw new SdkJsonException(
            "unknown field '" + at + "' for " + root + hint(entry.getKey(), fields.keySet()));
      }
      if (!entry.getValue().isNull()) {
        field.set(builder, readValue(field, entry.getValue(), at, root));
      }
    }
  }

  private Object readValue(SdkField<?> field, JsonNode node, String path, String root) {
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.STRING) {
      if (!node.isTextual()) {
        throw wrongType(path, "a string", node);
      }
      return node.textValue();
    } else if (type == MarshallingType.INTEGER) {
      return (int) integral(node, path, "an integer", Integer.MIN_VALUE, Integer.MAX_VALUE);
    } else if (type == MarshallingType.LONG) {
      return integral(node, path, "an integer", Long.MIN_VALUE, Long.MAX_VALUE);
    } else if (type == MarshallingType.SHORT) {
      return (short) integral(node, path, "a short integer", Short.MIN_VALUE, Short.MAX_VALUE);
    } else if (type == MarshallingType.BYTE) {
      return (byte) integral(node, path, "a byte", Byte.MIN_VALUE, Byte.MAX_VALUE);
    } else if (type == MarshallingType.FLOAT) {
      return number(node, path).floatValue();
    } else if (type == MarshallingType.DOUBLE) {
      return number(node, path).doubleValue();
    } else if (type == MarshallingType.BIG_DECIMAL) {
      return number(node, path);
    } else if (type == MarshallingType.BOOLEAN) {
      if (!node.isBoolean()) {
        throw wrongType(path, "true or false", node);
      }
      return node.booleanValue();
    } else if (type == MarshallingType.INSTANT) {
      return instant(node, path);
    } else if (type == MarshallingType.SDK_BYTES) {
      return bytes(node, path);
    } else if (type == MarshallingType.SDK_POJO) {
      if (!node.isObject()) {
        throw wrongType(path, "an object", node);
      }
      SdkPojo child = field.constructor().get();
      readFields(node, child, path, root);
      return build(child);
    } else if (type == MarshallingType.LIST) {
      return readList(field, node, path, root);
    } else if (type == MarshallingType.MAP) {
      return readMap(field, node, path, root);
    } else if (type == MarshallingType.DOCUMENT) {
      return document(node);
    }
    throw new SdkJsonException(
        "field '" + path + "' has a type this mapper does not know: " + type);
  }

  private List<Object> readList(SdkField<?> field, JsonNode node, String path, String root) {
    if (!node.isArray()) {
      throw wrongType(path, "a list", node);
    }
    SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
    List<Object> out = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      String at = path + "[" + i + "]";
      if (node.get(i).isNull()) {
        throw new SdkJsonException("field '" + at + "' must not be null");
      }
      out.add(readValue(member, node.get(i), at, root));
    }
    return out;
  }

  private Map<String, Object> readMap(SdkField<?> field, JsonNode node, String path, String root) {
    if (!node.isObject()) {
      throw wrongType(path, "an object", node);
    }
    SdkField<?> value = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      String at = path + "." + entry.getKey();
      if (entry.getValue().isNull()) {
        throw new SdkJsonException("field '" + at + "' must not be null");
      }
      out.put(entry.getKey(), readValue(value, entry.getValue(), at, root));
    }
    return out;
  }

  private JsonNode writeValue(SdkField<?> field, Object value) {
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.STRING) {
      return NODES.textNode(value.toString());
    } else if (type == MarshallingType.INTEGER
        || type == MarshallingType.LONG
        || type == MarshallingType.SHORT
        || type == MarshallingType.BYTE) {
      return NODES.numberNode(((Number) value).longValue());
    } else if (type == MarshallingType.FLOAT) {
      return NODES.numberNode((Float) value);
    } else if (type == MarshallingType.DOUBLE) {
      return NODES.numberNode((Double) value);
    } else if (type == MarshallingType.BIG_DECIMAL) {
      return NODES.numberNode((BigDecimal) value);
    } else if (type == MarshallingType.BOOLEAN) {
      return NODES.booleanNode((Boolean) value);
    } else if (type == MarshallingType.INSTANT) {
      return writeInstant(field, (Instant) value);
    } else if (type == MarshallingType.SDK_BYTES) {
      return NODES.textNode(Base64.getEncoder().encodeToString(((SdkBytes) value).asByteArray()));
    } else if (type == MarshallingType.SDK_POJO) {
      return write((SdkPojo) value);
    } else if (type == MarshallingType.LIST) {
      SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
      ArrayNode out = NODES.arrayNode();
      for (Object element : (List<?>) value) {
        out.add(element == null ? NODES.nullNode() : writeValue(member, element));
      }
      return out;
    } else if (type == MarshallingType.MAP) {
      SdkField<?> member = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
      ObjectNode out = NODES.objectNode();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        Object v = entry.getValue();
        out.set(entry.getKey().toString(), v == null ? NODES.nullNode() : writeValue(member, v));
      }
      return out;
    } else if (type == MarshallingType.DOCUMENT) {
      return json((Document) value);
    }
    throw new SdkJsonException(
        "field '" + name(field) + "' has a type this mapper does not know: " + type);
  }

  private JsonNode writeInstant(SdkField<?> field, Instant value) {
    boolean isoOnWire =
        field
            .getOptionalTrait(TimestampFormatTrait.class)
            .map(t -> t.format() == TimestampFormatTrait.Format.ISO_8601)
            .orElse(false);
    if (mode == Timestamps.ISO_8601 || isoOnWire) {
      return NODES.textNode(value.toString());
    }
    if (value.getNano() == 0) {
      return NODES.numberNode(value.getEpochSecond());
    }
    BigDecimal seconds =
        BigDecimal.valueOf(value.getEpochSecond()).add(BigDecimal.valueOf(value.getNano(), 9));
    return NODES.numberNode(seconds.stripTrailingZeros());
  }

  private static long integral(JsonNode node, String path, String what, long min, long max) {
    if (node.isNumber()) {
      try {
        long v = node.decimalValue().longValueExact();
        if (v >= min && v <= max) {
          return v;
        }
      } catch (ArithmeticException notWhole) {
        // falls through to the error below
      }
    }
    throw wrongType(path, what, node);
  }

  private static BigDecimal number(JsonNode node, String path) {
    if (!node.isNumber()) {
      throw wrongType(path, "a number", node);
    }
    return node.decimalValue();
  }

  private static Instant instant(JsonNode node, String path) {
    try {
      if (node.isNumber()) {
        long nanos =
            node.decimalValue()
                .movePointRight(9)
                .setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS), Math.floorMod(nanos, NANOS));
      }
      if (node.isTextual()) {
        return Instant.parse(node.textValue());
      }
    } catch (ArithmeticException | DateTimeParseException bad) {
      // falls through to the error below
    }
    throw wrongType(path, "a timestamp (epoch seconds or ISO-8601 text)", node);
  }

  private static SdkBytes bytes(JsonNode node, String path) {
    if (node.isTextual()) {
      try {
        return SdkBytes.fromByteArray(Base64.getDecoder().decode(node.textValue()));
      } catch (IllegalArgumentException notBase64) {
        // falls through to the error below
      }
    }
    throw wrongType(path, "base64 text", node);
  }

  private static Document document(JsonNode node) {
    if (node.isNull()) {
      return Document.fromNull();
    } else if (node.isBoolean()) {
      return Document.fromBoolean(node.booleanValue());
    } else if (node.isNumber()) {
      return Document.fromNumber(SdkNumber.fromBigDecimal(node.decimalValue()));
    } else if (node.isArray()) {
      List<Document> list = new ArrayList<>();
      node.forEach(element -> list.add(document(element)));
      return Document.fromList(list);
    } else if (node.isObject()) {
      Map<String, Document> map = new LinkedHashMap<>();
      node.properties().forEach(e -> map.put(e.getKey(), document(e.getValue())));
      return Document.fromMap(map);
    }
    return Document.fromString(node.asText());
  }

  private static JsonNode json(Document doc) {
    if (doc.isNull()) {
      return NODES.nullNode();
    } else if (doc.isBoolean()) {
      return NODES.booleanNode(doc.asBoolean());
    } else if (doc.isNumber()) {
      return NODES.numberNode(doc.asNumber().bigDecimalValue());
    } else if (doc.isString()) {
      return NODES.textNode(doc.asString());
    } else if (doc.isList()) {
      ArrayNode out = NODES.arrayNode();
      doc.asList().forEach(element -> out.add(json(element)));
      return out;
    }
    ObjectNode out = NODES.objectNode();
    doc.asMap().forEach((key, value) -> out.set(key, json(value)));
    return out;
  }

  private static Object build(SdkPojo builder) {
    if (builder instanceof Buildable buildable) {
      return buildable.build();
    }
    throw new IllegalStateException(builder.getClass().getName() + " is not a builder");
  }

  private static boolean absent(Object value) {
    return value == null
        || value instanceof SdkAutoConstructList
        || value instanceof SdkAutoConstructMap;
  }

  private static SdkJsonException wrongType(String path, String expected, JsonNode got) {
    return new SdkJsonException("field '" + path + "' must be " + expected + ", got " + shown(got));
  }

  private static String shown(JsonNode node) {
    String text = node.toString();
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }

  /** A case-only mismatch ("name" for "Name") is the usual slip in hand-written JSON. */
  private static String hint(String name, Iterable<String> known) {
    for (String candidate : known) {
      if (candidate.equalsIgnoreCase(name)) {
        return " (did you mean '" + candidate + "'?)";
      }
    }
    return "";
  }

  private static String typeName(Class<?> builderClass) {
    Class<?> outer = builderClass.getEnclosingClass();
    return outer != null ? outer.getSimpleName() : builderClass.getSimpleName();
  }
}
