package io.flowport.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.emr.model.CancelStepsInfo;
import software.amazon.awssdk.services.emr.model.CancelStepsRequest;
import software.amazon.awssdk.services.emr.model.CancelStepsRequestStatus;
import software.amazon.awssdk.services.emr.model.CancelStepsResponse;
import software.amazon.awssdk.services.emr.model.InstanceFleetModifyConfig;
import software.amazon.awssdk.services.emr.model.InstanceGroupModifyConfig;
import software.amazon.awssdk.services.emr.model.JobFlowInstancesConfig;
import software.amazon.awssdk.services.emr.model.ListInstanceFleetsRequest;
import software.amazon.awssdk.services.emr.model.ListInstanceFleetsResponse;
import software.amazon.awssdk.services.emr.model.ListInstanceGroupsRequest;
import software.amazon.awssdk.services.emr.model.ListInstanceGroupsResponse;
import software.amazon.awssdk.services.emr.model.ModifyInstanceFleetRequest;
import software.amazon.awssdk.services.emr.model.ModifyInstanceFleetResponse;
import software.amazon.awssdk.services.emr.model.ModifyInstanceGroupsRequest;
import software.amazon.awssdk.services.emr.model.ModifyInstanceGroupsResponse;

/**
 * The calls that change a cluster while it runs, or list its parts: CancelSteps, ListInstanceGroups,
 * ListInstanceFleets, ModifyInstanceGroups and ModifyInstanceFleet.
 */
final class ClusterOps {

  private static final String ID_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  static final String ENDING = "A job flow that is shutting down, terminated, or finished may not be modified.";

  private final Function<String, SimCluster> clusters;
  private final Supplier<Instant> clock;
  private final Map<String, SimInstances> instances = new HashMap<>();
  // Its own ids, so adding groups does not change the cluster and step ids of a seeded run.
  private final Random random;

  /** @param clusters a cluster by id, brought up to date; unknown ids throw EMR's error */
  ClusterOps(Function<String, SimCluster> clusters, Supplier<Instant> clock, long seed) {
    this.clusters = clusters;
    this.clock = clock;
    this.random = new Random(seed * 31 + 7);
  }

  void created(SimCluster cluster, JobFlowInstancesConfig config) {
    instances.put(cluster.id, new SimInstances(config, () -> newId("ig-"), () -> newId("if-")));
  }

  SdkPojo listGroups(ListInstanceGroupsRequest r) {
    Validation.of().required("clusterId", r.clusterId()).check();
    SimCluster c = clusters.apply(r.clusterId());
    SimInstances parts = instances.get(c.id);
    if (parts.fleets) {
      return ListInstanceGroupsResponse.builder().instanceGroups(List.of()).build();
    }
    return ListInstanceGroupsResponse.builder()
        .instanceGroups(parts.members.stream().map(m -> parts.group(m, c.state())).toList()).build();
  }

  SdkPojo listFleets(ListInstanceFleetsRequest r) {
    Validation.of().required("clusterId", r.clusterId()).check();
    SimCluster c = clusters.apply(r.clusterId());
    SimInstances parts = instances.get(c.id);
    if (!parts.fleets) {
      throw AwsError.invalidRequest("Instance fleets are not supported for this cluster: it uses instance groups.");
    }
    return ListInstanceFleetsResponse.builder()
        .instanceFleets(parts.members.stream().map(m -> parts.fleet(m, c.state())).toList()).build();
  }

  SdkPojo modifyGroups(ModifyInstanceGroupsRequest r) {
    Validation.of().required("clusterId", r.clusterId())
        .required("instanceGroups", r.hasInstanceGroups() ? r.instanceGroups() : null).check();
    SimCluster c = modifiable(r.clusterId());
    SimInstances parts = instances.get(c.id);
    List<Runnable> changes = new ArrayList<>();
    for (InstanceGroupModifyConfig g : r.instanceGroups()) {
      Validation.of().required("instanceGroupId", g.instanceGroupId()).check();
      SimInstances.Member m = parts.fleets ? null : parts.find(g.instanceGroupId());
      if (m == null) {
        throw AwsError.invalidRequest("Instance group id '" + g.instanceGroupId() + "' is not valid.");
      }
      if (g.instanceCount() != null) {
        boolean spot = "SPOT".equals(m.market);
        changes.add(() -> {
          if (spot) {
            m.spot = g.instanceCount();
          } else {
            m.onDemand = g.instanceCount();
          }
        });
      }
    }
    changes.forEach(Runnable::run);
    return ModifyInstanceGroupsResponse.builder().build();
  }

  SdkPojo modifyFleet(ModifyInstanceFleetRequest r) {
    Validation.of().required("clusterId", r.clusterId()).required("instanceFleet", r.instanceFleet()).check();
    InstanceFleetModifyConfig f = r.instanceFleet();
    Validation.of().required("instanceFleet.instanceFleetId", f.instanceFleetId()).check();
    SimCluster c = modifiable(r.clusterId());
    SimInstances parts = instances.get(c.id);
    SimInstances.Member m = parts.fleets ? parts.find(f.instanceFleetId()) : null;
    if (m == null) {
      throw AwsError.invalidRequest("Instance fleet id '" + f.instanceFleetId() + "' is not valid.");
    }
    if (f.targetOnDemandCapacity() != null) {
      m.onDemand = f.targetOnDemandCapacity();
    }
    if (f.targetSpotCapacity() != null) {
      m.spot = f.targetSpotCapacity();
    }
    return ModifyInstanceFleetResponse.builder().build();
  }

  /** Each step is cancelled at once if it is PENDING or RUNNING (EMR 5.28+); else its info says FAILED. */
  SdkPojo cancelSteps(CancelStepsRequest r) {
    Validation.of().required("clusterId", r.clusterId())
        .required("stepIds", r.hasStepIds() ? r.stepIds() : null).check();
    SimCluster c = clusters.apply(r.clusterId());
    Instant now = clock.get();
    List<CancelStepsInfo> infos = new ArrayList<>();
    for (String id : r.stepIds()) {
      String refused = c.cancelStep(id, now);
      infos.add(CancelStepsInfo.builder().stepId(id)
          .status(refused == null ? CancelStepsRequestStatus.SUBMITTED : CancelStepsRequestStatus.FAILED)
          .reason(refused).build());
    }
    return CancelStepsResponse.builder().cancelStepsInfoList(infos).build();
  }

  private SimCluster modifiable(String id) {
    SimCluster c = clusters.apply(id);
    if (c.isEnding()) {
      throw AwsError.validation(ENDING);
    }
    return c;
  }

  private String newId(String prefix) {
    StringBuilder id = new StringBuilder(prefix);
    for (int i = 0; i < 13; i++) {
      id.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length())));
    }
    return id.toString();
  }
}
