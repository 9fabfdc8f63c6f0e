package io.flowport.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.contract.Headers;
import io.flowport.contract.Vars;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Airflow jobs without a service call: a time sensor's target and a retry's back-off delay. */
final class AirflowJobs {

  private final AirflowBinding airflow;
  private final Supplier<Instant> clock;

  AirflowJobs(AirflowBinding airflow, Supplier<Instant> clock) {
    this.airflow = airflow;
    this.clock = clock;
  }

  /**
   * An Airflow time sensor's wait: until the run's data_interval_end plus the delta
   * (TimeDeltaSensor), until its rendered target_time (DateTimeSensor), or for time_to_wait from
   * now (WaitSensor); the timer is due then.
   */
  Outcome time(Job job) {
    try {
      JsonNode spec = AslBinding.json(job.header(Headers.AIRFLOW_TIMER));
      Instant target;
      if (spec.hasNonNull("after")) {
        target = airflow.logicalDate(job).plus(Duration.parse(spec.get("after").asText()));
      } else if (spec.hasNonNull("wait")) {
        target = clock.get().plus(Duration.parse(spec.get("wait").asText()));
      } else {
        JsonNode at = airflow.parameters(job).path(spec.path("at").asText());
        if (!at.isTextual()) {
          throw new JobFailure("TypeError", spec.path("at").asText() + " must be a str or datetime, not " + at);
        }
        target = io.flowport.runtime.airflow.TargetTimes.parse(at.asText());
      }
      // A target already passed makes the timer due at once, as the sensor's first poke succeeds.
      return new Outcome.Complete(Map.of(Vars.AIRFLOW_UNTIL, target.toString()));
    } catch (JobFailure f) {
      return f.outcome();
    }
  }

  /**
   * The delay before an Airflow task's next retry with retry_exponential_backoff: Airflow's
   * next_retry_datetime for the try that just failed, from the run's logical date.
   */
  Outcome retryDelay(Job job) {
    try {
      JsonNode spec = AslBinding.json(job.header(Headers.AIRFLOW_RETRY_BACKOFF));
      String taskId = job.header(Headers.AIRFLOW_TASK_ID);
      int failedTry = job.variable(Vars.tryNumber(taskId)).asInt(1);
      JsonNode max = spec.path("max_retry_delay");
      Duration delay = io.flowport.runtime.airflow.Backoff.retryDelay(job.header(Headers.AIRFLOW_DAG_ID), taskId,
          airflow.logicalDate(job), failedTry, Duration.parse(spec.path("retry_delay").asText()),
          spec.path("multiplier").asDouble(2), max.isTextual() ? Duration.parse(max.asText()) : null);
      Map<String, Object> vars = new LinkedHashMap<>();
      vars.put(Vars.retryDelay(taskId), delay.toString());
      return new Outcome.Complete(vars);
    } catch (JobFailure f) {
      return f.outcome();
    }
  }
}
