package io.flowport.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static software.amazon.awssdk.services.emr.model.ActionOnFailure.CONTINUE;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.emr.model.CancelStepsInfo;
import software.amazon.awssdk.services.emr.model.CancelStepsRequestStatus;
import software.amazon.awssdk.services.emr.model.EmrException;
import software.amazon.awssdk.services.emr.model.InstanceFleet;
import software.amazon.awssdk.services.emr.model.InstanceFleetType;
import software.amazon.awssdk.services.emr.model.InstanceGroup;
import software.amazon.awssdk.services.emr.model.InstanceGroupState;
import software.amazon.awssdk.services.emr.model.InvalidRequestException;
import software.amazon.awssdk.services.emr.model.JobFlowInstancesConfig;
import software.amazon.awssdk.services.emr.model.StepState;

/** CancelSteps and the instance group and fleet calls, through the real SDK over HTTP. */
class ClusterOpsTest extends SimulatorTestBase {

  @Test
  void instanceGroupsAreTheRequestedOnesAndFollowTheCluster() {
    start(SimulatorConfig.defaults());
    String id = run(cluster("groups", true));
    List<InstanceGroup> starting = groups(id);
    assertThat(starting).extracting(InstanceGroup::name).containsExactly("primary", "core");
    assertThat(starting).extracting(g -> g.status().state()).containsOnly(InstanceGroupState.PROVISIONING);
    assertThat(starting).extracting(InstanceGroup::runningInstanceCount).containsOnly(0);
    assertThat(starting.get(0).id()).matches("ig-[0-9A-Z]{13}").isNotEqualTo(starting.get(1).id());

    at(360);
    List<InstanceGroup> up = groups(id);
    assertThat(up).extracting(g -> g.status().state()).containsOnly(InstanceGroupState.RUNNING);
    assertThat(up).extracting(InstanceGroup::runningInstanceCount).containsExactly(1, 2);
    // The listing of a cluster without fleets is refused, as EMR refuses it.
    assertThatThrownBy(() -> emr.listInstanceFleets(r -> r.clusterId(id))).isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void theUniformFormMakesAMasterAndACoreGroup() {
    start(SimulatorConfig.defaults());
    String id = run(cluster("uniform", true).instances(JobFlowInstancesConfig.builder()
        .masterInstanceType("m5.xlarge").slaveInstanceType("m5.2xlarge").instanceCount(4)
        .keepJobFlowAliveWhenNoSteps(true).build()));
    assertThat(groups(id)).extracting(InstanceGroup::name, InstanceGroup::instanceType, InstanceGroup::requestedInstanceCount)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("MASTER", "m5.xlarge", 1),
            org.assertj.core.groups.Tuple.tuple("CORE", "m5.2xlarge", 3));
  }

  @Test
  void modifyInstanceGroupsResizesOnlyTheNamedGroup() {
    start(SimulatorConfig.defaults());
    String id = run(cluster("resize", true));
    at(360);
    String core = groups(id).get(1).id();
    emr.modifyInstanceGroups(r -> r.clusterId(id).instanceGroups(g -> g.instanceGroupId(core).instanceCount(5)));
    assertThat(groups(id)).extracting(InstanceGroup::requestedInstanceCount).containsExactly(1, 5);

    assertThatThrownBy(() -> emr.modifyInstanceGroups(r -> r.clusterId(id).instanceGroups(g -> g.instanceGroupId("ig-NOPE").instanceCount(2))))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("Instance group id 'ig-NOPE' is not valid.");
    emr.terminateJobFlows(r -> r.jobFlowIds(id));
    assertThatThrownBy(() -> emr.modifyInstanceGroups(r -> r.clusterId(id).instanceGroups(g -> g.instanceGroupId(core).instanceCount(1))))
        .isInstanceOfSatisfying(EmrException.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(ClusterOps.ENDING);
        });
    assertThat(groups(id)).extracting(InstanceGroup::requestedInstanceCount).containsExactly(1, 5);
  }

  @Test
  void fleetsAreListedAndTheirCapacitiesModified() {
    start(SimulatorConfig.defaults());
    String id = run(cluster("fleets", true).instances(JobFlowInstancesConfig.builder().keepJobFlowAliveWhenNoSteps(true)
        .instanceFleets(f -> f.name("main").instanceFleetType(InstanceFleetType.MASTER).targetOnDemandCapacity(1),
            f -> f.name("workers").instanceFleetType(InstanceFleetType.CORE).targetOnDemandCapacity(2).targetSpotCapacity(4))
        .build()));
    at(360);
    List<InstanceFleet> fleets = emr.listInstanceFleets(r -> r.clusterId(id)).instanceFleets();
    assertThat(fleets).extracting(InstanceFleet::name).containsExactly("main", "workers");
    assertThat(fleets.get(1).id()).startsWith("if-");
    assertThat(groups(id)).isEmpty();

    emr.modifyInstanceFleet(r -> r.clusterId(id).instanceFleet(f -> f.instanceFleetId(fleets.get(1).id()).targetSpotCapacity(0)));
    InstanceFleet after = emr.listInstanceFleets(r -> r.clusterId(id)).instanceFleets().get(1);
    assertThat(after.targetOnDemandCapacity()).isEqualTo(2);
    assertThat(after.targetSpotCapacity()).isZero();
    assertThat(after.provisionedSpotCapacity()).isZero();
  }

  @Test
  void cancelStepsCancelsPendingAndRunningStepsAndRefusesEndedOnes() {
    start(SimulatorConfig.defaults());
    String id = run(cluster("cancel", true, step("one", CONTINUE), step("two", CONTINUE), step("three", CONTINUE)));
    at(370);
    List<String> steps = stepIds(id);
    assertThat(state(id, steps.get(0))).isEqualTo(StepState.RUNNING);

    List<CancelStepsInfo> infos = emr.cancelSteps(r -> r.clusterId(id).stepIds(steps.get(1), steps.get(0), "s-UNKNOWN"))
        .cancelStepsInfoList();
    assertThat(infos).extracting(CancelStepsInfo::status).containsExactly(
        CancelStepsRequestStatus.SUBMITTED, CancelStepsRequestStatus.SUBMITTED, CancelStepsRequestStatus.FAILED);
    assertThat(state(id, steps.get(0))).isEqualTo(StepState.CANCELLED);
    assertThat(state(id, steps.get(1))).isEqualTo(StepState.CANCELLED);
    // The cluster goes on with the next step at once.
    assertThat(state(id, steps.get(2))).isEqualTo(StepState.RUNNING);

    at(370 + 120);
    assertThat(state(id, steps.get(2))).isEqualTo(StepState.COMPLETED);
    CancelStepsInfo done = emr.cancelSteps(r -> r.clusterId(id).stepIds(steps.get(2))).cancelStepsInfoList().get(0);
    assertThat(done.status()).isEqualTo(CancelStepsRequestStatus.FAILED);
    assertThat(done.reason()).contains("COMPLETED");
  }

  @Test
  void anEmptyClusterStatesListFiltersNothing() {
    // boto3 sends ClusterStates=[] when the provider's cluster_states is left at its default.
    start(SimulatorConfig.defaults());
    String id = run(cluster("any-state", true));
    emr.terminateJobFlows(r -> r.jobFlowIds(id));
    assertThat(emr.listClusters(r -> r.clusterStatesWithStrings(List.of())).clusters()).extracting(c -> c.id()).containsExactly(id);
    assertThat(emr.listClusters(r -> r.clusterStatesWithStrings("WAITING")).clusters()).isEmpty();
  }

  private List<InstanceGroup> groups(String id) {
    return emr.listInstanceGroups(r -> r.clusterId(id)).instanceGroups();
  }

  /** Step ids in the order they were added (ListSteps gives the newest first). */
  private List<String> stepIds(String id) {
    return emr.listSteps(r -> r.clusterId(id)).steps().reversed().stream().map(s -> s.id()).toList();
  }

  private StepState state(String cluster, String step) {
    return emr.describeStep(r -> r.clusterId(cluster).stepId(step)).step().status().state();
  }
}
