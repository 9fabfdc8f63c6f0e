package io.flowport.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.sdkjson.SdkJson;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;

/** The input of a REST-JSON call (EMR Serverless, EMR on EKS) as the JSON an SDK request is read from. */
final class RestInput {

  private RestInput() {}

  /**
   * Path, query and body members in one JSON object under {@code wire}'s names, typed by the SDK
   * model; {@code pathParams} are the path's parameters in the order of the pattern's groups.
   */
  static ObjectNode of(SdkJson wire, Class<? extends SdkPojo> type, List<String> pathParams, Matcher m,
      Map<String, List<String>> query, JsonNode body) {
    ObjectNode out = body.isObject() ? ((ObjectNode) body).deepCopy() : JsonNodeFactory.instance.objectNode();
    SdkPojo builder;
    try {
      builder = (SdkPojo) type.getMethod("builder").invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    for (SdkField<?> field : builder.sdkFields()) {
      if (field.location() == MarshallLocation.PATH) {
        int group = pathParams.indexOf(field.locationName()) + 1;
        if (group > 0 && group <= m.groupCount()) {
          out.put(wire.name(field), java.net.URLDecoder.decode(m.group(group), java.nio.charset.StandardCharsets.UTF_8));
        }
      } else if (field.location() == MarshallLocation.QUERY_PARAM && query.containsKey(field.locationName())) {
        String name = wire.name(field);
        List<String> values = query.get(field.locationName());
        MarshallingType<?> t = field.marshallingType();
        if (t == MarshallingType.LIST) {
          values.forEach(out.putArray(name)::add);
        } else if (t == MarshallingType.INTEGER || t == MarshallingType.LONG) {
          try {
            out.put(name, Long.parseLong(values.get(0)));
          } catch (NumberFormatException e) {
            throw AwsError.validation("Value '" + values.get(0) + "' at '" + field.locationName() + "' is not a number");
          }
        } else {
          out.put(name, values.get(0));
        }
      }
    }
    return out;
  }

}
