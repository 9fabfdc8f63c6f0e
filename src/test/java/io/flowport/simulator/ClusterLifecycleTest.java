package io.flowport.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static software.amazon.awssdk.services.emr.model.ActionOnFailure.CONTINUE;
import static software.amazon.awssdk.services.emr.model.ActionOnFailure.TERMINATE_CLUSTER;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.emr.model.Cluster;
import software.amazon.awssdk.services.emr.model.ClusterState;
import software.amazon.awssdk.services.emr.model.ClusterStateChangeReasonCode;
import software.amazon.awssdk.services.emr.model.RunJobFlowResponse;
import software.amazon.awssdk.services.emr.model.Step;
import software.amazon.awssdk.services.emr.model.StepState;
import software.amazon.awssdk.services.emr.model.StepSummary;

/** Default durations: STARTING 240 s, BOOTSTRAPPING 120 s, each step 120 s, TERMINATING 60 s. */
class ClusterLifecycleTest extends SimulatorTestBase {

  @Test
  void transientClusterRunsItsStepsInOrderThenTerminates() {
    start(SimulatorConfig.defaults());
    RunJobFlowResponse created =
        emr.runJobFlow(
            cluster("nightly", false, step("extract", CONTINUE), step("load", CONTINUE)).build());
    String id = created.jobFlowId();

    assertThat(id).matches("j-[0-9A-Z]{13}");
    assertThat(created.clusterArn())
        .isEqualTo("arn:aws:elasticmapreduce:us-east-1:123456789012:cluster/" + id);
    Cluster starting = describe(id);
    assertThat(starting.status().state()).isEqualTo(ClusterState.STARTING);
    assertThat(starting.status().stateChangeReason().message())
        .isEqualTo("Configuring cluster software");
    assertThat(starting.status().timeline().creationDateTime()).isEqualTo(T0);
    assertThat(starting.autoTerminate()).isTrue();

    at(239);
    assertThat(describe(id).status().state()).isEqualTo(ClusterState.STARTING);
    at(240);
    assertThat(describe(id).status().state()).isEqualTo(ClusterState.BOOTSTRAPPING);
    assertThat(describe(id).status().stateChangeReason().message())
        .isEqualTo("Running bootstrap actions");

    at(360);
    Cluster running = describe(id);
    assertThat(running.status().state()).isEqualTo(ClusterState.RUNNING);
    assertThat(running.status().timeline().readyDateTime()).isEqualTo(T0.plusSeconds(360));
    List<StepSummary> steps = steps(id);
    assertThat(steps)
        .extracting(s -> s.status().state())
        .containsExactly(StepState.RUNNING, StepState.PENDING);

    at(480);
    assertThat(steps(id))
        .extracting(s -> s.status().state())
        .containsExactly(StepState.COMPLETED, StepState.RUNNING);
    Step first = describeStep(id, steps.get(0).id());
    assertThat(first.name()).isEqualTo("extract");
    assertThat(first.config().jar()).isEqualTo("command-runner.jar");
    assertThat(first.status().timeline().startDateTime()).isEqualTo(T0.plusSeconds(360));
    assertThat(first.status().timeline().endDateTime()).isEqualTo(T0.plusSeconds(480));

    at(600);
    Cluster terminating = describe(id);
    assertThat(terminating.status().state()).isEqualTo(ClusterState.TERMINATING);
    assertThat(terminating.status().stateChangeReason().code())
        .isEqualTo(ClusterStateChangeReasonCode.ALL_STEPS_COMPLETED);
    assertThat(terminating.status().stateChangeReason().message()).isEqualTo("Steps Completed");
    assertThat(steps(id)).allMatch(s -> s.status().state() == StepState.COMPLETED);

    at(660);
    Cluster terminated = describe(id);
    assertThat(terminated.status().state()).isEqualTo(ClusterState.TERMINATED);
    assertThat(terminated.status().stateChangeReason().code())
        .isEqualTo(ClusterStateChangeReasonCode.ALL_STEPS_COMPLETED);
    assertThat(terminated.status().timeline().endDateTime()).isEqualTo(T0.plusSeconds(660));
  }

  @Test
  void aLongJumpOfTheClockReplaysEveryTransition() {
    start(SimulatorConfig.defaults());
    String id = run(cluster("nightly", false, step("a", CONTINUE), step("b", CONTINUE)));

    at(86_400);

    Cluster c = describe(id);
    assertThat(c.status().state()).isEqualTo(ClusterState.TERMINATED);
    assertThat(c.status().timeline().readyDateTime()).isEqualTo(T0.plusSeconds(360));
    assertThat(c.status().timeline().endDateTime()).isEqualTo(T0.plusSeconds(660));
  }

  @Test
  void transientClusterWithoutStepsEndsRightAfterStartup() {
    start(SimulatorConfig.defaults());
    String id = run(cluster("empty", false));

    at(360);

    Cluster c = describe(id);
    assertThat(c.status().state()).isEqualTo(ClusterState.TERMINATING);
    assertThat(c.status().stateChangeReason().code())
        .isEqualTo(ClusterStateChangeReasonCode.ALL_STEPS_COMPLETED);
  }

  @Test
  void longRunningClusterWaitsAndRunsStepsAddedLater() {
    start(SimulatorConfig.defaults());
    String id = run(cluster("shared", true));

    at(360);
    Cluster waiting = describe(id);
    assertThat(waiting.status().state()).isEqualTo(ClusterState.WAITING);
    assertThat(waiting.status().stateChangeReason().message())
        .isEqualTo("Waiting for steps to run");
    assertThat(waiting.autoTerminate()).isFalse();

    at(36_000);
    assertThat(describe(id).status().state()).isEqualTo(ClusterState.WAITING);

    List<String> added =
        emr.addJobFlowSteps(r -> r.jobFlowId(id).steps(step("report", CONTINUE))).stepIds();
    assertThat(added).singleElement().asString().matches("s-[0-9A-Z]{13}");
    assertThat(describe(id).status().state()).isEqualTo(ClusterState.RUNNING);
    assertThat(describe(id).status().stateChangeReason().message()).isEqualTo("Running step");
    assertThat(describeStep(id, added.get(0)).status().state()).isEqualTo(StepState.RUNNING);

    at(36_120);
    Cluster after = describe(id);
    assertThat(after.status().state()).isEqualTo(ClusterState.WAITING);
    assertThat(after.status().stateChangeReason().message())
        .isEqualTo("Cluster ready after last step completed.");
    assertThat(describeStep(id, added.get(0)).status().state()).isEqualTo(StepState.COMPLETED);
  }

  @Test
  void idleAutoTerminationCountsFromTheLastTimeTheClusterBecameIdle() {
    start(SimulatorConfig.defaults());
    String id = run(cluster("idle", true).autoTerminationPolicy(p -> p.idleTimeout(600L)));

    at(500); // WAITING since 360; a step resets the idle time
    emr.addJobFlowSteps(r -> r.jobFlowId(id).steps(step("quick", CONTINUE)));
    at(620);
    assertThat(describe(id).status().state()).isEqualTo(ClusterState.WAITING);
    at(1_219);
    assertThat(describe(id).status().state()).isEqualTo(ClusterState.WAITING);

    at(1_220);
    Cluster terminating = describe(id);
    assertThat(terminating.status().state()).isEqualTo(ClusterState.TERMINATING);
    assertThat(terminating.status().stateChangeReason().code())
        .isEqualTo(ClusterStateChangeReasonCode.ALL_STEPS_COMPLETED);
    assertThat(terminating.status().stateChangeReason().message()).contains("idle");

    at(1_280);
    assertThat(describe(id).status().state()).isEqualTo(ClusterState.TERMINATED);
  }

  @Test
  void terminateCallCancelsOpenStepsAndEndsCleanly() {
    start(SimulatorConfig.defaults());
    String id = run(cluster("manual", true, step("long", CONTINUE), step("next", CONTINUE)));
    at(400);

    emr.terminateJobFlows(r -> r.jobFlowIds(id));

    Cluster terminating = describe(id);
    assertThat(terminating.status().state()).isEqualTo(ClusterState.TERMINATING);
    assertThat(terminating.status().stateChangeReason().code())
        .isEqualTo(ClusterStateChangeReasonCode.USER_REQUEST);
    assertThat(terminating.status().stateChangeReason().message())
        .isEqualTo("Terminated by user request");
    assertThat(steps(id))
        .extracting(s -> s.status().state())
        .containsExactly(StepState.CANCELLED, StepState.CANCELLED);

    at(460);
    Cluster terminated = describe(id);
    assertThat(terminated.status().state()).isEqualTo(ClusterState.TERMINATED);
    assertThat(terminated.status().timeline().endDateTime()).isEqualTo(T0.plusSeconds(460));

    // Terminating again is accepted and changes nothing.
    emr.terminateJobFlows(r -> r.jobFlowIds(id));
    assertThat(describe(id).status().state()).isEqualTo(ClusterState.TERMINATED);
  }

  @Test
  void configuredDurationsAreUsed() {
    start(
        SimulatorConfig.builder()
            .starting(java.time.Duration.ofSeconds(10))
            .bootstrapping(java.time.Duration.ofSeconds(5))
            .step(java.time.Duration.ofSeconds(30))
            .terminating(java.time.Duration.ofSeconds(2))
            .build());
    String id = run(cluster("fast", false, step("only", TERMINATE_CLUSTER)));

    at(15);
    assertThat(describe(id).status().state()).isEqualTo(ClusterState.RUNNING);
    at(45);
    assertThat(describe(id).status().state()).isEqualTo(ClusterState.TERMINATING);
    at(47);
    assertThat(describe(id).status().state()).isEqualTo(ClusterState.TERMINATED);
  }
}
