package io.flowport.worker;

import io.camunda.client.api.command.FailJobCommandStep1.FailJobCommandStep2;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.JobError;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.CommandWrapper;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobHandlingUtil;
import io.camunda.client.metrics.MetricsRecorder;

/**
 * Fails a job with the message flowport gave it (the EMR reason, the state or task it concerns)
 * instead of the Spring SDK's default, the Java stack trace: that text is what Operate shows as the
 * incident. Other exceptions, flowport's own bugs, keep the default and their stack trace.
 */
public final class OneLineFailures implements JobExceptionHandlingStrategy {

  private final JobExceptionHandlingStrategy fallback;
  private final CommandExceptionHandlingStrategy commands;
  private final MetricsRecorder metrics;

  public OneLineFailures(JobExceptionHandlingStrategy fallback, CommandExceptionHandlingStrategy commands, MetricsRecorder metrics) {
    this.fallback = fallback;
    this.commands = commands;
    this.metrics = metrics;
  }

  @Override
  public void handleException(Exception e, ExceptionHandlingContext context) throws Exception {
    if (!(e instanceof JobError error)) {
      fallback.handleException(e, context);
      return;
    }
    ActivatedJob job = context.job();
    int retries = error.getRetries() != null ? error.getRetries() : job.getRetries() - 1;
    FailJobCommandStep2 fail = context.jobClient().newFailCommand(job.getKey()).retries(retries)
        .errorMessage(error.getErrorMessage());
    if (error.getRetryBackoff() != null) {
      fail = fail.retryBackoff(error.getRetryBackoff());
    }
    if (error.getVariables() != null) {
      fail = JobHandlingUtil.applyVariables(error.getVariables(), fail);
    }
    new CommandWrapper(fail, job, commands, metrics, context.jobWorkerValue().getMaxRetries())
        .executeAsyncWithMetrics(MetricsRecorder.METRIC_NAME_JOB, MetricsRecorder.ACTION_FAILED, job.getType());
  }
}
