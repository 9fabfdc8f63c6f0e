package io.flowport.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.flowport.contract.JobTypes;
import io.flowport.runtime.Job;
import io.flowport.runtime.JobPipeline;
import io.flowport.runtime.Outcome;
import java.util.Map;
import java.util.function.BiConsumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * One job worker per EMR on EKS API (job type {@code flowport.emr-containers.<API>}): the job run
 * calls Step Functions and Airflow make. Each only names its API (see {@link io.flowport.emr.SdkOperations}).
 */
@Component
public class EmrContainersJobWorkers {

  private final JobPipeline pipeline;
  private final BiConsumer<Job, Outcome> observer;

  public EmrContainersJobWorkers(JobPipeline pipeline, ObjectProvider<WaitTracker> waits) {
    this.pipeline = pipeline;
    WaitTracker tracker = waits.getIfAvailable();
    this.observer = tracker == null ? (job, outcome) -> {} : tracker::observe;
  }

  private Map<String, Object> run(ActivatedJob job, String api) {
    return Jobs.handle(job, j -> pipeline.call(j, JobTypes.EMR_CONTAINERS, api), observer);
  }

  @JobWorker(type = "flowport.emr-containers.StartJobRun")
  public Map<String, Object> startJobRun(ActivatedJob job) {
    return run(job, "StartJobRun");
  }

  @JobWorker(type = "flowport.emr-containers.DescribeJobRun")
  public Map<String, Object> describeJobRun(ActivatedJob job) {
    return run(job, "DescribeJobRun");
  }

  @JobWorker(type = "flowport.emr-containers.CancelJobRun")
  public Map<String, Object> cancelJobRun(ActivatedJob job) {
    return run(job, "CancelJobRun");
  }

  @JobWorker(type = "flowport.emr-containers.ListJobRuns")
  public Map<String, Object> listJobRuns(ActivatedJob job) {
    return run(job, "ListJobRuns");
  }
}
