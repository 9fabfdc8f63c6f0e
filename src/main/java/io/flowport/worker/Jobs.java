package io.flowport.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.flowport.runtime.EmrCall;
import io.flowport.runtime.Job;
import io.flowport.runtime.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Glue between the Camunda client's jobs and the client-independent runtime. */
final class Jobs {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Back-off before a throttled or failed call is tried again (engine time). */
  static final Duration RETRY_BACKOFF = Duration.ofSeconds(30);

  static Job from(ActivatedJob job) {
    ObjectNode vars;
    try {
      vars = (ObjectNode) JSON.readTree(job.getVariables());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("job variables are not JSON", e);
    }
    return new Job(job.getType(), job.getCustomHeaders(), vars, job.getBpmnProcessId(), job.getProcessInstanceKey(),
        job.getElementId(), job.getElementInstanceKey(), Instant.ofEpochMilli(job.getDeadline()));
  }

  /** Runs a handler and maps its outcome to completion variables or a BPMN error. */
  static Map<String, Object> handle(ActivatedJob activated, Function<Job, Outcome> handler) {
    return handle(activated, handler, (job, outcome) -> {});
  }

  /** The same, telling {@code observer} each outcome (not the calls handed back to be retried). */
  static Map<String, Object> handle(ActivatedJob activated, Function<Job, Outcome> handler,
      java.util.function.BiConsumer<Job, Outcome> observer) {
    Outcome outcome;
    Job job = from(activated);
    try {
      outcome = handler.apply(job);
    } catch (io.flowport.runtime.NoRetry e) {
      throw CamundaError.jobError(e.getMessage(), null, 0, Duration.ZERO);
    } catch (EmrCall.ServiceException e) {
      // Throttled or unavailable: hand the job back; Zeebe raises an incident when retries run out.
      throw CamundaError.jobError(e.code() + ": " + e.getMessage(), null, activated.getRetries() - 1, backoff(e));
    }
    observer.accept(job, outcome);
    return switch (outcome) {
      case Outcome.Complete c -> changed(c.variables(), job);
      case Outcome.Error e -> throw CamundaError.bpmnError(e.code(), e.message(), e.variables());
    };
  }

  /**
   * {@link #RETRY_BACKOFF}, plus up to as much again at random for a throttled call: the jobs of a
   * burst that the service throttled together do not all come back at the same moment.
   */
  static Duration backoff(EmrCall.ServiceException e) {
    if (!e.throttled()) {
      return RETRY_BACKOFF;
    }
    return RETRY_BACKOFF.plusMillis(java.util.concurrent.ThreadLocalRandom.current().nextLong(RETRY_BACKOFF.toMillis() + 1));
  }

  /**
   * Only the variables the job changed. Zeebe sets a completed job's variable in the nearest scope
   * that has it, but one whose value is unchanged there goes on up to an outer scope that has it:
   * a Map iteration handing back its unchanged payload would overwrite the Map state's payload.
   */
  static Map<String, Object> changed(Map<String, Object> variables, Job job) {
    Map<String, Object> out = new LinkedHashMap<>();
    variables.forEach((name, value) -> {
      if (!job.variables().has(name) || !JSON.valueToTree(value).equals(job.variables().get(name))) {
        out.put(name, value);
      }
    });
    return out;
  }

  private Jobs() {}
}
