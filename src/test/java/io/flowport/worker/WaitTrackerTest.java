package io.flowport.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.flowport.contract.Headers;
import io.flowport.contract.Vars;
import io.flowport.runtime.Job;
import io.flowport.runtime.Outcome;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class WaitTrackerTest {

  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-04T10:00:00Z"));
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final WaitTracker waits = new WaitTracker(registry, Duration.ofMinutes(30), now::get);

  private static Job job(long instance, String source, String role) {
    Map<String, String> headers = new HashMap<>();
    headers.put(Headers.SOURCE, source);
    if (role != null) {
      headers.put(Headers.WAIT_ROLE, role);
    }
    return new Job("flowport.emr.DescribeCluster", headers, JsonNodeFactory.instance.objectNode(), "p", instance, "e", 1, null);
  }

  private static Outcome state(String waitState) {
    return new Outcome.Complete(Map.of(Vars.WAIT_STATE, waitState));
  }

  private double gauge() {
    return registry.get(WaitTracker.WAITS).gauge().value();
  }

  @Test
  void aWaitIsInProgressFromPendingUntilItsPollEndsIt() {
    waits.observe(job(1, "StartEMRJob", "start"), state("pending"));
    waits.observe(job(2, "StartEMRJob", "start"), state("pending"));
    waits.observe(job(1, "StartEMRJob", "poll"), state("pending"));
    assertThat(gauge()).isEqualTo(2);
    waits.observe(job(1, "StartEMRJob", "poll"), state("success"));
    assertThat(gauge()).isEqualTo(1);
    waits.observe(job(2, "StartEMRJob", "poll"), new Outcome.Error("States.TaskFailed", "TERMINATED_WITH_ERRORS", Map.of()));
    assertThat(gauge()).isZero();
  }

  @Test
  void jobsOutsideWaitsAndStaleWaitsDoNotCount() {
    waits.observe(job(1, "Terminate", null), state("pending"));
    assertThat(gauge()).isZero();
    waits.observe(job(3, "StartEMRJob", "poll"), state("pending"));
    now.set(now.get().plus(Duration.ofMinutes(31)));
    assertThat(gauge()).isZero();
  }
}
