package io.flowport.worker;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.JobError;
import io.flowport.contract.Headers;
import io.flowport.runtime.JobPipeline;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;

/**
 * Workers for the job types flowport has no worker of its own for (Lambda, SNS, activities...), in
 * local runs only: each task is answered by its Step Functions Local mock. They are opened per run
 * because the job types come from the machine, not from annotations.
 */
public final class MockedTasks {

  /** Opens one worker per job type; they close with the client. */
  public static void open(CamundaClient client, Collection<String> jobTypes, JobPipeline pipeline, Duration pollInterval) {
    for (String type : jobTypes) {
      client.newWorker().jobType(type)
          .handler((jobClient, job) -> answer(jobClient, job, pipeline))
          // Source time may run fast in a local run: keep the activation timeout far away.
          .timeout(Duration.ofDays(3650))
          .pollInterval(pollInterval)
          .open();
    }
  }

  private static void answer(JobClient jobClient, ActivatedJob job, JobPipeline pipeline) {
    Map<String, Object> variables;
    try {
      variables = Jobs.handle(job, j -> pipeline.task(j, request -> {
        throw new IllegalStateException("state '" + j.header(Headers.SOURCE)
            + "' has no mocked response, and flowport has no worker for job type " + j.type());
      }));
    } catch (BpmnError e) {
      var command = jobClient.newThrowErrorCommand(job).errorCode(e.getErrorCode()).errorMessage(e.getErrorMessage());
      if (e.getVariables() != null) {
        command = command.variables(e.getVariables());
      }
      command.send().join();
      return;
    } catch (JobError e) {
      jobClient.newFailCommand(job).retries(e.getRetries()).retryBackoff(e.getRetryBackoff())
          .errorMessage(e.getErrorMessage()).send().join();
      return;
    } catch (RuntimeException e) {
      // No retry can help (e.g. no mock for the state): an incident with the reason.
      jobClient.newFailCommand(job).retries(0).errorMessage(e.getMessage()).send().join();
      return;
    }
    jobClient.newCompleteCommand(job).variables(variables).send().join();
  }

  private MockedTasks() {}
}
