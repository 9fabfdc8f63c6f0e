package io.flowport.worker;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.api.response.ActivatedJob;
import io.flowport.runtime.JobPipeline;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * For your own worker of a Task state flowport has no worker for (job types {@code aws.lambda.invoke},
 * {@code aws.sns.publish}, an activity's name...): flowport binds the request and applies
 * ResultSelector, ResultPath and OutputPath as Step Functions does; you only make the call.
 *
 * <pre>{@code
 * @JobWorker(type = "aws.lambda.invoke")
 * public Map<String, Object> invoke(ActivatedJob job) {
 *   return AslTasks.handle(job, pipeline, request -> myLambda.invoke(request)); // throw JobFailure for an error
 * }
 * }</pre>
 */
public final class AslTasks {

  /**
   * Runs {@code call} with the state's effective Parameters (for an Airflow task: its rendered
   * arguments, XComArgs filled in) and returns the completion variables;
   * a {@link io.flowport.runtime.JobFailure} thrown by {@code call} becomes the state's error (its
   * Retry and Catch see it), any other exception fails the job.
   */
  public static Map<String, Object> handle(ActivatedJob job, JobPipeline pipeline, UnaryOperator<JsonNode> call) {
    return Jobs.handle(job, j -> pipeline.task(j, call));
  }

  private AslTasks() {}
}
