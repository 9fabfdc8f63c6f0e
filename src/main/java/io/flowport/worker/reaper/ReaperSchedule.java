package io.flowport.worker.reaper;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.context.SmartLifecycle;

/**
 * Runs a {@link ClusterReaper} sweep, then a {@link JobRunReaper} sweep, every interval of the workers' clock. The clock is read often
 * rather than slept on: in embedded runs and tests source time jumps ahead of wall time.
 */
final class ReaperSchedule implements SmartLifecycle {

  private static final Duration TICK = Duration.ofMillis(200);

  private final ClusterReaper reaper;
  private final Duration interval;
  private final Supplier<Instant> clock;
  private final Consumer<String> log;
  private final Consumer<ClusterReaper.Sweep> observer;
  private final JobRunReaper runs;
  private final Consumer<JobRunReaper.Sweep> runObserver;
  private volatile Thread thread;

  /** @param reaper null when {@code flowport.reaper.enabled=false} */
  ReaperSchedule(ClusterReaper reaper, Duration interval, Supplier<Instant> clock, Consumer<String> log) {
    this(reaper, interval, clock, log, sweep -> {});
  }

  /** @param observer told what each sweep did (metrics) */
  ReaperSchedule(ClusterReaper reaper, Duration interval, Supplier<Instant> clock, Consumer<String> log,
      Consumer<ClusterReaper.Sweep> observer) {
    this(reaper, null, interval, clock, log, observer, sweep -> {});
  }

  /** @param runs the job runs' sweep, or null; it runs after the clusters' on the same schedule */
  ReaperSchedule(ClusterReaper reaper, JobRunReaper runs, Duration interval, Supplier<Instant> clock, Consumer<String> log,
      Consumer<ClusterReaper.Sweep> observer, Consumer<JobRunReaper.Sweep> runObserver) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("flowport.reaper.interval must be positive, got " + interval);
    }
    this.reaper = reaper;
    this.interval = interval;
    this.clock = clock;
    this.log = log;
    this.observer = observer;
    this.runs = runs;
    this.runObserver = runObserver;
  }

  /** Does nothing when the reaper is off ({@code reaper} null). */
  @Override
  public synchronized void start() {
    if (thread == null && reaper != null) {
      // The first sweep is due one interval after start, read now rather than when the thread gets going.
      Instant first = clock.get().plus(interval);
      thread = Thread.ofPlatform().daemon().name("flowport-reaper").start(() -> loop(first));
    }
  }

  private void loop(Instant first) {
    Instant next = first;
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Thread.sleep(TICK);
      } catch (InterruptedException e) {
        return;
      }
      Instant now = clock.get();
      if (now.isBefore(next)) {
        continue;
      }
      try {
        observer.accept(reaper.sweep());
      } catch (RuntimeException e) {
        log.accept("flowport reaper: sweep failed, trying again in " + interval + ": " + e.getMessage());
      }
      if (runs != null) {
        // Its own try: EMR failing must not keep job runs alive, nor the other way round.
        try {
          runObserver.accept(runs.sweep());
        } catch (RuntimeException e) {
          log.accept("flowport reaper: job run sweep failed, trying again in " + interval + ": " + e.getMessage());
        }
      }
      next = now.plus(interval);
    }
  }

  @Override
  public synchronized void stop() {
    if (thread != null) {
      thread.interrupt();
      thread = null;
    }
  }

  @Override
  public boolean isRunning() {
    return thread != null;
  }
}
