package io.flowport.embedded;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.flowport.simulator.SimClock;
import io.flowport.worker.WorkerConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The one clock of an embedded run: the engine's timers, the EMR simulator's lifecycles and the
 * workers' timestamps all read it. It is wall time plus an offset; a time scale below 1 makes the
 * offset grow (source time passes faster), so nothing in the BPMN is rewritten for a run. Tests
 * leave it unscaled and {@link #advance} it themselves.
 *
 * <p>Source time only runs fast while the run waits (timers, back-offs): while the engine or a
 * worker is busy ({@link #onlyWhenIdle}), it passes at wall speed, as the work would take on AWS.
 * Otherwise the latency of each job, multiplied by the scale, would eat into TimeoutSeconds and
 * HeartbeatSeconds (at 1/1000, 50 ms of job polling is 50 s of source time).
 */
public final class RunClock implements SimClock, WorkerConfiguration.EngineClock, AutoCloseable {

  private static final long TICK_MS = 20;

  private final java.util.function.Supplier<ZeebeTestEngine> engine;
  private final AtomicLong offsetMs = new AtomicLong();
  private final double timeScale;
  private volatile Instant start;
  private volatile BooleanSupplier idle = () -> true;
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

  /** Accelerate only while {@code idle} says nothing but waiting is going on. */
  public void onlyWhenIdle(BooleanSupplier idle) {
    this.idle = idle;
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
    boolean wasIdle = false;
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Thread.sleep(TICK_MS);
      } catch (InterruptedException e) {
        return;
      }
      long now = System.nanoTime();
      // A tick counts only when the run was idle at both of its ends.
      boolean isIdle = idle.getAsBoolean();
      if (wasIdle && isIdle) {
        carry += (now - last) / 1e6 * extraPerWallMs;
      }
      wasIdle = isIdle;
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
    ZeebeTestEngine e = engine.get();
    e.increaseTime(d);
    refresh(e);
  }

  /**
   * The engine's clock (Zeebe's ControlledActorClock) answers with the time of its last
   * {@code update()}, which only its actor threads call, once per loop. Time added while a thread
   * works through a batch of commands would reach the engine late: a timer created in that batch
   * gets its due date from the old time and fires early by the time added (a TimeoutSeconds of
   * 30 s fired after 1 s at scale 1/1000). So the new time is published at once.
   */
  private static void refresh(ZeebeTestEngine e) {
    try {
      if (CLOCK_FIELD != null && CLOCK_FIELD.getDeclaringClass().isInstance(e)
          && CLOCK_FIELD.get(e) instanceof io.camunda.zeebe.scheduler.clock.ActorClock c) {
        c.update();
      }
    } catch (IllegalAccessException ex) {
      // The engine keeps its stale time until its next loop, as before.
    }
  }

  private static final java.lang.reflect.Field CLOCK_FIELD = clockField();

  private static java.lang.reflect.Field clockField() {
    try {
      java.lang.reflect.Field f = Class.forName("io.camunda.zeebe.process.test.engine.InMemoryEngine").getDeclaredField("clock");
      f.setAccessible(true);
      return f;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
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
