package io.flowport.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.flowport.contract.JobTypes;
import io.flowport.runtime.JobPipeline;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Airflow jobs without a service call: the time sensors' target, the retry back-off. */
@Component
public class AirflowJobWorkers {

  private final JobPipeline pipeline;

  public AirflowJobWorkers(JobPipeline pipeline) {
    this.pipeline = pipeline;
  }

  @JobWorker(type = JobTypes.AIRFLOW_TIME)
  public Map<String, Object> time(ActivatedJob job) {
    return Jobs.handle(job, pipeline::airflowTime);
  }

  @JobWorker(type = JobTypes.AIRFLOW_RETRY_DELAY)
  public Map<String, Object> retryDelay(ActivatedJob job) {
    return Jobs.handle(job, pipeline::airflowRetryDelay);
  }
}
