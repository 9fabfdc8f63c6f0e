package io.flowport.worker.reaper;

import io.camunda.client.CamundaClient;
import io.flowport.runtime.EmrCall;
import io.flowport.worker.WorkerConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reaper in the worker, on unless {@code flowport.reaper.enabled=false} (then it never sweeps). It asks the cluster's
 * REST API about instances unless the runtime brings its own {@link InstanceStates} (the embedded
 * engine's record stream).
 */
@Configuration
public class ReaperConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterReaper.class);
  private static final Consumer<String> WARN = LOG::warn;
  private static final Consumer<String> INFO = LOG::info;

  @Bean
  @ConditionalOnMissingBean(name = "instanceStates")
  InstanceStates instanceStates(ObjectProvider<CamundaClient> client) {
    // The client is looked up at the first sweep, not when the beans are made.
    return new CamundaInstanceStates(client::getObject, WARN);
  }

  @Bean
  ClusterReaper clusterReaper(@Qualifier("emrCall") EmrCall emr, InstanceStates states) {
    return new ClusterReaper(emr, states, INFO);
  }

  /** Where this worker's jobs ran job runs; the pipeline's EMR Serverless and EMR on EKS calls fill it. */
  @Bean
  public JobRunPlaces jobRunPlaces() {
    return new JobRunPlaces();
  }

  /** @param searchEvery sweeps between two listings of the account's applications and virtual clusters (0: never) */
  @Bean
  JobRunReaper jobRunReaper(@Qualifier("emrServerlessCall") ObjectProvider<EmrCall> serverless,
      @Qualifier("emrContainersCall") ObjectProvider<EmrCall> containers, JobRunPlaces places, InstanceStates states,
      @Value("${flowport.reaper.search-every:12}") int searchEvery) {
    return new JobRunReaper(serverless.getIfAvailable(), containers.getIfAvailable(), places, states, INFO, searchEvery);
  }

  @Bean
  ReaperSchedule reaperSchedule(ClusterReaper reaper, JobRunReaper runs, @Value("${flowport.reaper.enabled:true}") boolean enabled,
      @Value("${flowport.reaper.interval:PT5M}") Duration interval, ObjectProvider<WorkerConfiguration.EngineClock> clock,
      ObjectProvider<io.micrometer.core.instrument.MeterRegistry> registry) {
    Supplier<Instant> now = clock.getIfAvailable(() -> Instant::now);
    io.micrometer.core.instrument.MeterRegistry meters = registry.getIfAvailable();
    ReaperMetrics metrics = meters == null ? null : new ReaperMetrics(meters);
    Consumer<ClusterReaper.Sweep> observer = metrics == null ? sweep -> {} : metrics;
    Consumer<JobRunReaper.Sweep> runObserver = metrics == null ? sweep -> {} : metrics::runs;
    return new ReaperSchedule(enabled ? reaper : null, runs, interval, now, WARN, observer, runObserver);
  }
}
