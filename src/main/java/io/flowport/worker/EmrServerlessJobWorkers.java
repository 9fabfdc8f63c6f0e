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
 * One job worker per EMR Serverless API (job type {@code flowport.emr-serverless.<API>}). Each only
 * names its API: the request and result mapping is generic (see {@link io.flowport.emr.SdkOperations}).
 */
@Component
public class EmrServerlessJobWorkers {

  private final JobPipeline pipeline;
  private final BiConsumer<Job, Outcome> observer;

  public EmrServerlessJobWorkers(JobPipeline pipeline, ObjectProvider<WaitTracker> waits) {
    this.pipeline = pipeline;
    WaitTracker tracker = waits.getIfAvailable();
    this.observer = tracker == null ? (job, outcome) -> {} : tracker::observe;
  }

  private Map<String, Object> run(ActivatedJob job, String api) {
    return Jobs.handle(job, j -> pipeline.call(j, JobTypes.EMR_SERVERLESS, api), observer);
  }

  @JobWorker(type = "flowport.emr-serverless.CreateApplication")
  public Map<String, Object> createApplication(ActivatedJob job) {
    return run(job, "CreateApplication");
  }

  @JobWorker(type = "flowport.emr-serverless.StartApplication")
  public Map<String, Object> startApplication(ActivatedJob job) {
    return run(job, "StartApplication");
  }

  @JobWorker(type = "flowport.emr-serverless.StopApplication")
  public Map<String, Object> stopApplication(ActivatedJob job) {
    return run(job, "StopApplication");
  }

  @JobWorker(type = "flowport.emr-serverless.DeleteApplication")
  public Map<String, Object> deleteApplication(ActivatedJob job) {
    return run(job, "DeleteApplication");
  }

  @JobWorker(type = "flowport.emr-serverless.GetApplication")
  public Map<String, Object> getApplication(ActivatedJob job) {
    return run(job, "GetApplication");
  }

  @JobWorker(type = "flowport.emr-serverless.StartJobRun")
  public Map<String, Object> startJobRun(ActivatedJob job) {
    return run(job, "StartJobRun");
  }

  @JobWorker(type = "flowport.emr-serverless.GetJobRun")
  public Map<String, Object> getJobRun(ActivatedJob job) {
    return run(job, "GetJobRun");
  }

  @JobWorker(type = "flowport.emr-serverless.CancelJobRun")
  public Map<String, Object> cancelJobRun(ActivatedJob job) {
    return run(job, "CancelJobRun");
  }
}
