package io.flowport.simulator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.emr.model.ActionOnFailure;
import software.amazon.awssdk.services.emr.model.FailureDetails;
import software.amazon.awssdk.services.emr.model.HadoopJarStepConfig;
import software.amazon.awssdk.services.emr.model.HadoopStepConfig;
import software.amazon.awssdk.services.emr.model.KeyValue;
import software.amazon.awssdk.services.emr.model.Step;
import software.amazon.awssdk.services.emr.model.StepConfig;
import software.amazon.awssdk.services.emr.model.StepState;
import software.amazon.awssdk.services.emr.model.StepStatus;
import software.amazon.awssdk.services.emr.model.StepSummary;

/** One step of a simulated cluster; the cluster moves it along, this only records where it is. */
final class SimStep {

  final String id;
  final String name;
  final ActionOnFailure actionOnFailure;
  private final HadoopJarStepConfig jar;
  private final Instant created;
  StepState state = StepState.PENDING;
  Instant started;
  private Instant ended;
  private FailureDetails failure;

  SimStep(String id, StepConfig config, Instant created) {
    this.id = id;
    this.name = config.name();
    // EMR reports TERMINATE_CLUSTER for a step added without an ActionOnFailure.
    this.actionOnFailure =
        config.actionOnFailure() == null
            ? ActionOnFailure.TERMINATE_CLUSTER
            : config.actionOnFailure();
    this.jar = config.hadoopJarStep();
    this.created = created;
  }

  boolean isDone() {
    return state != StepState.PENDING && state != StepState.RUNNING;
  }

  void start(Instant at) {
    state = StepState.RUNNING;
    started = at;
  }

  void complete(Instant at) {
    end(StepState.COMPLETED, at);
  }

  void fail(Instant at, FailureDetails details) {
    failure = details;
    end(StepState.FAILED, at);
  }

  void cancel(Instant at) {
    end(StepState.CANCELLED, at);
  }

  private void end(StepState to, Instant at) {
    state = to;
    ended = at;
  }

  Step toStep() {
    return Step.builder()
        .id(id)
        .name(name)
        .config(config())
        .actionOnFailure(actionOnFailure)
        .status(status())
        .build();
  }

  StepSummary toSummary() {
    return StepSummary.builder()
        .id(id)
        .name(name)
        .config(config())
        .actionOnFailure(actionOnFailure)
        .status(status())
        .build();
  }

  private StepStatus status() {
    return StepStatus.builder()
        .state(state)
        .failureDetails(failure)
        .timeline(t -> t.creationDateTime(created).startDateTime(started).endDateTime(ended))
        .build();
  }

  private HadoopStepConfig config() {
    Map<String, String> properties = new LinkedHashMap<>();
    for (KeyValue kv : jar.properties()) {
      properties.put(kv.key(), kv.value());
    }
    return HadoopStepConfig.builder()
        .jar(jar.jar())
        .mainClass(jar.mainClass())
        .args(jar.args())
        .properties(properties)
        .build();
  }
}
