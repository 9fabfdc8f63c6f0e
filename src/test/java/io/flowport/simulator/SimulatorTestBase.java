package io.flowport.simulator;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import software.amazon.awssdk.services.emr.EmrClient;
import software.amazon.awssdk.services.emr.model.ActionOnFailure;
import software.amazon.awssdk.services.emr.model.Cluster;
import software.amazon.awssdk.services.emr.model.JobFlowInstancesConfig;
import software.amazon.awssdk.services.emr.model.RunJobFlowRequest;
import software.amazon.awssdk.services.emr.model.Step;
import software.amazon.awssdk.services.emr.model.StepConfig;
import software.amazon.awssdk.services.emr.model.StepSummary;

/** A simulator on a manual clock and a real EmrClient talking to it over HTTP. */
abstract class SimulatorTestBase {

  static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");

  final ManualClock clock = new ManualClock(T0);
  EmrSimulator simulator;
  EmrClient emr;

  void start(SimulatorConfig config) {
    simulator = EmrSimulator.start(clock, config);
    emr = EmrClients.forEndpoint(simulator.endpoint());
  }

  @AfterEach
  void stop() {
    if (emr != null) {
      emr.close();
    }
    if (simulator != null) {
      simulator.close();
    }
  }

  /** Moves the clock to {@code seconds} after T0. */
  void at(long seconds) {
    clock.set(T0.plusSeconds(seconds));
  }

  static StepConfig step(String name, ActionOnFailure onFailure) {
    return StepConfig.builder()
        .name(name)
        .actionOnFailure(onFailure)
        .hadoopJarStep(
            j -> j.jar("command-runner.jar").args("spark-submit", "s3://code/" + name + ".py"))
        .build();
  }

  static RunJobFlowRequest.Builder cluster(String name, boolean keepAlive, StepConfig... steps) {
    return RunJobFlowRequest.builder()
        .name(name)
        .releaseLabel("emr-7.1.0")
        .logUri("s3://logs/emr/")
        .serviceRole("EMR_DefaultRole")
        .jobFlowRole("EMR_EC2_DefaultRole")
        .instances(instances(keepAlive, false))
        .steps(steps);
  }

  static JobFlowInstancesConfig instances(boolean keepAlive, boolean terminationProtected) {
    return JobFlowInstancesConfig.builder()
        .instanceGroups(
            g ->
                g.name("primary").instanceRole("MASTER").instanceType("m5.xlarge").instanceCount(1),
            g -> g.name("core").instanceRole("CORE").instanceType("m5.xlarge").instanceCount(2))
        .keepJobFlowAliveWhenNoSteps(keepAlive)
        .terminationProtected(terminationProtected)
        .build();
  }

  String run(RunJobFlowRequest.Builder request) {
    return emr.runJobFlow(request.build()).jobFlowId();
  }

  Cluster describe(String clusterId) {
    return emr.describeCluster(r -> r.clusterId(clusterId)).cluster();
  }

  /** Steps in the order they were added (ListSteps gives newest first). */
  List<StepSummary> steps(String clusterId) {
    return emr.listSteps(r -> r.clusterId(clusterId)).steps().reversed();
  }

  Step describeStep(String clusterId, String stepId) {
    return emr.describeStep(r -> r.clusterId(clusterId).stepId(stepId)).step();
  }
}
