package io.flowport.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.flowport.contract.JobTypes;
import io.flowport.runtime.JobPipeline;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Step Functions states without a service call: Choice rules, Pass/Succeed/Wait data flow, the
 * data flow around Parallel branches and Map iterations, and the token and answer of callbacks.
 */
@Component
public class AslJobWorkers {

  private final JobPipeline pipeline;

  public AslJobWorkers(JobPipeline pipeline) {
    this.pipeline = pipeline;
  }

  @JobWorker(type = JobTypes.ASL_CHOICE)
  public Map<String, Object> choice(ActivatedJob job) {
    return Jobs.handle(job, pipeline::choice);
  }

  @JobWorker(type = JobTypes.ASL_ERROR)
  public Map<String, Object> error(ActivatedJob job) {
    return Jobs.handle(job, pipeline::error);
  }

  @JobWorker(type = JobTypes.ASL_ITEMS)
  public Map<String, Object> items(ActivatedJob job) {
    return Jobs.handle(job, pipeline::items);
  }

  @JobWorker(type = JobTypes.ASL_COLLECT)
  public Map<String, Object> collect(ActivatedJob job) {
    return Jobs.handle(job, pipeline::collect);
  }

  @JobWorker(type = JobTypes.ASL_TOKEN)
  public Map<String, Object> token(ActivatedJob job) {
    return Jobs.handle(job, pipeline::token);
  }

  @JobWorker(type = JobTypes.ASL_CALLBACK)
  public Map<String, Object> answer(ActivatedJob job) {
    return Jobs.handle(job, pipeline::answer);
  }

  @JobWorker(type = JobTypes.ASL_PASS)
  public Map<String, Object> pass(ActivatedJob job) {
    return Jobs.handle(job, pipeline::pass);
  }
}
