package io.flowport.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;

/**
 * What the runtime needs of an activated job, independent of the client API, so the pipeline can
 * be tested without an engine.
 *
 * @param type the job type
 * @param headers the task headers
 * @param variables the job's variables as a JSON object
 * @param bpmnProcessId the process id (the state machine name / dag_id)
 * @param processInstanceKey the instance key
 * @param elementId the BPMN element id
 * @param elementInstanceKey the task's activation: the same for every delivery and retry of the
 *     job, new when the task runs again (a Retry or loop iteration)
 * @param deadline when the engine may deliver the job to another worker, or null if unknown
 */
public record Job(
    String type,
    Map<String, String> headers,
    ObjectNode variables,
    String bpmnProcessId,
    long processInstanceKey,
    String elementId,
    long elementInstanceKey,
    Instant deadline) {

  public String header(String key) {
    return headers.get(key);
  }

  public JsonNode variable(String name) {
    JsonNode v = variables.get(name);
    return v == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : v;
  }
}
