package io.flowport.simulator;

import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.services.emrserverless.model.JobRun;
import software.amazon.awssdk.services.emrserverless.model.JobRunState;
import software.amazon.awssdk.services.emrserverless.model.StartJobRunRequest;

/**
 * One EMR Serverless job run: SUBMITTED → PENDING → (its application STARTED) SCHEDULED → RUNNING →
 * SUCCESS or FAILED, or CANCELLING → CANCELLED. Its application moves it along (see
 * {@link SimApplication}), so the run and the application change state in time order.
 */
final class SimJobRun {

  static final String CANCELLED_DETAILS = "Job run cancelled by user request";

  final String id;
  final StartJobRunRequest request;
  final Instant created;
  JobRunState state = JobRunState.SUBMITTED;
  Instant since;
  private final Duration running;
  private final String failure;
  private Instant runningSince;
  private Instant ended;
  private String stateDetails;

  /**
   * @param running how long it runs
   * @param failure its stateDetails when it is to fail, or null when it succeeds
   */
  SimJobRun(String id, StartJobRunRequest request, Instant created, Duration running, String failure) {
    this.id = id;
    this.request = request;
    this.created = created;
    this.since = created;
    this.running = running;
    this.failure = failure;
  }

  boolean isOpen() {
    return switch (state) {
      case SUCCESS, FAILED, CANCELLED -> false;
      default -> true;
    };
  }

  /** When the next state is due and what it is, or null while it waits (PENDING on its application). */
  SimApplication.Transition next(SimApplication app, ServerlessConfig config) {
    return switch (state) {
      case SUBMITTED -> at(since.plus(config.submitted()), () -> enter(JobRunState.PENDING, since.plus(config.submitted())));
      case PENDING -> {
        if (!app.isStarted()) {
          yield null;
        }
        Instant due = max(since.plus(config.pending()), app.since);
        yield at(due, () -> enter(JobRunState.SCHEDULED, due));
      }
      case SCHEDULED -> {
        Instant due = since.plus(config.scheduled());
        yield at(due, () -> {
          enter(JobRunState.RUNNING, due);
          runningSince = due;
        });
      }
      case RUNNING -> {
        Instant due = since.plus(running);
        yield at(due, () -> finish(due, app));
      }
      case CANCELLING -> {
        Instant due = since.plus(config.cancelling());
        yield at(due, () -> {
          end(JobRunState.CANCELLED, due, CANCELLED_DETAILS);
          app.runEnded(due);
        });
      }
      default -> null;
    };
  }

  /** CancelJobRun on an open run; the caller has brought the application up to date. */
  void cancel(Instant now) {
    if (state != JobRunState.CANCELLING) {
      enter(JobRunState.CANCELLING, now);
    }
  }

  private void finish(Instant at, SimApplication app) {
    if (failure == null) {
      end(JobRunState.SUCCESS, at, null);
    } else {
      end(JobRunState.FAILED, at, failure);
    }
    app.runEnded(at);
  }

  private void end(JobRunState to, Instant at, String details) {
    enter(to, at);
    ended = at;
    stateDetails = details;
  }

  private void enter(JobRunState to, Instant at) {
    state = to;
    since = at;
  }

  JobRun toJobRun(SimApplication app) {
    Instant end = ended != null ? ended : null;
    long seconds = runningSince == null ? 0 : Duration.between(runningSince, end != null ? end : since).toSeconds();
    return JobRun.builder()
        .applicationId(app.id)
        .jobRunId(id)
        .name(request.name())
        .arn(app.arn() + "/jobruns/" + id)
        .createdBy("arn:aws:sts::123456789012:assumed-role/flowport/simulator")
        .createdAt(created)
        .updatedAt(since)
        .executionRole(request.executionRoleArn())
        .executionIamPolicy(request.executionIamPolicy())
        .state(state)
        .stateDetails(stateDetails == null ? "" : stateDetails)
        .releaseLabel(app.request.releaseLabel())
        .configurationOverrides(request.configurationOverrides())
        .jobDriver(request.jobDriver())
        .tags(request.tags())
        .networkConfiguration(app.request.networkConfiguration())
        .totalExecutionDurationSeconds((int) seconds)
        .executionTimeoutMinutes(request.executionTimeoutMinutes() == null ? 720L : request.executionTimeoutMinutes())
        .mode(request.mode() == null ? "BATCH" : request.modeAsString())
        .retryPolicy(request.retryPolicy())
        .attempt(1)
        .attemptCreatedAt(created)
        .attemptUpdatedAt(since)
        .startedAt(runningSince)
        .endedAt(end)
        .build();
  }

  private static SimApplication.Transition at(Instant at, Runnable action) {
    return new SimApplication.Transition(at, action);
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
