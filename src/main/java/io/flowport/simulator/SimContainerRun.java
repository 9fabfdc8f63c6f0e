package io.flowport.simulator;

import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.services.emrcontainers.model.JobRun;
import software.amazon.awssdk.services.emrcontainers.model.JobRunState;
import software.amazon.awssdk.services.emrcontainers.model.StartJobRunRequest;

/**
 * One EMR on EKS job run: PENDING → SUBMITTED → RUNNING → COMPLETED or FAILED (with a failure
 * reason and state details), or CANCEL_PENDING → CANCELLED. It moves on the simulator's clock when
 * it is read: each phase lasts its configured time from when it was entered.
 */
final class SimContainerRun {

  static final String CANCELLED_DETAILS = "Job run cancelled by user request";

  final String id;
  final String virtualClusterId;
  final StartJobRunRequest request;
  final Instant created;
  JobRunState state = JobRunState.PENDING;
  private Instant since;
  private final Duration running;
  private final String failureReason;
  private final String failureDetails;
  private Instant finished;
  private String stateDetails;

  /**
   * @param running how long it runs
   * @param failureReason its failureReason when it is to fail, or null when it completes
   */
  SimContainerRun(String id, StartJobRunRequest request, Instant created, Duration running, String failureReason,
      String failureDetails) {
    this.id = id;
    this.virtualClusterId = request.virtualClusterId();
    this.request = request;
    this.created = created;
    this.since = created;
    this.running = running;
    this.failureReason = failureReason;
    this.failureDetails = failureDetails;
  }

  boolean isOpen() {
    return switch (state) {
      case COMPLETED, FAILED, CANCELLED -> false;
      default -> true;
    };
  }

  String arn() {
    return "arn:aws:emr-containers:us-east-1:123456789012:/virtualclusters/" + virtualClusterId + "/jobruns/" + id;
  }

  /** Takes every transition due by {@code now}, each at the time it was due. */
  void advance(Instant now, ContainersConfig config) {
    while (true) {
      Duration phase = switch (state) {
        case PENDING -> config.pending();
        case SUBMITTED -> config.submitted();
        case RUNNING -> running;
        case CANCEL_PENDING -> config.cancelPending();
        default -> null;
      };
      if (phase == null || since.plus(phase).isAfter(now)) {
        return;
      }
      Instant due = since.plus(phase);
      switch (state) {
        case PENDING -> enter(JobRunState.SUBMITTED, due);
        case SUBMITTED -> enter(JobRunState.RUNNING, due);
        case RUNNING -> {
          if (failureReason == null) {
            end(JobRunState.COMPLETED, due, null);
          } else {
            end(JobRunState.FAILED, due, failureDetails);
          }
        }
        default -> end(JobRunState.CANCELLED, due, CANCELLED_DETAILS);
      }
    }
  }

  /** CancelJobRun on an open run, brought up to date by the caller. */
  void cancel(Instant now) {
    if (state != JobRunState.CANCEL_PENDING) {
      enter(JobRunState.CANCEL_PENDING, now);
    }
  }

  private void end(JobRunState to, Instant at, String details) {
    enter(to, at);
    finished = at;
    stateDetails = details;
  }

  private void enter(JobRunState to, Instant at) {
    state = to;
    since = at;
  }

  JobRun toJobRun() {
    return JobRun.builder()
        .id(id)
        .name(request.name())
        .virtualClusterId(virtualClusterId)
        .arn(arn())
        .state(state)
        .clientToken(request.clientToken())
        .executionRoleArn(request.executionRoleArn())
        .releaseLabel(request.releaseLabel())
        .configurationOverrides(request.configurationOverrides())
        .jobDriver(request.jobDriver())
        .createdAt(created)
        .createdBy("arn:aws:sts::123456789012:assumed-role/flowport/simulator")
        .finishedAt(finished)
        .stateDetails(stateDetails)
        // Only a run that failed on its own has a reason; a cancelled one has details only.
        .failureReason(state == JobRunState.FAILED ? failureReason : null)
        .tags(request.tags())
        .retryPolicyConfiguration(request.retryPolicyConfiguration())
        .build();
  }
}
