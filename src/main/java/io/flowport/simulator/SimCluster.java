package io.flowport.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.emr.model.ActionOnFailure;
import software.amazon.awssdk.services.emr.model.Cluster;
import software.amazon.awssdk.services.emr.model.ClusterState;
import software.amazon.awssdk.services.emr.model.ClusterStatus;
import software.amazon.awssdk.services.emr.model.ClusterSummary;
import software.amazon.awssdk.services.emr.model.FailureDetails;
import software.amazon.awssdk.services.emr.model.InstanceCollectionType;
import software.amazon.awssdk.services.emr.model.JobFlowInstancesConfig;
import software.amazon.awssdk.services.emr.model.RunJobFlowRequest;
import software.amazon.awssdk.services.emr.model.StepState;
import software.amazon.awssdk.services.emr.model.Tag;

/**
 * A simulated cluster. Its state is a pure function of the requests made and the times they were
 * made at: {@link #advance} replays every transition that fell due up to a given instant, in order,
 * so there are no background threads and the same calls at the same times give the same answers.
 */
final class SimCluster {

  // Messages real EMR reports (see docs/emr-simulator.md for where each comes from).
  static final String STARTING_MESSAGE = "Configuring cluster software";
  static final String BOOTSTRAPPING_MESSAGE = "Running bootstrap actions";
  static final String RUNNING_MESSAGE = "Running step";
  static final String WAITING_MESSAGE = "Waiting for steps to run";
  static final String WAITING_AFTER_STEPS_MESSAGE = "Cluster ready after last step completed.";
  static final String ALL_STEPS_COMPLETED_MESSAGE = "Steps Completed";
  static final String USER_REQUEST_MESSAGE = "Terminated by user request";
  static final String STEP_FAILURE_MESSAGE = "Shut down as step failed";
  static final String IDLE_MESSAGE =
      "Cluster was terminated by its auto-termination policy after being idle";

  final String id;
  final long seq;
  final Instant created;
  final Map<String, String> tags = new LinkedHashMap<>();
  final List<SimStep> steps = new ArrayList<>();
  boolean terminationProtected;
  /** How many steps may run at once (RunJobFlow, then ModifyCluster). */
  int stepConcurrencyLevel;

  private final RunJobFlowRequest request;
  private final ClusterRule failure;
  private final SimulatorConfig config;
  private final Function<SimStep, FailureDetails> stepOutcome;
  private ClusterState state = ClusterState.STARTING;
  private Instant since;
  private String reasonCode;
  private String reasonMessage = STARTING_MESSAGE;
  private Instant ready;
  private Instant ended;
  private ClusterState endState;
  private boolean stepsRan;

  /**
   * @param failure the scenario rule this cluster fails by, or null
   * @param stepOutcome the failure details for a step that is to fail, or null when it completes
   */
  SimCluster(
      String id,
      long seq,
      RunJobFlowRequest request,
      Instant created,
      ClusterRule failure,
      SimulatorConfig config,
      Function<SimStep, FailureDetails> stepOutcome) {
    this.id = id;
    this.seq = seq;
    this.request = request;
    this.created = created;
    this.since = created;
    this.failure = failure;
    this.config = config;
    this.stepOutcome = stepOutcome;
    this.terminationProtected = Boolean.TRUE.equals(request.instances().terminationProtected());
    this.stepConcurrencyLevel = request.stepConcurrencyLevel() == null ? 1 : request.stepConcurrencyLevel();
    request.tags().forEach(t -> tags.put(t.key(), t.value() == null ? "" : t.value()));
  }

  ClusterState state() {
    return state;
  }

  boolean isEnding() {
    return state == ClusterState.TERMINATING || isTerminated();
  }

  boolean isTerminated() {
    return state == ClusterState.TERMINATED || state == ClusterState.TERMINATED_WITH_ERRORS;
  }

  String arn() {
    return "arn:aws:elasticmapreduce:us-east-1:123456789012:cluster/" + id;
  }

  /** Applies every transition due at or before {@code now}. */
  void advance(Instant now) {
    for (Transition next = next(); next != null && !next.at.isAfter(now); next = next()) {
      next.action.run();
    }
  }

  /**
   * Queues steps; a WAITING cluster starts the first one at once, a RUNNING one as many as its
   * concurrency level leaves room for. Call after {@link #advance}.
   */
  void addSteps(List<SimStep> added, Instant now) {
    steps.addAll(added);
    if (state == ClusterState.WAITING || state == ClusterState.RUNNING) {
      startNextStepOrIdle(now);
    }
  }

  /** ModifyCluster: a higher level starts waiting steps at once. Call after {@link #advance}. */
  void modifyStepConcurrency(int level, Instant now) {
    stepConcurrencyLevel = level;
    if (state == ClusterState.RUNNING) {
      startNextStepOrIdle(now);
    }
  }

  /**
   * CancelSteps for one step, after {@link #advance}: a PENDING or RUNNING step is cancelled at once
   * and the cluster goes on with the next; returns null, or why the step was not cancelled.
   */
  String cancelStep(String stepId, Instant now) {
    SimStep step = steps.stream().filter(s -> s.id.equals(stepId)).findFirst().orElse(null);
    if (step == null) {
      return "Step id '" + stepId + "' is not valid.";
    }
    if (step.isDone() || isEnding()) {
      return "Step " + stepId + " is " + step.state + " and cannot be cancelled.";
    }
    boolean wasRunning = step.state == StepState.RUNNING;
    step.cancel(now);
    if (wasRunning) {
      stepsRan = true;
      startNextStepOrIdle(now);
    }
    return null;
  }

  /** TerminateJobFlows on an unprotected cluster. Call after {@link #advance}. */
  void terminateByUser(Instant now) {
    if (!isEnding()) {
      terminate(now, "USER_REQUEST", USER_REQUEST_MESSAGE, ClusterState.TERMINATED);
    }
  }

  private record Transition(Instant at, Runnable action) {}

  private Transition next() {
    Transition regular = regularTransition();
    Transition fail = scenarioFailure();
    // A scenario failure wins a tie with a regular transition.
    if (fail != null && (regular == null || !fail.at.isAfter(regular.at))) {
      return fail;
    }
    return regular;
  }

  private Transition regularTransition() {
    switch (state) {
      case STARTING -> {
        Instant end = since.plus(config.starting());
        return new Transition(
            end, () -> enter(ClusterState.BOOTSTRAPPING, end, null, BOOTSTRAPPING_MESSAGE));
      }
      case BOOTSTRAPPING -> {
        Instant end = since.plus(config.bootstrapping());
        return new Transition(end, () -> bootstrapped(end));
      }
      case RUNNING -> {
        // With StepConcurrencyLevel above 1 several steps run; the one started first ends first.
        SimStep current = running();
        Instant end = current.started.plus(config.step());
        return new Transition(end, () -> finishStep(current, end));
      }
      case WAITING -> {
        Long idle =
            request.autoTerminationPolicy() == null
                ? null
                : request.autoTerminationPolicy().idleTimeout();
        if (idle == null) {
          return null;
        }
        Instant end = since.plusSeconds(idle);
        return new Transition(
            end,
            () -> terminate(end, "ALL_STEPS_COMPLETED", IDLE_MESSAGE, ClusterState.TERMINATED));
      }
      case TERMINATING -> {
        Instant end = since.plus(config.terminating());
        return new Transition(end, () -> terminated(end));
      }
      default -> {
        return null;
      }
    }
  }

  private Transition scenarioFailure() {
    Instant at = failureTime();
    if (at == null) {
      return null;
    }
    ClusterRule.Reason reason = failure.reason();
    return new Transition(
        at, () -> terminate(at, reason.code(), reason.message(), endStateFor(reason.code())));
  }

  private void bootstrapped(Instant at) {
    ready = at;
    startNextStepOrIdle(at);
  }

  private void terminated(Instant at) {
    ended = at;
    enter(endState, at, reasonCode, reasonMessage);
  }

  /** When the scenario failure for the current state falls due, or null. */
  private Instant failureTime() {
    if (failure == null || failure.failIn() != state) {
      return null;
    }
    Duration phase =
        switch (state) {
          case STARTING -> config.starting();
          case BOOTSTRAPPING -> config.bootstrapping();
          default -> null;
        };
    Duration after =
        failure.after() != null ? failure.after() : phase != null ? phase : Duration.ZERO;
    if (phase != null && after.compareTo(phase) > 0) {
      after = phase;
    }
    return since.plus(after);
  }

  private void finishStep(SimStep step, Instant at) {
    stepsRan = true;
    FailureDetails details = stepOutcome.apply(step);
    if (details == null) {
      step.complete(at);
      startNextStepOrIdle(at);
      return;
    }
    step.fail(at, details);
    ActionOnFailure action = step.actionOnFailure;
    boolean terminates =
        action == ActionOnFailure.TERMINATE_CLUSTER || action == ActionOnFailure.TERMINATE_JOB_FLOW;
    // Protection keeps a long-running cluster up; EMR ignores it on clusters that end after their
    // steps.
    if (terminates && !(terminationProtected && keepAlive())) {
      terminate(at, "STEP_FAILURE", STEP_FAILURE_MESSAGE, ClusterState.TERMINATED_WITH_ERRORS);
      return;
    }
    if (action != ActionOnFailure.CONTINUE) {
      cancelOpenSteps(at);
    }
    startNextStepOrIdle(at);
  }

  /** Starts pending steps, in order, while fewer than the concurrency level run; idles when none is left. */
  private void startNextStepOrIdle(Instant at) {
    long running = steps.stream().filter(s -> s.state == StepState.RUNNING).count();
    for (SimStep step : steps) {
      if (running >= stepConcurrencyLevel) {
        break;
      }
      if (step.state == StepState.PENDING) {
        step.start(at);
        running++;
      }
    }
    if (running > 0) {
      if (state != ClusterState.RUNNING) {
        enter(ClusterState.RUNNING, at, null, RUNNING_MESSAGE);
      }
      return;
    }
    if (keepAlive()) {
      enter(
          ClusterState.WAITING, at, null, stepsRan ? WAITING_AFTER_STEPS_MESSAGE : WAITING_MESSAGE);
    } else {
      terminate(at, "ALL_STEPS_COMPLETED", ALL_STEPS_COMPLETED_MESSAGE, ClusterState.TERMINATED);
    }
  }

  private void terminate(Instant at, String code, String message, ClusterState to) {
    cancelOpenSteps(at);
    endState = to;
    enter(ClusterState.TERMINATING, at, code, message);
  }

  private void cancelOpenSteps(Instant at) {
    for (SimStep step : steps) {
      if (!step.isDone()) {
        step.cancel(at);
      }
    }
  }

  private void enter(ClusterState to, Instant at, String code, String message) {
    state = to;
    since = at;
    reasonCode = code;
    reasonMessage = message;
  }

  private SimStep running() {
    return steps.stream()
        .filter(s -> s.state == StepState.RUNNING)
        .min(java.util.Comparator.comparing((SimStep s) -> s.started))
        .orElseThrow(() -> new IllegalStateException(id + " is RUNNING without a running step"));
  }

  private boolean keepAlive() {
    return Boolean.TRUE.equals(request.instances().keepJobFlowAliveWhenNoSteps());
  }

  /** Clean shutdowns end TERMINATED, everything else TERMINATED_WITH_ERRORS. */
  private static ClusterState endStateFor(String code) {
    return "USER_REQUEST".equals(code) || "ALL_STEPS_COMPLETED".equals(code)
        ? ClusterState.TERMINATED
        : ClusterState.TERMINATED_WITH_ERRORS;
  }

  ClusterStatus status() {
    return ClusterStatus.builder()
        .state(state)
        .stateChangeReason(r -> r.code(reasonCode).message(reasonMessage))
        .timeline(t -> t.creationDateTime(created).readyDateTime(ready).endDateTime(ended))
        .build();
  }

  ClusterSummary toSummary() {
    return ClusterSummary.builder()
        .id(id)
        .name(request.name())
        .status(status())
        .normalizedInstanceHours(0)
        .clusterArn(arn())
        .build();
  }

  Cluster toCluster() {
    JobFlowInstancesConfig instances = request.instances();
    String subnet =
        instances.ec2SubnetId() != null
            ? instances.ec2SubnetId()
            : instances.ec2SubnetIds().stream().findFirst().orElse(null);
    String zone = instances.placement() == null ? null : instances.placement().availabilityZone();
    return Cluster.builder()
        .id(id)
        .name(request.name())
        .clusterArn(arn())
        .status(status())
        .ec2InstanceAttributes(
            a ->
                a.ec2KeyName(instances.ec2KeyName())
                    .ec2SubnetId(subnet)
                    .ec2AvailabilityZone(zone != null ? zone : "us-east-1a")
                    .iamInstanceProfile(request.jobFlowRole()))
        .instanceCollectionType(
            instances.hasInstanceFleets()
                ? InstanceCollectionType.INSTANCE_FLEET
                : InstanceCollectionType.INSTANCE_GROUP)
        .logUri(request.logUri())
        .releaseLabel(request.releaseLabel())
        .autoTerminate(!keepAlive())
        .terminationProtected(terminationProtected)
        .visibleToAllUsers(!Boolean.FALSE.equals(request.visibleToAllUsers()))
        .applications(request.applications())
        .tags(
            tags.entrySet().stream()
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                .toList())
        .serviceRole(request.serviceRole())
        .normalizedInstanceHours(0)
        .configurations(request.configurations())
        .securityConfiguration(request.securityConfiguration())
        .autoScalingRole(request.autoScalingRole())
        .scaleDownBehavior(request.scaleDownBehavior())
        .customAmiId(request.customAmiId())
        .ebsRootVolumeSize(request.ebsRootVolumeSize())
        .stepConcurrencyLevel(stepConcurrencyLevel)
        .placementGroups(request.placementGroupConfigs())
        .osReleaseLabel(request.osReleaseLabel())
        .build();
  }
}
