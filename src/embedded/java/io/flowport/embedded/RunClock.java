package io.flowport.embedded;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.flowport.simulator.SimClock;
import io.flowport.worker.WorkerConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one clock of an embedded run: the engine's timers, the EMR simulator's lifecycles and the
 * workers' timestamps all read it. It is wall time plus an offset; a time scale below 1 makes the
 * offset grow (source time passes faster), so nothing in the BPMN is rewritten for a run. Tests
 * leave it unscaled and {@link #advance} it themselves.
 */
public final class RunClock implements SimClock, WorkerConfiguration.EngineClock, AutoCloseable {

  private static final long TICK_MS = 20;

  private final java.util.function.Supplier<ZeebeTestEngine> engine;
  private final AtomicLong offsetMs = new AtomicLong();
  private final double timeScale;
  private volatile Instant start;
  private Thread accelerator;

  /**
   * @param timeScale wall seconds per source second: 1 is real time, 1/120 makes a source minute
   *     pass in half a wall second
   */
  public RunClock(ZeebeTestEngine engine, double timeScale) {
    this(() -> engine, timeScale);
  }

  /** @param engine the engine, possibly still starting: it is needed only to move time */
  public RunClock(java.util.function.Supplier<ZeebeTestEngine> engine, double timeScale) {
    if (!(timeScale > 0 && timeScale <= 1)) {
      throw new IllegalArgumentException("time scale must be in (0, 1], got " + timeScale);
    }
    this.engine = engine;
    this.timeScale = timeScale;
    this.start = Instant.now();
  }

  /** Source time starts now, running at the time scale; the run's instance starts right after. */
  public synchronized void go() {
    start = now();
    if (timeScale < 1 && accelerator == null) {
      double extraPerWallMs = 1 / timeScale - 1;
      accelerator = Thread.ofPlatform().daemon().name("flowport-clock").start(() -> accelerate(extraPerWallMs));
    }
  }

  private void accelerate(double extraPerWallMs) {
    long last = System.nanoTime();
    double carry = 0;
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Thread.sleep(TICK_MS);
      } catch (InterruptedException e) {
        return;
      }
      long now = System.nanoTime();
      carry += (now - last) / 1e6 * extraPerWallMs;
      last = now;
      long add = (long) carry;
      if (add > 0) {
        carry -= add;
        advance(Duration.ofMillis(add));
      }
    }
  }

  /** Moves source time forward for the engine and everyone reading this clock. */
  public synchronized void advance(Duration d) {
    offsetMs.addAndGet(d.toMillis());
    engine.get().increaseTime(d);
  }

  @Override
  public Instant now() {
    return Instant.ofEpochMilli(System.currentTimeMillis() + offsetMs.get());
  }

  @Override
  public Instant get() {
    return now();
  }

  /** Source time since {@link #go} (or since the clock was made). */
  public Duration sourceElapsed() {
    return Duration.between(start, now());
  }

  @Override
  public synchronized void close() {
    if (accelerator != null) {
      accelerator.interrupt();
    }
  }
}
