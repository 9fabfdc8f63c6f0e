package io.flowport.worker;

import io.camunda.client.CamundaClient;
import io.flowport.contract.JobTypes;
import io.flowport.emr.EmrContainersOperations;
import io.flowport.emr.EmrOperations;
import io.flowport.emr.EmrServerlessOperations;
import io.flowport.runtime.CreateOnce;
import io.flowport.runtime.EmrCall;
import io.flowport.runtime.JobPipeline;
import io.flowport.runtime.Mocks;
import io.flowport.runtime.Tracking;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.emr.EmrClient;
import software.amazon.awssdk.services.emrcontainers.EmrContainersClient;
import software.amazon.awssdk.services.emrserverless.EmrServerlessClient;

/**
 * The workers' runtime. In production EMR, EMR Serverless and EMR on EKS are reached with the default credential
 * and region chains; the embedded runtime replaces the {@link EmrCall}s (simulator), the clock and
 * the mocks.
 */
@Configuration
public class WorkerConfiguration {

  /** The clock workers stamp times with ($$.State.EnteredTime, ...): the engine's clock. */
  public interface EngineClock extends Supplier<Instant> {}

  /**
   * @param endpoint an EMR-compatible endpoint instead of the region's (the simulator), or empty
   * @param region the calls' region, or empty for the SDK's default chain
   */
  @Bean
  @ConditionalOnMissingBean(name = "emrCall")
  public EmrCall emrCall(@Value("${flowport.emr.endpoint:}") String endpoint, @Value("${flowport.emr.region:}") String region,
      ObjectProvider<io.micrometer.core.instrument.MeterRegistry> registry, CallBudget budget) {
    EmrCall calls = new EmrOperations(configured(EmrClient.builder(), endpoint, region, registry).build());
    return budget.limited() ? new BudgetedCall(calls, budget) : calls;
  }

  /**
   * The worker's EMR (on EC2) request budget, shared by its jobs and its tracker.
   *
   * @param maxRate requests a second this worker makes at most, 0 for no budget
   */
  @Bean
  public CallBudget emrBudget(@Value("${flowport.emr.max-rate:0}") double maxRate) {
    return new CallBudget(maxRate);
  }

  /** EMR Serverless, at the same endpoint override as EMR: the simulator serves both. */
  @Bean
  @ConditionalOnMissingBean(name = "emrServerlessCall")
  public EmrCall emrServerlessCall(@Value("${flowport.emr.endpoint:}") String endpoint,
      @Value("${flowport.emr.region:}") String region, ObjectProvider<io.micrometer.core.instrument.MeterRegistry> registry) {
    return new EmrServerlessOperations(configured(EmrServerlessClient.builder(), endpoint, region, registry).build());
  }

  /** EMR on EKS (emr-containers), at the same endpoint override too. */
  @Bean
  @ConditionalOnMissingBean(name = "emrContainersCall")
  public EmrCall emrContainersCall(@Value("${flowport.emr.endpoint:}") String endpoint,
      @Value("${flowport.emr.region:}") String region, ObjectProvider<io.micrometer.core.instrument.MeterRegistry> registry) {
    return new EmrContainersOperations(configured(EmrContainersClient.builder(), endpoint, region, registry).build());
  }

  private static <B extends AwsClientBuilder<B, ?>> B configured(B builder, String endpoint, String region,
      ObjectProvider<io.micrometer.core.instrument.MeterRegistry> registry) {
    if (!endpoint.isBlank()) {
      builder.endpointOverride(java.net.URI.create(endpoint.strip()));
    }
    if (!region.isBlank()) {
      builder.region(Region.of(region.strip()));
    }
    builder.overrideConfiguration(c -> c.retryStrategy(io.flowport.emr.EmrRetries.strategy()));
    registry.ifAvailable(r -> builder.overrideConfiguration(c -> c.addMetricPublisher(new EmrMetrics(r))));
    return builder;
  }

  /**
   * @param lookup look for the cluster (or steps) of an earlier delivery before creating
   * @param lookback how far back that lookup goes when the process did not record when the task
   *     started; longer than any job waits for its next delivery
   * @param deadlineGuard no create this close to the job's deadline
   * @param clockSkew how much before the task's recorded start the lookup begins
   */
  @Bean
  public JobPipeline jobPipeline(@Qualifier("emrCall") EmrCall emr, @Qualifier("emrServerlessCall") EmrCall serverless,
      @Qualifier("emrContainersCall") EmrCall containers,
      ObjectProvider<Mocks> mocks, ObjectProvider<EngineClock> clock, ObjectProvider<CamundaClient> client,
      Tracking tracking, ObjectProvider<io.flowport.worker.reaper.JobRunPlaces> places, @Value("${flowport.idempotency.lookup:true}") boolean lookup,
      @Value("${flowport.idempotency.lookback:PT24H}") Duration lookback,
      @Value("${flowport.idempotency.deadline-guard:PT30S}") Duration deadlineGuard,
      @Value("${flowport.idempotency.clock-skew:PT5M}") Duration clockSkew,
      @Value("${flowport.results.max-size:1MB}") org.springframework.util.unit.DataSize maxResult) {
    Supplier<Instant> now = clock.getIfAvailable(() -> Instant::now);
    // The client is looked up when a mocked callback answers, not when the pipeline is made.
    // The job-run reaper lists runs where the jobs ran them: the calls tell it where.
    io.flowport.worker.reaper.JobRunPlaces seen = places.getIfAvailable(io.flowport.worker.reaper.JobRunPlaces::new);
    return new JobPipeline(Map.of(JobTypes.EMR, emr, JobTypes.EMR_SERVERLESS, seen.recording(JobTypes.EMR_SERVERLESS, serverless),
        JobTypes.EMR_CONTAINERS, seen.recording(JobTypes.EMR_CONTAINERS, containers)), mocks.getIfAvailable(() -> Mocks.NONE),
        now, new CreateOnce.Settings(lookup, lookback, deadlineGuard, clockSkew), new MessageAnswers(client::getObject), tracking)
        .resultLimit(maxResult.toBytes());
  }

  /**
   * The worker's shared watch over the EMR clusters, steps and job runs of pending waits ({@link EmrTracker}),
   * or {@link Tracking#OFF}: then every wait polls at its source's interval.
   *
   * @param interval how often the watched resources are listed
   * @param fallback the poll interval of a watched wait, should this worker stop watching it
   */
  @Bean
  public Tracking tracking(@Qualifier("emrCall") EmrCall emr, @Qualifier("emrServerlessCall") ObjectProvider<EmrCall> serverless,
      @Qualifier("emrContainersCall") ObjectProvider<EmrCall> containers, ObjectProvider<EngineClock> clock,
      ObjectProvider<CamundaClient> client, ObjectProvider<io.micrometer.core.instrument.MeterRegistry> registry,
      CallBudget budget, @Value("${flowport.tracker.enabled:true}") boolean enabled, @Value("${flowport.tracker.interval:PT30S}") Duration interval,
      @Value("${flowport.tracker.fallback:PT10M}") Duration fallback) {
    if (!enabled) {
      return Tracking.OFF;
    }
    if (interval.isNegative() || interval.isZero() || fallback.compareTo(interval) <= 0) {
      throw new IllegalArgumentException("flowport.tracker.interval must be positive and flowport.tracker.fallback longer than it, got "
          + interval + " and " + fallback);
    }
    // The message outlives the gap between the poll job's completion and the loop's catch event.
    EmrTracker tracker = new EmrTracker(emr, key -> TrackerMessages.send(client.getObject(), key, fallback),
        clock.getIfAvailable(() -> Instant::now), interval, fallback, budget)
        .jobRuns(serverless.getIfAvailable(), containers.getIfAvailable());
    registry.ifAvailable(r -> io.micrometer.core.instrument.Gauge.builder(EmrTracker.TRACKED, tracker::size)
        .description("EMR clusters, steps and job runs the tracker watches for pending waits").register(r));
    return tracker.start();
  }

  /** Incidents read the EMR reason flowport gives, not a stack trace (see {@link OneLineFailures}). */
  @Bean
  public io.camunda.client.jobhandling.JobExceptionHandlingStrategy jobExceptionHandlingStrategy(
      io.camunda.client.jobhandling.CommandExceptionHandlingStrategy commands, io.camunda.client.metrics.MetricsRecorder metrics) {
    return new OneLineFailures(new io.camunda.client.jobhandling.DefaultJobExceptionHandlingStrategy(commands, metrics),
        commands, metrics);
  }
}
