package io.flowport.worker.reaper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * What the reaper did, for alerts: clusters it terminated, and clusters of ended instances it
 * could not (termination protected, or EMR refused), which keep billing until someone acts; the
 * same for job runs.
 */
final class ReaperMetrics implements Consumer<ClusterReaper.Sweep> {

  private final Counter terminated;
  private final AtomicInteger stuck = new AtomicInteger();
  private final Counter cancelled;
  private final AtomicInteger stuckRuns = new AtomicInteger();

  ReaperMetrics(MeterRegistry registry) {
    terminated = Counter.builder("flowport.reaper.terminated")
        .description("EMR clusters the reaper terminated because their process instance had ended").register(registry);
    Gauge.builder("flowport.reaper.stuck", stuck, AtomicInteger::get)
        .description("Clusters of ended process instances the last sweep could not terminate (protected or refused)")
        .register(registry);
    cancelled = Counter.builder("flowport.reaper.cancelled")
        .description("EMR Serverless and EMR on EKS job runs the reaper cancelled because their process instance had ended")
        .register(registry);
    Gauge.builder("flowport.reaper.stuck.job-runs", stuckRuns, AtomicInteger::get)
        .description("Job runs of ended process instances the last sweep could not cancel").register(registry);
  }

  /** What a job run sweep did. */
  void runs(JobRunReaper.Sweep sweep) {
    cancelled.increment(sweep.cancelled().size());
    stuckRuns.set(sweep.failed().size());
  }

  @Override
  public void accept(ClusterReaper.Sweep sweep) {
    terminated.increment(sweep.terminated().size());
    stuck.set(sweep.protectedIds().size() + sweep.failed().size());
  }
}
