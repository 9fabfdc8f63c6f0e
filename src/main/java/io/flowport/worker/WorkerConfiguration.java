package io.flowport.worker;

import io.camunda.client.CamundaClient;
import io.flowport.emr.EmrOperations;
import io.flowport.runtime.CreateOnce;
import io.flowport.runtime.EmrCall;
import io.flowport.runtime.JobPipeline;
import io.flowport.runtime.Mocks;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.emr.EmrClient;

/**
 * The workers' runtime. In production EMR is reached with the default credential and region
 * chains; the embedded runtime replaces the {@link EmrCall} (simulator), the clock and the mocks.
 */
@Configuration
public class WorkerConfiguration {

  /** The clock workers stamp times with ($$.State.EnteredTime, ...): the engine's clock. */
  public interface EngineClock extends Supplier<Instant> {}

  @Bean
  @ConditionalOnMissingBean
  public EmrCall emrCall() {
    return new EmrOperations(EmrClient.create());
  }

  /**
   * @param lookup look for the cluster (or steps) of an earlier delivery before creating
   * @param lookback how far back that lookup goes; longer than any job waits for its next delivery
   * @param deadlineGuard no create this close to the job's deadline
   */
  @Bean
  public JobPipeline jobPipeline(EmrCall emr, ObjectProvider<Mocks> mocks, ObjectProvider<EngineClock> clock,
      ObjectProvider<CamundaClient> client,
      @Value("${flowport.idempotency.lookup:true}") boolean lookup,
      @Value("${flowport.idempotency.lookback:PT24H}") Duration lookback,
      @Value("${flowport.idempotency.deadline-guard:PT30S}") Duration deadlineGuard) {
    Supplier<Instant> now = clock.getIfAvailable(() -> Instant::now);
    // The client is looked up when a mocked callback answers, not when the pipeline is made.
    return new JobPipeline(emr, mocks.getIfAvailable(() -> Mocks.NONE), now,
        new CreateOnce.Settings(lookup, lookback, deadlineGuard), new MessageAnswers(client::getObject));
  }
}
