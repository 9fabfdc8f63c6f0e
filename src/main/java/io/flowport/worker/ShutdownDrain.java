package io.flowport.worker;

import io.camunda.client.jobhandling.JobWorkerManager;
import io.camunda.client.metrics.MetricsRecorder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Graceful shutdown: on SIGTERM the workers stop taking jobs, then the jobs already taken get up
 * to {@code grace} to finish (each is one short EMR call) before the client closes. Without this
 * the client's close drops them and the engine hands them out again only after their timeout.
 * A job still running when the grace ends is left to that timeout, and the log says how many.
 */
public final class ShutdownDrain implements ApplicationListener<ContextClosedEvent> {

  private static final Logger LOG = LoggerFactory.getLogger(ShutdownDrain.class);

  private final JobWorkerManager workers;
  private final MeterRegistry registry;
  private final Duration grace;

  public ShutdownDrain(JobWorkerManager workers, MeterRegistry registry, Duration grace) {
    this.workers = workers;
    this.registry = registry;
    this.grace = grace;
  }

  @Override
  public void onApplicationEvent(ContextClosedEvent event) {
    workers.closeAllOpenWorkers();
    long deadline = System.nanoTime() + grace.toNanos();
    int quiet = 0;
    // A job the client took but has not started yet is not counted: wait for a few quiet checks.
    while (System.nanoTime() < deadline && quiet < 4) {
      quiet = inFlight() == 0 ? quiet + 1 : 0;
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    long left = inFlight();
    if (left > 0) {
      LOG.warn("shutting down with {} job(s) still running; the engine gives them out again after their timeout", left);
    } else {
      LOG.info("workers stopped; no job left running");
    }
  }

  /** Jobs whose handler started and whose outcome the engine has not yet acknowledged. */
  long inFlight() {
    double started = count(MetricsRecorder.ACTION_ACTIVATED);
    double ended = count(MetricsRecorder.ACTION_COMPLETED) + count(MetricsRecorder.ACTION_FAILED)
        + count(MetricsRecorder.ACTION_BPMN_ERROR);
    return Math.round(started - ended);
  }

  private double count(String action) {
    return registry.find(MetricsRecorder.METRIC_NAME_JOB).tag("action", action).counters().stream()
        .mapToDouble(Counter::count).sum();
  }
}
