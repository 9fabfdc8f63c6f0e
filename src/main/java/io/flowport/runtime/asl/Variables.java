package io.flowport.runtime.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Workflow variables (a state's {@code Assign}, JSONPath mode). Assign is a payload template
 * ({@code "name.$"} takes a path or an intrinsic) evaluated against the state's {@code $} subject
 * with the variables as they were when the state was entered: all of one Assign's values are
 * computed first and stored together afterwards, so {@code {"a.$": "$b", "b.$": "$a"}} swaps.
 * Step Functions keeps at most 256 KiB of assigned values per state and 10 MiB in all.
 */
public final class Variables {

  public static final String ERROR = PayloadLimit.ERROR;
  public static final int MAX_STATE_BYTES = 262_144;
  public static final int MAX_TOTAL_BYTES = 10 * 1_048_576;

  private Variables() {}

  /**
   * The variables after {@code assign}: the current ones ({@code ctx}) with the assigned values
   * put over them. {@code subject} is what {@code $} means in this state's Assign.
   */
  public static ObjectNode apply(JsonNode assign, JsonNode subject, ContextObject ctx, Intrinsics intrinsics, String state) {
    return store(PayloadTemplate.evaluate(assign, subject, ctx, intrinsics), ctx, state);
  }

  /** The variables after storing {@code values} (computed from the old ones) over the current ones, within the quotas. */
  public static ObjectNode store(JsonNode values, ContextObject ctx, String state) {
    if (PayloadLimit.bytes(values) > MAX_STATE_BYTES) {
      throw new AslRuntimeException(ERROR, "The state '" + state
          + "' assigned variables with a size exceeding the maximum number of bytes service limit (256 KiB per state).");
    }
    ObjectNode out = ((ObjectNode) ctx.variables()).deepCopy();
    for (Map.Entry<String, JsonNode> e : values.properties()) {
      out.set(e.getKey(), e.getValue());
    }
    if (PayloadLimit.bytes(out) > MAX_TOTAL_BYTES) {
      throw new AslRuntimeException(ERROR, "The state '" + state
          + "' brought the workflow variables over the maximum number of bytes service limit (10 MiB).");
    }
    return out;
  }

  /** A path into a variable no state in scope has assigned: the state fails with States.Runtime. */
  static AslRuntimeException undefined(String path, String field, String name) {
    return AslRuntimeException.runtime("The JSONPath '" + path + "'"
        + (field == null ? "" : " specified for the field '" + field + "'")
        + " references the variable '" + name + "', which is not defined in this scope");
  }
}
