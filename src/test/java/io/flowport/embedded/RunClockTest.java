package io.flowport.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The run clock speeds source time up only while the run is idle, and tells the engine at once. */
class RunClockTest {

  /** Records the time added to it; nothing else is used. */
  static final class Engine implements ZeebeTestEngine {
    final AtomicLong addedMs = new AtomicLong();

    public void increaseTime(Duration d) {
      addedMs.addAndGet(d.toMillis());
    }

    public void start() {}

    public void stop() {}

    public RecordStreamSource getRecordStreamSource() {
      throw new UnsupportedOperationException();
    }

    public io.camunda.zeebe.client.ZeebeClient createClient() {
      throw new UnsupportedOperationException();
    }

    public io.camunda.zeebe.client.ZeebeClient createClient(com.fasterxml.jackson.databind.ObjectMapper m) {
      throw new UnsupportedOperationException();
    }

    public String getGatewayAddress() {
      return null;
    }

    public void waitForIdleState(Duration d) {}

    public void waitForBusyState(Duration d) {}
  }

  @Test
  void sourceTimeRunsAtWallSpeedWhileTheRunIsBusyAndFastWhileItWaits() throws Exception {
    Engine engine = new Engine();
    AtomicBoolean idle = new AtomicBoolean(false);
    try (RunClock clock = new RunClock(engine, 1.0 / 100)) {
      clock.onlyWhenIdle(idle::get);
      clock.go();
      Thread.sleep(300);
      // Busy: source time is wall time, nothing is added.
      assertThat(engine.addedMs.get()).isZero();
      assertThat(clock.sourceElapsed()).isLessThan(Duration.ofSeconds(2));

      idle.set(true);
      Thread.sleep(300);
      // Idle: about 99 ms of source time added per wall millisecond, told to the engine too.
      assertThat(engine.addedMs.get()).isGreaterThan(10_000);
      assertThat(clock.sourceElapsed()).isGreaterThan(Duration.ofSeconds(10));
    }
  }
}
