package io.flowport.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.emr.model.ClusterState;
import software.amazon.awssdk.services.emr.model.InstanceFleet;
import software.amazon.awssdk.services.emr.model.InstanceFleetConfig;
import software.amazon.awssdk.services.emr.model.InstanceFleetState;
import software.amazon.awssdk.services.emr.model.InstanceGroup;
import software.amazon.awssdk.services.emr.model.InstanceGroupConfig;
import software.amazon.awssdk.services.emr.model.InstanceGroupState;
import software.amazon.awssdk.services.emr.model.InstanceGroupType;
import software.amazon.awssdk.services.emr.model.JobFlowInstancesConfig;
import software.amazon.awssdk.services.emr.model.MarketType;

/**
 * The instance groups or fleets of one simulated cluster, as RunJobFlow asked for them. A resize
 * takes effect at once (EMR passes through RESIZING); their state follows the cluster's.
 */
final class SimInstances {

  /** One group or fleet: requested counts are groups' instance counts or fleets' capacities. */
  static final class Member {
    final String id;
    final String name;
    final String type;
    final String instanceType;
    final String market;
    int onDemand;
    int spot;

    Member(String id, String name, String type, String instanceType, String market, int onDemand, int spot) {
      this.id = id;
      this.name = name;
      this.type = type;
      this.instanceType = instanceType;
      this.market = market;
      this.onDemand = onDemand;
      this.spot = spot;
    }
  }

  final boolean fleets;
  final List<Member> members = new ArrayList<>();

  /** From RunJobFlow's Instances: its InstanceGroups, its InstanceFleets, or the uniform form. */
  SimInstances(JobFlowInstancesConfig config, Supplier<String> groupId, Supplier<String> fleetId) {
    fleets = config.hasInstanceFleets();
    if (fleets) {
      for (InstanceFleetConfig f : config.instanceFleets()) {
        members.add(new Member(fleetId.get(), f.name(), f.instanceFleetTypeAsString(), null, null,
            count(f.targetOnDemandCapacity()), count(f.targetSpotCapacity())));
      }
    } else if (config.hasInstanceGroups()) {
      for (InstanceGroupConfig g : config.instanceGroups()) {
        boolean spot = g.market() == MarketType.SPOT;
        int n = count(g.instanceCount());
        members.add(new Member(groupId.get(), g.name(), g.instanceRoleAsString(), g.instanceType(),
            spot ? "SPOT" : "ON_DEMAND", spot ? 0 : n, spot ? n : 0));
      }
    } else {
      // The uniform form: one master and InstanceCount - 1 core instances, named by their role.
      int n = count(config.instanceCount());
      members.add(new Member(groupId.get(), "MASTER", "MASTER", config.masterInstanceType(), "ON_DEMAND", 1, 0));
      if (n > 1) {
        members.add(new Member(groupId.get(), "CORE", "CORE", config.slaveInstanceType(), "ON_DEMAND", n - 1, 0));
      }
    }
  }

  Member find(String id) {
    return members.stream().filter(m -> m.id.equals(id)).findFirst().orElse(null);
  }

  InstanceGroup group(Member m, ClusterState cluster) {
    boolean spot = "SPOT".equals(m.market);
    int requested = spot ? m.spot : m.onDemand;
    return InstanceGroup.builder()
        .id(m.id)
        .name(m.name)
        .instanceGroupType(InstanceGroupType.fromValue(m.type))
        .instanceType(m.instanceType)
        .market(m.market)
        .requestedInstanceCount(requested)
        .runningInstanceCount(running(cluster) ? requested : 0)
        .status(s -> s.state(groupState(cluster)))
        .build();
  }

  InstanceFleet fleet(Member m, ClusterState cluster) {
    boolean up = running(cluster);
    return InstanceFleet.builder()
        .id(m.id)
        .name(m.name)
        .instanceFleetType(m.type)
        .targetOnDemandCapacity(m.onDemand)
        .targetSpotCapacity(m.spot)
        .provisionedOnDemandCapacity(up ? m.onDemand : 0)
        .provisionedSpotCapacity(up ? m.spot : 0)
        .status(s -> s.state(InstanceFleetState.fromValue(groupState(cluster).toString())))
        .build();
  }

  private static boolean running(ClusterState cluster) {
    return cluster == ClusterState.RUNNING || cluster == ClusterState.WAITING;
  }

  private static InstanceGroupState groupState(ClusterState cluster) {
    return switch (cluster) {
      case STARTING -> InstanceGroupState.PROVISIONING;
      case BOOTSTRAPPING -> InstanceGroupState.BOOTSTRAPPING;
      case RUNNING, WAITING -> InstanceGroupState.RUNNING;
      case TERMINATING -> InstanceGroupState.TERMINATING;
      default -> InstanceGroupState.TERMINATED;
    };
  }

  private static int count(Integer n) {
    return n == null ? 0 : n;
  }
}
