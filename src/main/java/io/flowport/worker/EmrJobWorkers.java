package io.flowport.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.flowport.runtime.JobPipeline;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * One job worker per EMR API (job type {@code flowport.emr.<API>}). Each only names its API: the
 * request and result mapping is generic (see {@link io.flowport.emr.EmrOperations}).
 */
@Component
public class EmrJobWorkers {

  private final JobPipeline pipeline;

  public EmrJobWorkers(JobPipeline pipeline) {
    this.pipeline = pipeline;
  }

  @JobWorker(type = "flowport.emr.RunJobFlow")
  public Map<String, Object> runJobFlow(ActivatedJob job) {
    return Jobs.handle(job, j -> pipeline.emr(j, "RunJobFlow"));
  }

  @JobWorker(type = "flowport.emr.DescribeCluster")
  public Map<String, Object> describeCluster(ActivatedJob job) {
    return Jobs.handle(job, j -> pipeline.emr(j, "DescribeCluster"));
  }

  @JobWorker(type = "flowport.emr.TerminateJobFlows")
  public Map<String, Object> terminateJobFlows(ActivatedJob job) {
    return Jobs.handle(job, j -> pipeline.emr(j, "TerminateJobFlows"));
  }

  @JobWorker(type = "flowport.emr.ListClusters")
  public Map<String, Object> listClusters(ActivatedJob job) {
    return Jobs.handle(job, j -> pipeline.emr(j, "ListClusters"));
  }

  @JobWorker(type = "flowport.emr.AddJobFlowSteps")
  public Map<String, Object> addJobFlowSteps(ActivatedJob job) {
    return Jobs.handle(job, j -> pipeline.emr(j, "AddJobFlowSteps"));
  }

  @JobWorker(type = "flowport.emr.DescribeStep")
  public Map<String, Object> describeStep(ActivatedJob job) {
    return Jobs.handle(job, j -> pipeline.emr(j, "DescribeStep"));
  }

  @JobWorker(type = "flowport.emr.ListSteps")
  public Map<String, Object> listSteps(ActivatedJob job) {
    return Jobs.handle(job, j -> pipeline.emr(j, "ListSteps"));
  }

  @JobWorker(type = "flowport.emr.SetTerminationProtection")
  public Map<String, Object> setTerminationProtection(ActivatedJob job) {
    return Jobs.handle(job, j -> pipeline.emr(j, "SetTerminationProtection"));
  }

  @JobWorker(type = "flowport.emr.CancelSteps")
  public Map<String, Object> cancelSteps(ActivatedJob job) {
    return Jobs.handle(job, j -> pipeline.emr(j, "CancelSteps"));
  }

  @JobWorker(type = "flowport.emr.ModifyInstanceGroups")
  public Map<String, Object> modifyInstanceGroups(ActivatedJob job) {
    return Jobs.handle(job, j -> pipeline.emr(j, "ModifyInstanceGroups"));
  }

  @JobWorker(type = "flowport.emr.ModifyInstanceFleet")
  public Map<String, Object> modifyInstanceFleet(ActivatedJob job) {
    return Jobs.handle(job, j -> pipeline.emr(j, "ModifyInstanceFleet"));
  }

  @JobWorker(type = "flowport.emr.ListInstanceGroups")
  public Map<String, Object> listInstanceGroups(ActivatedJob job) {
    return Jobs.handle(job, j -> pipeline.emr(j, "ListInstanceGroups"));
  }

  @JobWorker(type = "flowport.emr.ListInstanceFleets")
  public Map<String, Object> listInstanceFleets(ActivatedJob job) {
    return Jobs.handle(job, j -> pipeline.emr(j, "ListInstanceFleets"));
  }

  @JobWorker(type = "flowport.emr.AddTags")
  public Map<String, Object> addTags(ActivatedJob job) {
    return Jobs.handle(job, j -> pipeline.emr(j, "AddTags"));
  }

  @JobWorker(type = "flowport.emr.RemoveTags")
  public Map<String, Object> removeTags(ActivatedJob job) {
    return Jobs.handle(job, j -> pipeline.emr(j, "RemoveTags"));
  }
}
