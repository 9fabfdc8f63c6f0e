package io.flowport.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static software.amazon.awssdk.services.emr.model.ActionOnFailure.CANCEL_AND_WAIT;
import static software.amazon.awssdk.services.emr.model.ActionOnFailure.CONTINUE;
import static software.amazon.awssdk.services.emr.model.ActionOnFailure.TERMINATE_CLUSTER;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.emr.model.Cluster;
import software.amazon.awssdk.services.emr.model.ClusterState;
import software.amazon.awssdk.services.emr.model.ClusterStateChangeReasonCode;
import software.amazon.awssdk.services.emr.model.Step;
import software.amazon.awssdk.services.emr.model.StepState;

class ScenarioOutcomeTest extends SimulatorTestBase {

  private static final String BOOTSTRAP_MESSAGE =
      "On the master instance (i-0abc), bootstrap action 1 returned a non-zero return code";

  @Test
  void scenarioFailureShowsItsReasonInDescribeCluster() {
    start(
        SimulatorConfig.builder()
            .clusterRule(
                new ClusterRule(
                    "nightly-*",
                    null,
                    ClusterState.BOOTSTRAPPING,
                    Duration.ofSeconds(30),
                    new ClusterRule.Reason("BOOTSTRAP_FAILURE", BOOTSTRAP_MESSAGE)))
            .build());
    String failing = run(cluster("nightly-etl", false, step("load", CONTINUE)));
    String other = run(cluster("adhoc", false, step("load", CONTINUE)));

    at(269);
    assertThat(describe(failing).status().state()).isEqualTo(ClusterState.BOOTSTRAPPING);
    at(270);
    Cluster terminating = describe(failing);
    assertThat(terminating.status().state()).isEqualTo(ClusterState.TERMINATING);
    assertThat(terminating.status().stateChangeReason().code())
        .isEqualTo(ClusterStateChangeReasonCode.BOOTSTRAP_FAILURE);

    at(330);
    Cluster failed = describe(failing);
    assertThat(failed.status().state()).isEqualTo(ClusterState.TERMINATED_WITH_ERRORS);
    assertThat(failed.status().stateChangeReason().code())
        .isEqualTo(ClusterStateChangeReasonCode.BOOTSTRAP_FAILURE);
    assertThat(failed.status().stateChangeReason().message()).isEqualTo(BOOTSTRAP_MESSAGE);
    assertThat(failed.status().timeline().readyDateTime()).isNull();
    assertThat(steps(failing))
        .singleElement()
        .extracting(s -> s.status().state())
        .isEqualTo(StepState.CANCELLED);

    at(360);
    assertThat(describe(other).status().state()).isEqualTo(ClusterState.RUNNING);
  }

  @Test
  void nthRuleFailsOnlyThatMatchingCluster() {
    start(
        SimulatorConfig.builder()
            .clusterRule(
                new ClusterRule(
                    "etl-*",
                    2,
                    ClusterState.STARTING,
                    null,
                    new ClusterRule.Reason("INSTANCE_FAILURE", "The master node was terminated.")))
            .build());
    String first = run(cluster("etl-a", true));
    run(cluster("unrelated", true));
    String second = run(cluster("etl-b", true));
    String third = run(cluster("etl-c", true));

    at(240); // without "after" a STARTING failure falls due when STARTING would have ended

    assertThat(describe(first).status().state()).isEqualTo(ClusterState.BOOTSTRAPPING);
    assertThat(describe(second).status().state()).isEqualTo(ClusterState.TERMINATING);
    assertThat(describe(second).status().stateChangeReason().code())
        .isEqualTo(ClusterStateChangeReasonCode.INSTANCE_FAILURE);
    assertThat(describe(third).status().state()).isEqualTo(ClusterState.BOOTSTRAPPING);
  }

  @Test
  void failureWhileWaitingFallsDueAfterTheGivenSeconds() {
    start(
        SimulatorConfig.builder()
            .clusterRule(
                new ClusterRule(
                    "*",
                    null,
                    ClusterState.WAITING,
                    Duration.ofSeconds(3_600),
                    new ClusterRule.Reason("INTERNAL_ERROR", "Internal error")))
            .build());
    String id = run(cluster("shared", true));

    at(360 + 3_599);
    assertThat(describe(id).status().state()).isEqualTo(ClusterState.WAITING);
    at(360 + 3_600 + 60);
    assertThat(describe(id).status().state()).isEqualTo(ClusterState.TERMINATED_WITH_ERRORS);
  }

  @Test
  void failedStepCarriesFailureDetailsAndContinues() {
    start(
        SimulatorConfig.builder()
            .stepRule(
                new StepRule(
                    "load-*",
                    "java.io.FileNotFoundException",
                    "s3://in/2025-03-01/ does not exist",
                    "s3://logs/emr/steps/stderr.gz"))
            .build());
    String id =
        run(cluster("nightly", false, step("load-orders", CONTINUE), step("report", CONTINUE)));

    at(480);
    String failedId = steps(id).get(0).id();
    Step failed = describeStep(id, failedId);
    assertThat(failed.status().state()).isEqualTo(StepState.FAILED);
    assertThat(failed.status().failureDetails().reason())
        .isEqualTo("java.io.FileNotFoundException");
    assertThat(failed.status().failureDetails().message())
        .isEqualTo("s3://in/2025-03-01/ does not exist");
    assertThat(failed.status().failureDetails().logFile())
        .isEqualTo("s3://logs/emr/steps/stderr.gz");
    assertThat(steps(id).get(1).status().state()).isEqualTo(StepState.RUNNING);

    at(660);
    assertThat(describe(id).status().state()).isEqualTo(ClusterState.TERMINATED);
  }

  @Test
  void failedStepWithTerminateClusterEndsTheClusterWithErrors() {
    start(SimulatorConfig.builder().stepRule(new StepRule("load", null, null, null)).build());
    String id =
        run(cluster("nightly", true, step("load", TERMINATE_CLUSTER), step("report", CONTINUE)));

    at(480);
    Cluster c = describe(id);
    assertThat(c.status().state()).isEqualTo(ClusterState.TERMINATING);
    assertThat(c.status().stateChangeReason().code())
        .isEqualTo(ClusterStateChangeReasonCode.STEP_FAILURE);
    assertThat(c.status().stateChangeReason().message()).isEqualTo("Shut down as step failed");
    assertThat(steps(id))
        .extracting(s -> s.status().state())
        .containsExactly(StepState.FAILED, StepState.CANCELLED);
    assertThat(steps(id).get(0).status().failureDetails().reason()).isEqualTo("Unknown Error.");

    at(540);
    assertThat(describe(id).status().state()).isEqualTo(ClusterState.TERMINATED_WITH_ERRORS);
  }

  @Test
  void failedStepWithCancelAndWaitCancelsTheRestAndWaits() {
    start(SimulatorConfig.builder().stepRule(new StepRule("load", null, null, null)).build());
    String id =
        run(cluster("shared", true, step("load", CANCEL_AND_WAIT), step("report", CONTINUE)));

    at(480);

    assertThat(describe(id).status().state()).isEqualTo(ClusterState.WAITING);
    assertThat(steps(id))
        .extracting(s -> s.status().state())
        .containsExactly(StepState.FAILED, StepState.CANCELLED);
  }

  @Test
  void terminationProtectionKeepsALongRunningClusterUpAfterAFailedStep() {
    start(SimulatorConfig.builder().stepRule(new StepRule("load", null, null, null)).build());
    String id =
        run(
            cluster("shared", true, step("load", TERMINATE_CLUSTER), step("report", CONTINUE))
                .instances(instances(true, true)));

    at(480);

    assertThat(describe(id).status().state()).isEqualTo(ClusterState.WAITING);
    assertThat(steps(id))
        .extracting(s -> s.status().state())
        .containsExactly(StepState.FAILED, StepState.CANCELLED);
  }
}
