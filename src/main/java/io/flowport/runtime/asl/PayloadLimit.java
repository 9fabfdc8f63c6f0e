package io.flowport.runtime.asl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Step Functions' payload quota: a task's result, a state's output and a state's input after
 * Parameters may each be at most 256 KiB of UTF-8 JSON. Over it the execution fails with the
 * terminal error {@code States.DataLimitExceeded}. Keeping the quota also keeps the process
 * variable {@code payload} small enough for Zeebe and Operate.
 */
public final class PayloadLimit {

  public static final String ERROR = "States.DataLimitExceeded";
  public static final int MAX_BYTES = 262_144;

  private static final ObjectMapper JSON = new ObjectMapper();

  private PayloadLimit() {}

  /**
   * Returns {@code value}, or throws the error Step Functions reports.
   *
   * @param who the task's resource for a result, else the state's name, as AWS names it in the cause
   */
  public static JsonNode check(JsonNode value, String who) {
    if (value != null && bytes(value) > MAX_BYTES) {
      throw new AslRuntimeException(ERROR,
          "The state/task '" + who + "' returned a result with a size exceeding the maximum number of bytes service limit.");
    }
    return value;
  }

  static int bytes(JsonNode value) {
    try {
      return JSON.writeValueAsBytes(value).length;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree that does not serialize", e);
    }
  }
}
