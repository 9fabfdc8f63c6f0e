package io.flowport.templates;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.contract.Vars;
import io.flowport.sdkjson.SdkJson;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.DefaultValueTrait;

/**
 * The template properties of a request class: one per top-level member of the SDK's model, bound
 * to the input mapping {@code request.<member>} under the wire name the worker reads (SdkJson).
 */
final class RequestProperties {

  static final String GROUP = "request";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final SdkJson WIRE = new SdkJson(SdkJson.Timestamps.ISO_8601, SdkJson.Names.WIRE);

  /**
   * @param condition when the properties apply (a template-made task), or null
   */
  static List<ObjectNode> of(Class<? extends SdkPojo> requestType, Set<String> required, ObjectNode condition) {
    List<ObjectNode> out = new ArrayList<>();
    for (SdkField<?> field : fields(requestType)) {
      // An idempotency token is left to the worker: one per task activation, so retries make nothing twice.
      if (field.getOptionalTrait(DefaultValueTrait.class).isPresent()) {
        continue;
      }
      out.add(property(requestType, field, required.contains(WIRE.name(field)), condition));
    }
    return out;
  }

  private static ObjectNode property(Class<?> requestType, SdkField<?> field, boolean required, ObjectNode condition) {
    String name = WIRE.name(field);
    ObjectNode p = NODES.objectNode();
    p.put("id", Vars.REQUEST + "." + name);
    p.put("label", name);
    p.put("group", GROUP);
    List<String> values = enumValues(requestType, field);
    MarshallingType<?> type = field.marshallingType();
    if (!values.isEmpty()) {
      p.put("type", "Dropdown");
      ArrayNode choices = p.putArray("choices");
      values.forEach(v -> choices.addObject().put("name", v).put("value", v));
    } else if (type == MarshallingType.STRING || type == MarshallingType.INSTANT) {
      p.put("type", "String");
      p.put("feel", "optional");
      if (type == MarshallingType.INSTANT) {
        p.put("description", "An ISO 8601 date-time.");
      }
    } else if (type == MarshallingType.SDK_POJO || type == MarshallingType.LIST || type == MarshallingType.MAP) {
      // FEEL context and list literals read like JSON: {"Name": "x", "Args": ["a"]}.
      p.put("type", "Text");
      p.put("feel", "required");
      p.put("description", (type == MarshallingType.LIST ? "A list" : "An object") + " as in the AWS API reference, "
          + "written as a FEEL expression (JSON literals work).");
    } else {
      // Booleans and numbers as FEEL, so an unset member stays unset (a checkbox would always send false).
      p.put("type", "String");
      p.put("feel", "required");
      p.put("description", type == MarshallingType.BOOLEAN ? "true or false." : "A number.");
    }
    ObjectNode binding = p.putObject("binding");
    binding.put("type", "zeebe:input");
    binding.put("name", Vars.REQUEST + "." + name);
    if (required) {
      p.putObject("constraints").put("notEmpty", true);
    } else {
      p.put("optional", true);
    }
    if (condition != null) {
      p.set("condition", condition.deepCopy());
    }
    return p;
  }

  private static List<SdkField<?>> fields(Class<? extends SdkPojo> requestType) {
    try {
      Object builder = requestType.getMethod("builder").invoke(null);
      return ((SdkPojo) builder).sdkFields();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("no builder for " + requestType.getName(), e);
    }
  }

  /** The SDK's values of an enum member, from its typed getter; none for a plain string. */
  private static List<String> enumValues(Class<?> requestType, SdkField<?> field) {
    String member = field.memberName();
    String getter = Character.toLowerCase(member.charAt(0)) + member.substring(1);
    try {
      Method m = requestType.getMethod(getter);
      if (!m.getReturnType().isEnum()) {
        return List.of();
      }
      List<String> out = new ArrayList<>();
      for (Object constant : m.getReturnType().getEnumConstants()) {
        if (!((Enum<?>) constant).name().equals("UNKNOWN_TO_SDK_VERSION")) {
          out.add(constant.toString());
        }
      }
      return out;
    } catch (NoSuchMethodException e) {
      return List.of();
    }
  }

  private RequestProperties() {}
}
