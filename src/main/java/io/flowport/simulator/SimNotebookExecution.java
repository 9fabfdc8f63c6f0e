package io.flowport.simulator;

import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.services.emr.model.NotebookExecution;
import software.amazon.awssdk.services.emr.model.NotebookExecutionStatus;
import software.amazon.awssdk.services.emr.model.NotebookExecutionSummary;
import software.amazon.awssdk.services.emr.model.StartNotebookExecutionRequest;

/**
 * One notebook execution: START_PENDING → STARTING → RUNNING → FINISHING → FINISHED, or FAILING →
 * FAILED; StopNotebookExecution → STOP_PENDING → STOPPING → STOPPED. It moves on the simulator's
 * clock when it is read: each phase lasts its configured time from when it was entered.
 */
final class SimNotebookExecution {

  final String id;
  final long seq;
  final StartNotebookExecutionRequest request;
  final Instant started;
  NotebookExecutionStatus status = NotebookExecutionStatus.START_PENDING;
  private Instant since;
  private final Duration running;
  private final String failure;
  private Instant ended;
  private String reason;

  /** @param failure the LastStateChangeReason it fails with, or null when it finishes */
  SimNotebookExecution(String id, long seq, StartNotebookExecutionRequest request, Instant started, Duration running,
      String failure) {
    this.id = id;
    this.seq = seq;
    this.request = request;
    this.started = started;
    this.since = started;
    this.running = running;
    this.failure = failure;
  }

  String clusterId() {
    return request.executionEngine().id();
  }

  boolean isOpen() {
    return switch (status) {
      case FINISHED, FAILED, STOPPED -> false;
      default -> true;
    };
  }

  String arn() {
    return "arn:aws:elasticmapreduce:us-east-1:123456789012:notebook-execution/" + id;
  }

  /** Takes every transition due by {@code now}, each at the time it was due. */
  void advance(Instant now, NotebooksConfig config) {
    while (true) {
      Duration phase = switch (status) {
        case START_PENDING -> config.startPending();
        case STARTING -> config.starting();
        case RUNNING -> running;
        case FINISHING -> config.finishing();
        case FAILING -> config.failing();
        case STOP_PENDING -> config.stopPending();
        case STOPPING -> config.stopping();
        default -> null;
      };
      if (phase == null || since.plus(phase).isAfter(now)) {
        return;
      }
      Instant due = since.plus(phase);
      switch (status) {
        case START_PENDING -> enter(NotebookExecutionStatus.STARTING, due);
        case STARTING -> enter(NotebookExecutionStatus.RUNNING, due);
        case RUNNING -> enter(failure == null ? NotebookExecutionStatus.FINISHING : NotebookExecutionStatus.FAILING, due);
        // The finished message is one EMR gives (Management Guide, "Describe a notebook").
        case FINISHING -> end(NotebookExecutionStatus.FINISHED, due, "Execution is finished for cluster " + clusterId() + ".");
        case FAILING -> end(NotebookExecutionStatus.FAILED, due, failure);
        case STOP_PENDING -> enter(NotebookExecutionStatus.STOPPING, due);
        default -> end(NotebookExecutionStatus.STOPPED, due, "Execution is stopped for cluster " + clusterId() + ".");
      }
    }
  }

  /** StopNotebookExecution on an open execution, brought up to date by the caller. */
  void stop(Instant now) {
    if (status != NotebookExecutionStatus.STOP_PENDING && status != NotebookExecutionStatus.STOPPING) {
      enter(NotebookExecutionStatus.STOP_PENDING, now);
    }
  }

  private void end(NotebookExecutionStatus to, Instant at, String why) {
    enter(to, at);
    ended = at;
    reason = why;
  }

  private void enter(NotebookExecutionStatus to, Instant at) {
    status = to;
    since = at;
  }

  NotebookExecution toExecution() {
    return NotebookExecution.builder()
        .notebookExecutionId(id)
        .editorId(request.editorId())
        .executionEngine(request.executionEngine())
        .notebookExecutionName(request.notebookExecutionName())
        .notebookParams(request.notebookParams())
        .status(status)
        .startTime(started)
        .endTime(ended)
        .arn(arn())
        .outputNotebookURI(request.editorId() == null || request.relativePath() == null ? null
            : "s3://flowport-simulator/notebook/" + request.editorId() + "/executions/" + id + "/" + request.relativePath())
        .lastStateChangeReason(reason)
        .notebookInstanceSecurityGroupId(request.notebookInstanceSecurityGroupId())
        .tags(request.tags())
        .notebookS3Location(input())
        .outputNotebookS3Location(request.outputNotebookS3Location() == null ? null
            : software.amazon.awssdk.services.emr.model.OutputNotebookS3LocationForOutput.builder()
                .bucket(request.outputNotebookS3Location().bucket()).key(request.outputNotebookS3Location().key()).build())
        .outputNotebookFormat(request.outputNotebookFormat())
        .environmentVariables(request.environmentVariables())
        .build();
  }

  NotebookExecutionSummary toSummary() {
    return NotebookExecutionSummary.builder()
        .notebookExecutionId(id)
        .editorId(request.editorId())
        .notebookExecutionName(request.notebookExecutionName())
        .status(status)
        .startTime(started)
        .endTime(ended)
        .notebookS3Location(input())
        .executionEngineId(clusterId())
        .build();
  }

  /** The request's notebook location, in the response's shape. */
  private software.amazon.awssdk.services.emr.model.NotebookS3LocationForOutput input() {
    return request.notebookS3Location() == null ? null
        : software.amazon.awssdk.services.emr.model.NotebookS3LocationForOutput.builder()
            .bucket(request.notebookS3Location().bucket()).key(request.notebookS3Location().key()).build();
  }
}
