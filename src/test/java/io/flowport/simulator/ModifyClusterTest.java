package io.flowport.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.emr.model.ActionOnFailure;
import software.amazon.awssdk.services.emr.model.EmrException;
import software.amazon.awssdk.services.emr.model.InvalidRequestException;
import software.amazon.awssdk.services.emr.model.StepState;

/** ModifyCluster: the concurrency level EMR reports back and uses for the steps that follow. */
class ModifyClusterTest extends SimulatorTestBase {

  @Test
  void theNewLevelIsAnsweredDescribedAndLetsStepsRunTogether() {
    start(SimulatorConfig.defaults());
    String id = run(cluster("etl", true));
    at(360); // STARTING 240 s + BOOTSTRAPPING 120 s: WAITING
    assertThat(describe(id).stepConcurrencyLevel()).isEqualTo(1);

    assertThat(emr.modifyCluster(r -> r.clusterId(id).stepConcurrencyLevel(2)).stepConcurrencyLevel()).isEqualTo(2);
    assertThat(describe(id).stepConcurrencyLevel()).isEqualTo(2);

    emr.addJobFlowSteps(r -> r.jobFlowId(id).steps(step("a", ActionOnFailure.CONTINUE),
        step("b", ActionOnFailure.CONTINUE), step("c", ActionOnFailure.CONTINUE)));
    // Two run at once (120 s each), the third waits for a free slot.
    assertThat(steps(id)).extracting(s -> s.status().state())
        .containsExactly(StepState.RUNNING, StepState.RUNNING, StepState.PENDING);
    at(480);
    assertThat(steps(id)).extracting(s -> s.status().state())
        .containsExactly(StepState.COMPLETED, StepState.COMPLETED, StepState.RUNNING);
    at(600);
    assertThat(steps(id)).extracting(s -> s.status().state()).containsOnly(StepState.COMPLETED);
  }

  @Test
  void withoutALevelTheAnswerIsTheCurrentOne() {
    start(SimulatorConfig.defaults());
    String id = run(cluster("etl", true).stepConcurrencyLevel(5));
    assertThat(emr.modifyCluster(r -> r.clusterId(id)).stepConcurrencyLevel()).isEqualTo(5);
  }

  @Test
  void raisingTheLevelStartsWaitingStepsAtOnce() {
    start(SimulatorConfig.defaults());
    String id = run(cluster("etl", true, step("a", ActionOnFailure.CONTINUE), step("b", ActionOnFailure.CONTINUE)));
    at(400);
    assertThat(steps(id)).extracting(s -> s.status().state()).containsExactly(StepState.RUNNING, StepState.PENDING);
    emr.modifyCluster(r -> r.clusterId(id).stepConcurrencyLevel(2));
    assertThat(steps(id)).extracting(s -> s.status().state()).containsExactly(StepState.RUNNING, StepState.RUNNING);
  }

  @Test
  void levelsOutsideOneTo256AreRefused() {
    start(SimulatorConfig.defaults());
    String id = run(cluster("etl", true));
    for (int bad : new int[] {0, 257, -1}) {
      assertThatThrownBy(() -> emr.modifyCluster(r -> r.clusterId(id).stepConcurrencyLevel(bad)))
          .isInstanceOf(InvalidRequestException.class).hasMessageContaining("between 1 and 256");
    }
    assertThat(emr.modifyCluster(r -> r.clusterId(id).stepConcurrencyLevel(256)).stepConcurrencyLevel()).isEqualTo(256);
  }

  @Test
  void unknownAndEndedClustersAreRefused() {
    start(SimulatorConfig.defaults());
    assertThatThrownBy(() -> emr.modifyCluster(r -> r.clusterId("j-NOSUCHCLUSTER1").stepConcurrencyLevel(2)))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("Cluster id 'j-NOSUCHCLUSTER1' is not valid.");
    String id = run(cluster("etl", true));
    emr.terminateJobFlows(r -> r.jobFlowIds(id));
    assertThatThrownBy(() -> emr.modifyCluster(r -> r.clusterId(id).stepConcurrencyLevel(2)))
        .isInstanceOf(EmrException.class)
        .hasMessageContaining("A job flow that is shutting down, terminated, or finished may not be modified.");
    at(3600);
    assertThatThrownBy(() -> emr.modifyCluster(r -> r.clusterId(id).stepConcurrencyLevel(2)))
        .hasMessageContaining("may not be modified");
  }
}
