package io.flowport.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.jobhandling.JobWorkerManager;
import io.camunda.client.metrics.MetricsRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ShutdownDrainTest {

  private final MeterRegistry registry = new SimpleMeterRegistry();
  // The Spring SDK's worker manager with no workers open: closing them is then a no-op.
  private final JobWorkerManager workers = new JobWorkerManager(null, null, null, null, null, null);

  private void count(String action, String type) {
    registry.counter(MetricsRecorder.METRIC_NAME_JOB, "action", action, "type", type).increment();
  }

  @Test
  void jobsInHandAreStartedMinusAcknowledged() {
    count(MetricsRecorder.ACTION_ACTIVATED, "a");
    count(MetricsRecorder.ACTION_ACTIVATED, "a");
    count(MetricsRecorder.ACTION_ACTIVATED, "b");
    count(MetricsRecorder.ACTION_COMPLETED, "a");
    count(MetricsRecorder.ACTION_BPMN_ERROR, "b");
    assertThat(new ShutdownDrain(workers, registry, Duration.ZERO).inFlight()).isEqualTo(1);
  }

  @Test
  void waitsForTheJobInHandToFinishBeforeTheClientCloses() throws Exception {
    count(MetricsRecorder.ACTION_ACTIVATED, "flowport.emr.RunJobFlow");
    AtomicBoolean finished = new AtomicBoolean();
    Thread handler = new Thread(() -> {
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        return;
      }
      finished.set(true);
      count(MetricsRecorder.ACTION_COMPLETED, "flowport.emr.RunJobFlow");
    });
    handler.start();
    new ShutdownDrain(workers, registry, Duration.ofSeconds(30)).onApplicationEvent(null);
    assertThat(finished).isTrue();
    handler.join();
  }

  @Test
  void givesUpOnAStuckJobWhenTheGraceEnds() {
    count(MetricsRecorder.ACTION_ACTIVATED, "flowport.emr.RunJobFlow");
    ShutdownDrain drain = new ShutdownDrain(workers, registry, Duration.ofMillis(200));
    drain.onApplicationEvent(null);
    assertThat(drain.inFlight()).isEqualTo(1);
  }
}
