package io.flowport.runtime;

import java.util.Map;

/** How a job ends: completed with variables, or a BPMN error the process catches. */
public sealed interface Outcome {

  record Complete(Map<String, Object> variables) implements Outcome {}

  /**
   * A BPMN error: {@code code} is the ASL error name or the Python exception type; the variables
   * {@code error} and {@code cause} go with it so the catching event can record them.
   */
  record Error(String code, String message, Map<String, Object> variables) implements Outcome {}
}
