package io.flowport.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.flowport.runtime.Job;
import io.flowport.runtime.JobPipeline;
import io.flowport.runtime.Outcome;
import java.util.Map;
import java.util.function.BiConsumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * One job worker per EMR API (job type {@code flowport.emr.<API>}). Each only names its API: the
 * request and result mapping is generic (see {@link io.flowport.emr.EmrOperations}).
 */
@Component
public class EmrJobWorkers {

  private final JobPipeline pipeline;
  private final BiConsumer<Job, Outcome> observer;

  public EmrJobWorkers(JobPipeline pipeline, ObjectProvider<WaitTracker> waits) {
    this.pipeline = pipeline;
    WaitTracker tracker = waits.getIfAvailable();
    this.observer = tracker == null ? (job, outcome) -> {} : tracker::observe;
  }

  private Map<String, Object> run(ActivatedJob job, String api) {
    return Jobs.handle(job, j -> pipeline.emr(j, api), observer);
  }

  @JobWorker(type = "flowport.emr.RunJobFlow")
  public Map<String, Object> runJobFlow(ActivatedJob job) {
    return run(job, "RunJobFlow");
  }

  @JobWorker(type = "flowport.emr.DescribeCluster")
  public Map<String, Object> describeCluster(ActivatedJob job) {
    return run(job, "DescribeCluster");
  }

  @JobWorker(type = "flowport.emr.TerminateJobFlows")
  public Map<String, Object> terminateJobFlows(ActivatedJob job) {
    return run(job, "TerminateJobFlows");
  }

  @JobWorker(type = "flowport.emr.ListClusters")
  public Map<String, Object> listClusters(ActivatedJob job) {
    return run(job, "ListClusters");
  }

  @JobWorker(type = "flowport.emr.AddJobFlowSteps")
  public Map<String, Object> addJobFlowSteps(ActivatedJob job) {
    return run(job, "AddJobFlowSteps");
  }

  @JobWorker(type = "flowport.emr.DescribeStep")
  public Map<String, Object> describeStep(ActivatedJob job) {
    return run(job, "DescribeStep");
  }

  @JobWorker(type = "flowport.emr.ListSteps")
  public Map<String, Object> listSteps(ActivatedJob job) {
    return run(job, "ListSteps");
  }

  @JobWorker(type = "flowport.emr.SetTerminationProtection")
  public Map<String, Object> setTerminationProtection(ActivatedJob job) {
    return run(job, "SetTerminationProtection");
  }

  @JobWorker(type = "flowport.emr.CancelSteps")
  public Map<String, Object> cancelSteps(ActivatedJob job) {
    return run(job, "CancelSteps");
  }

  @JobWorker(type = "flowport.emr.ModifyInstanceGroups")
  public Map<String, Object> modifyInstanceGroups(ActivatedJob job) {
    return run(job, "ModifyInstanceGroups");
  }

  @JobWorker(type = "flowport.emr.ModifyInstanceFleet")
  public Map<String, Object> modifyInstanceFleet(ActivatedJob job) {
    return run(job, "ModifyInstanceFleet");
  }

  @JobWorker(type = "flowport.emr.ListInstanceGroups")
  public Map<String, Object> listInstanceGroups(ActivatedJob job) {
    return run(job, "ListInstanceGroups");
  }

  @JobWorker(type = "flowport.emr.ListInstanceFleets")
  public Map<String, Object> listInstanceFleets(ActivatedJob job) {
    return run(job, "ListInstanceFleets");
  }

  @JobWorker(type = "flowport.emr.AddTags")
  public Map<String, Object> addTags(ActivatedJob job) {
    return run(job, "AddTags");
  }

  @JobWorker(type = "flowport.emr.RemoveTags")
  public Map<String, Object> removeTags(ActivatedJob job) {
    return run(job, "RemoveTags");
  }

  @JobWorker(type = "flowport.emr.ModifyCluster")
  public Map<String, Object> modifyCluster(ActivatedJob job) {
    return run(job, "ModifyCluster");
  }

  @JobWorker(type = "flowport.emr.StartNotebookExecution")
  public Map<String, Object> startNotebookExecution(ActivatedJob job) {
    return run(job, "StartNotebookExecution");
  }

  @JobWorker(type = "flowport.emr.DescribeNotebookExecution")
  public Map<String, Object> describeNotebookExecution(ActivatedJob job) {
    return run(job, "DescribeNotebookExecution");
  }

  @JobWorker(type = "flowport.emr.StopNotebookExecution")
  public Map<String, Object> stopNotebookExecution(ActivatedJob job) {
    return run(job, "StopNotebookExecution");
  }

  @JobWorker(type = "flowport.emr.ListNotebookExecutions")
  public Map<String, Object> listNotebookExecutions(ActivatedJob job) {
    return run(job, "ListNotebookExecutions");
  }
}
