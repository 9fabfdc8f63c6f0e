package io.flowport.ir;

import java.util.Map;
import java.util.SequencedMap;

/**
 * One job: its type, the headers that tell the worker what to do, and FEEL input mappings.
 *
 * @param jobType the Zeebe job type (see {@code io.flowport.contract.JobTypes})
 * @param label a short human name for the element, e.g. "Create cluster"
 * @param headers task headers, in a stable order
 * @param inputs zeebe:input mappings target -> FEEL source expression, in a stable order
 */
public record Call(
    String jobType, String label, SequencedMap<String, String> headers, SequencedMap<String, String> inputs) {

  public Call {
    headers = Ordered.copy(headers);
    inputs = Ordered.copy(inputs);
  }

  public static Call of(String jobType, String label, Map<String, String> headers) {
    return new Call(jobType, label, Ordered.copy(headers), Ordered.copy(Map.of()));
  }
}
