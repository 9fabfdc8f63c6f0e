package io.flowport.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.emrserverless.model.Application;
import software.amazon.awssdk.services.emrserverless.model.ApplicationState;
import software.amazon.awssdk.services.emrserverless.model.ApplicationSummary;
import software.amazon.awssdk.services.emrserverless.model.AutoStartConfig;
import software.amazon.awssdk.services.emrserverless.model.AutoStopConfig;
import software.amazon.awssdk.services.emrserverless.model.CreateApplicationRequest;

/**
 * A simulated EMR Serverless application and its job runs: CREATING → CREATED → STARTING → STARTED
 * → STOPPING → STOPPED, TERMINATED once deleted. Like {@link SimCluster}, its state is a pure
 * function of the calls and their times: {@link #advance} replays every transition due, of the
 * application and its runs together, in time order.
 */
final class SimApplication {

  record Transition(Instant at, Runnable action) {}

  final String id;
  final long seq;
  final Instant created;
  final CreateApplicationRequest request;
  final List<SimJobRun> runs = new ArrayList<>();
  ApplicationState state = ApplicationState.CREATING;
  Instant since;
  private final ServerlessConfig config;
  /** STARTED with no open job run since then, or null. */
  private Instant idleSince;

  SimApplication(String id, long seq, CreateApplicationRequest request, Instant created, ServerlessConfig config) {
    this.id = id;
    this.seq = seq;
    this.request = request;
    this.created = created;
    this.since = created;
    this.config = config;
  }

  String arn() {
    return "arn:aws:emr-serverless:us-east-1:123456789012:/applications/" + id;
  }

  boolean isStarted() {
    return state == ApplicationState.STARTED;
  }

  boolean autoStart() {
    AutoStartConfig c = request.autoStartConfiguration();
    return c == null || !Boolean.FALSE.equals(c.enabled());
  }

  /** Applies every transition of the application and its runs due at or before {@code now}. */
  void advance(Instant now) {
    for (Transition next = next(); next != null && !next.at.isAfter(now); next = next()) {
      next.action.run();
    }
  }

  /** The earliest transition due; the application's own goes first on a tie (a run waits for STARTED). */
  private Transition next() {
    Transition first = own();
    for (SimJobRun run : runs) {
      Transition t = run.next(this, config);
      if (t != null && (first == null || t.at.isBefore(first.at))) {
        first = t;
      }
    }
    return first;
  }

  private Transition own() {
    return switch (state) {
      case CREATING -> to(ApplicationState.CREATED, since.plus(config.creating()));
      case STARTING -> {
        Instant due = since.plus(config.starting());
        yield new Transition(due, () -> {
          enter(ApplicationState.STARTED, due);
          if (runs.stream().noneMatch(SimJobRun::isOpen)) {
            idleSince = due;
          }
        });
      }
      case STARTED -> {
        Duration idle = idleTimeout();
        yield idle == null || idleSince == null ? null : to(ApplicationState.STOPPING, idleSince.plus(idle));
      }
      case STOPPING -> to(ApplicationState.STOPPED, since.plus(config.stopping()));
      default -> null;
    };
  }

  /** Auto-stop after this long without job runs (EMR Serverless's default is on, 15 minutes), or null. */
  private Duration idleTimeout() {
    AutoStopConfig c = request.autoStopConfiguration();
    if (c != null && Boolean.FALSE.equals(c.enabled())) {
      return null;
    }
    Integer minutes = c == null ? null : c.idleTimeoutMinutes();
    return Duration.ofMinutes(minutes == null ? 15 : minutes);
  }

  private Transition to(ApplicationState state, Instant at) {
    return new Transition(at, () -> enter(state, at));
  }

  private void enter(ApplicationState to, Instant at) {
    state = to;
    since = at;
  }

  /** StartApplication; call after {@link #advance}. */
  void start(Instant now) {
    switch (state) {
      case CREATED, STOPPED -> enter(ApplicationState.STARTING, now);
      case STARTING, STARTED -> {}
      default -> throw notIn("STARTED", "CREATED, STOPPED, STARTING, STARTED");
    }
  }

  /** StopApplication; call after {@link #advance}. */
  void stop(Instant now) {
    // Stopping a stopped application succeeds: the provider's delete operator always stops first, and its
    // own example DAG (example_emr_serverless) stops, then deletes, against AWS.
    if (state == ApplicationState.STOPPED || state == ApplicationState.STOPPING) {
      return;
    }
    if (state != ApplicationState.STARTING && state != ApplicationState.STARTED) {
      throw notIn("STOPPED", "STARTING, STARTED");
    }
    if (runs.stream().anyMatch(SimJobRun::isOpen)) {
      throw AwsError.validation("Application " + id + " cannot be stopped while it has job runs that are not finished. "
          + "Cancel them or wait for them to finish.");
    }
    enter(ApplicationState.STOPPING, now);
  }

  /** DeleteApplication; call after {@link #advance}. */
  void delete(Instant now) {
    if (state != ApplicationState.CREATED && state != ApplicationState.STOPPED) {
      throw notIn("TERMINATED", "CREATED, STOPPED");
    }
    enter(ApplicationState.TERMINATED, now);
  }

  /**
   * Whether StartJobRun may add a run now; an application that is not up starts by itself unless
   * auto-start is off. Call after {@link #advance}, then {@link #add}.
   */
  void admit(Instant now) {
    switch (state) {
      case TERMINATED -> throw AwsError.validation("Application " + id + " is terminated. Cannot start job run.");
      case CREATED, STOPPED -> {
        if (!autoStart()) {
          throw new AwsError("ConflictException", "Application " + id + " is " + state
              + " and its autoStartConfiguration is disabled: start the application before starting job runs.", 409);
        }
        start(now);
      }
      case CREATING, STOPPING -> throw new AwsError("ConflictException",
          "Application " + id + " is " + state + " and cannot accept job runs.", 409);
      default -> {}
    }
  }

  void add(SimJobRun run) {
    runs.add(run);
    idleSince = null;
  }

  /** A run ended: the idle clock of auto-stop starts once none is left open. */
  void runEnded(Instant at) {
    if (state == ApplicationState.STARTED && runs.stream().noneMatch(SimJobRun::isOpen)) {
      idleSince = at;
    }
  }

  /** The message form real EMR Serverless uses ("Application cannot be STOPPED. Applications must be in ..."). */
  private AwsError notIn(String target, String allowed) {
    return AwsError.validation("Application cannot be " + target + ". Applications must be in one of the following statuses: ["
        + allowed + "]");
  }

  Application toApplication() {
    return Application.builder()
        .applicationId(id)
        .name(request.name())
        .arn(arn())
        .releaseLabel(request.releaseLabel())
        .type(request.type())
        .state(state)
        .stateDetails("")
        .initialCapacity(request.initialCapacity())
        .maximumCapacity(request.maximumCapacity())
        .createdAt(created)
        .updatedAt(since)
        .tags(request.tags())
        .autoStartConfiguration(AutoStartConfig.builder().enabled(autoStart()).build())
        .autoStopConfiguration(idleTimeout() == null ? AutoStopConfig.builder().enabled(false).build()
            : AutoStopConfig.builder().enabled(true).idleTimeoutMinutes((int) idleTimeout().toMinutes()).build())
        .networkConfiguration(request.networkConfiguration())
        .architecture(request.architecture() == null ? "X86_64" : request.architectureAsString())
        .imageConfiguration(request.imageConfiguration() == null ? null
            : software.amazon.awssdk.services.emrserverless.model.ImageConfiguration.builder()
                .imageUri(request.imageConfiguration().imageUri()).build())
        .runtimeConfiguration(request.runtimeConfiguration())
        .monitoringConfiguration(request.monitoringConfiguration())
        .build();
  }

  ApplicationSummary toSummary() {
    return ApplicationSummary.builder()
        .id(id)
        .name(request.name())
        .arn(arn())
        .releaseLabel(request.releaseLabel())
        .type(request.type())
        .state(state)
        .stateDetails("")
        .createdAt(created)
        .updatedAt(since)
        .architecture(request.architecture() == null ? "X86_64" : request.architectureAsString())
        .build();
  }
}
