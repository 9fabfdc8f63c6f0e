package io.flowport.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.sdkjson.SdkJson;
import io.flowport.sdkjson.SdkJsonException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.emr.model.ActionOnFailure;
import software.amazon.awssdk.services.emr.model.AddJobFlowStepsRequest;
import software.amazon.awssdk.services.emr.model.AddJobFlowStepsResponse;
import software.amazon.awssdk.services.emr.model.AddTagsRequest;
import software.amazon.awssdk.services.emr.model.AddTagsResponse;
import software.amazon.awssdk.services.emr.model.ClusterSummary;
import software.amazon.awssdk.services.emr.model.DescribeClusterRequest;
import software.amazon.awssdk.services.emr.model.DescribeClusterResponse;
import software.amazon.awssdk.services.emr.model.DescribeStepRequest;
import software.amazon.awssdk.services.emr.model.DescribeNotebookExecutionRequest;
import software.amazon.awssdk.services.emr.model.DescribeStepResponse;
import software.amazon.awssdk.services.emr.model.FailureDetails;
import software.amazon.awssdk.services.emr.model.ListClustersRequest;
import software.amazon.awssdk.services.emr.model.ListClustersResponse;
import software.amazon.awssdk.services.emr.model.ListStepsRequest;
import software.amazon.awssdk.services.emr.model.ListNotebookExecutionsRequest;
import software.amazon.awssdk.services.emr.model.ListStepsResponse;
import software.amazon.awssdk.services.emr.model.ModifyClusterRequest;
import software.amazon.awssdk.services.emr.model.ModifyClusterResponse;
import software.amazon.awssdk.services.emr.model.RemoveTagsRequest;
import software.amazon.awssdk.services.emr.model.RemoveTagsResponse;
import software.amazon.awssdk.services.emr.model.CancelStepsRequest;
import software.amazon.awssdk.services.emr.model.ListInstanceFleetsRequest;
import software.amazon.awssdk.services.emr.model.ListInstanceGroupsRequest;
import software.amazon.awssdk.services.emr.model.ModifyInstanceFleetRequest;
import software.amazon.awssdk.services.emr.model.ModifyInstanceGroupsRequest;
import software.amazon.awssdk.services.emr.model.RunJobFlowRequest;
import software.amazon.awssdk.services.emr.model.RunJobFlowResponse;
import software.amazon.awssdk.services.emr.model.SetTerminationProtectionRequest;
import software.amazon.awssdk.services.emr.model.SetTerminationProtectionResponse;
import software.amazon.awssdk.services.emr.model.StartNotebookExecutionRequest;
import software.amazon.awssdk.services.emr.model.StepConfig;
import software.amazon.awssdk.services.emr.model.StopNotebookExecutionRequest;
import software.amazon.awssdk.services.emr.model.StepSummary;
import software.amazon.awssdk.services.emr.model.Tag;
import software.amazon.awssdk.services.emr.model.TerminateJobFlowsRequest;
import software.amazon.awssdk.services.emr.model.TerminateJobFlowsResponse;

/**
 * The EMR operations: parses each request body into the SDK request class, applies it to the
 * simulated clusters at the clock's current time, and writes the SDK response class back.
 */
final class EmrApi {

  static final int PAGE_SIZE = 50;
  private static final String ID_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  private record Operation<R extends SdkPojo>(Class<R> type, Function<R, SdkPojo> handler) {
    SdkPojo call(SdkJson json, JsonNode body) {
      return handler.apply(json.read(body, type));
    }
  }

  private final SimClock clock;
  private final SimulatorConfig config;
  private final SdkJson wire = new SdkJson(SdkJson.Timestamps.EPOCH_SECONDS);
  private final Random random;
  private final Map<String, SimCluster> clusters = new LinkedHashMap<>();
  private final Map<String, Operation<?>> operations = new HashMap<>();
  private final int[] ruleMatches;
  private final CallRules rules;
  private final NotebookExecutions notebooks;
  private final ClusterOps ops;

  EmrApi(SimClock clock, SimulatorConfig config, java.util.List<RateBucket> buckets) {
    this.clock = clock;
    this.config = config;
    this.random = new Random(config.seed());
    // Separate from the id source, so adding a fault rule does not change the ids.
    this.rules = new CallRules("emr", config, new Random(~config.seed()), buckets);
    this.ruleMatches = new int[config.clusterRules().size()];
    operations.put("RunJobFlow", new Operation<>(RunJobFlowRequest.class, this::runJobFlow));
    operations.put(
        "DescribeCluster", new Operation<>(DescribeClusterRequest.class, this::describeCluster));
    operations.put("ListClusters", new Operation<>(ListClustersRequest.class, this::listClusters));
    operations.put(
        "TerminateJobFlows", new Operation<>(TerminateJobFlowsRequest.class, this::terminate));
    operations.put(
        "AddJobFlowSteps", new Operation<>(AddJobFlowStepsRequest.class, this::addSteps));
    operations.put("DescribeStep", new Operation<>(DescribeStepRequest.class, this::describeStep));
    operations.put("ListSteps", new Operation<>(ListStepsRequest.class, this::listSteps));
    operations.put(
        "SetTerminationProtection",
        new Operation<>(SetTerminationProtectionRequest.class, this::setTerminationProtection));
    operations.put("AddTags", new Operation<>(AddTagsRequest.class, this::addTags));
    this.ops = new ClusterOps(this::cluster, clock::now, config.seed());
    operations.put("CancelSteps", new Operation<>(CancelStepsRequest.class, ops::cancelSteps));
    operations.put("ListInstanceGroups", new Operation<>(ListInstanceGroupsRequest.class, ops::listGroups));
    operations.put("ListInstanceFleets", new Operation<>(ListInstanceFleetsRequest.class, ops::listFleets));
    operations.put("ModifyInstanceGroups", new Operation<>(ModifyInstanceGroupsRequest.class, ops::modifyGroups));
    operations.put("ModifyInstanceFleet", new Operation<>(ModifyInstanceFleetRequest.class, ops::modifyFleet));
    operations.put("RemoveTags", new Operation<>(RemoveTagsRequest.class, this::removeTags));
    operations.put("ModifyCluster", new Operation<>(ModifyClusterRequest.class, this::modifyCluster));
    this.notebooks = new NotebookExecutions(clock, config.notebooks(), random, id -> {
      SimCluster c = clusters.get(id);
      if (c != null) {
        c.advance(clock.now());
      }
      return c;
    });
    operations.put("StartNotebookExecution",
        new Operation<>(StartNotebookExecutionRequest.class, notebooks::start));
    operations.put("DescribeNotebookExecution",
        new Operation<>(DescribeNotebookExecutionRequest.class, notebooks::describe));
    operations.put("StopNotebookExecution",
        new Operation<>(StopNotebookExecutionRequest.class, notebooks::stop));
    operations.put("ListNotebookExecutions",
        new Operation<>(ListNotebookExecutionsRequest.class, notebooks::list));
  }

  /** Answers one call; errors come out as {@link AwsError}. */
  synchronized JsonNode handle(String operationName, JsonNode body) {
    Operation<?> operation = operations.get(operationName);
    if (operation == null) {
      throw new AwsError(
          "UnknownOperationException",
          "The flowport EMR simulator does not implement ElasticMapReduce." + operationName,
          400);
    }
    if (rules.throttled(operationName)) {
      throw new AwsError("ThrottlingException", "Rate exceeded", 400);
    }
    JsonNode answer;
    try {
      answer = wire.write(operation.call(wire, body));
    } catch (SdkJsonException e) {
      throw new AwsError("SerializationException", e.getMessage(), 400);
    }
    FaultRule fault = rules.fault(operationName);
    if (fault != null) {
      throw new LostAnswer(fault.answer());
    }
    return answer;
  }

  /** Calls received per operation so far, throttled and failed ones included. */
  Map<String, Integer> calls() {
    return rules.calls();
  }

  /** Each cluster's tags, by id, in creation order: the simulator's own view, no call counted. */
  synchronized Map<String, Map<String, String>> clusterTags() {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    clusters.forEach((id, c) -> out.put(id, Map.copyOf(c.tags)));
    return out;
  }

  /** What was answered per operation: throttled, lost to 500 or a dropped connection. */
  Map<String, CallCounts> counts() {
    return rules.counts();
  }

  private SdkPojo runJobFlow(RunJobFlowRequest r) {
    Validation.of().required("name", r.name()).required("instances", r.instances()).check();
    validateSteps(r.steps());
    Instant now = clock.now();
    String id = newId("j-");
    SimCluster cluster =
        new SimCluster(id, clusters.size(), r, now, ruleFor(r.name()), config, this::stepOutcome);
    clusters.put(id, cluster);
    ops.created(cluster, r.instances());
    cluster.addSteps(newSteps(r.steps(), now), now);
    return RunJobFlowResponse.builder().jobFlowId(id).clusterArn(cluster.arn()).build();
  }

  private SdkPojo describeCluster(DescribeClusterRequest r) {
    Validation.of().required("clusterId", r.clusterId()).check();
    return DescribeClusterResponse.builder().cluster(cluster(r.clusterId()).toCluster()).build();
  }

  private SdkPojo listClusters(ListClustersRequest r) {
    Instant now = clock.now();
    List<SimCluster> matching = new ArrayList<>();
    for (SimCluster c : clusters.values()) {
      c.advance(now);
      boolean stateOk =
          !r.hasClusterStates()
              || r.clusterStates().isEmpty()
              || r.clusterStatesAsStrings().contains(c.state().toString());
      boolean afterOk = r.createdAfter() == null || !c.created.isBefore(r.createdAfter());
      boolean beforeOk = r.createdBefore() == null || !c.created.isAfter(r.createdBefore());
      if (stateOk && afterOk && beforeOk) {
        matching.add(c);
      }
    }
    // Newest first, as EMR lists them; the marker is the sequence number of the last one given.
    matching.sort(Comparator.comparingLong((SimCluster c) -> c.seq).reversed());
    long below = r.marker() == null ? Long.MAX_VALUE : marker(r.marker());
    List<ClusterSummary> page = new ArrayList<>();
    String next = null;
    for (SimCluster c : matching) {
      if (c.seq >= below) {
        continue;
      }
      if (page.size() == PAGE_SIZE) {
        next = Long.toString(c.seq + 1);
        break;
      }
      page.add(c.toSummary());
    }
    return ListClustersResponse.builder().clusters(page).marker(next).build();
  }

  private SdkPojo terminate(TerminateJobFlowsRequest r) {
    Validation.of().required("jobFlowIds", r.hasJobFlowIds() ? r.jobFlowIds() : null).check();
    List<SimCluster> targets = jobFlows(r.jobFlowIds());
    Instant now = clock.now();
    boolean anyProtected = false;
    for (SimCluster c : targets) {
      c.advance(now);
      if (c.terminationProtected && !c.isEnding()) {
        anyProtected = true;
      } else {
        c.terminateByUser(now);
      }
    }
    if (anyProtected) {
      throw AwsError.validation(
          "Could not shut down one or more job flows since they are termination protected.");
    }
    return TerminateJobFlowsResponse.builder().build();
  }

  private SdkPojo addSteps(AddJobFlowStepsRequest r) {
    Validation.of()
        .required("jobFlowId", r.jobFlowId())
        .required("steps", r.hasSteps() ? r.steps() : null)
        .check();
    validateSteps(r.steps());
    SimCluster c = jobFlows(List.of(r.jobFlowId())).get(0);
    Instant now = clock.now();
    c.advance(now);
    if (c.isEnding()) {
      throw AwsError.validation(
          "A job flow that is shutting down, terminated, or finished may not be modified.");
    }
    List<SimStep> added = newSteps(r.steps(), now);
    c.addSteps(added, now);
    return AddJobFlowStepsResponse.builder()
        .stepIds(added.stream().map(s -> s.id).toList())
        .build();
  }

  private SdkPojo describeStep(DescribeStepRequest r) {
    Validation.of().required("clusterId", r.clusterId()).required("stepId", r.stepId()).check();
    return DescribeStepResponse.builder()
        .step(step(cluster(r.clusterId()), r.stepId()).toStep())
        .build();
  }

  private SdkPojo listSteps(ListStepsRequest r) {
    Validation.of().required("clusterId", r.clusterId()).check();
    SimCluster c = cluster(r.clusterId());
    if (r.hasStepIds()) {
      r.stepIds().forEach(id -> step(c, id));
    }
    List<StepSummary> page = new ArrayList<>();
    int from = r.marker() == null ? c.steps.size() - 1 : (int) marker(r.marker());
    String next = null;
    for (int i = Math.min(from, c.steps.size() - 1); i >= 0; i--) {
      SimStep s = c.steps.get(i);
      boolean idOk = !r.hasStepIds() || r.stepIds().contains(s.id);
      boolean stateOk = !r.hasStepStates() || r.stepStatesAsStrings().contains(s.state.toString());
      if (!idOk || !stateOk) {
        continue;
      }
      if (page.size() == PAGE_SIZE) {
        next = Integer.toString(i);
        break;
      }
      page.add(s.toSummary());
    }
    return ListStepsResponse.builder().steps(page).marker(next).build();
  }

  private SdkPojo setTerminationProtection(SetTerminationProtectionRequest r) {
    Validation.of()
        .required("jobFlowIds", r.hasJobFlowIds() ? r.jobFlowIds() : null)
        .required("terminationProtected", r.terminationProtected())
        .check();
    List<SimCluster> targets = jobFlows(r.jobFlowIds());
    Instant now = clock.now();
    for (SimCluster c : targets) {
      c.advance(now);
      if (c.isEnding()) {
        throw AwsError.validation(
            "A job flow that is shutting down, terminated, or finished may not be modified.");
      }
    }
    targets.forEach(c -> c.terminationProtected = r.terminationProtected());
    return SetTerminationProtectionResponse.builder().build();
  }

  /** EMR takes 1 to 256 concurrent steps; without a level the answer is the cluster's current one. */
  private SdkPojo modifyCluster(ModifyClusterRequest r) {
    Validation.of().required("clusterId", r.clusterId()).check();
    SimCluster c = cluster(r.clusterId());
    Integer level = r.stepConcurrencyLevel();
    if (level != null && (level < 1 || level > 256)) {
      throw AwsError.invalidRequest("StepConcurrencyLevel must be between 1 and 256, got " + level + ".");
    }
    if (c.isEnding()) {
      throw AwsError.validation(
          "A job flow that is shutting down, terminated, or finished may not be modified.");
    }
    if (level != null) {
      c.modifyStepConcurrency(level, clock.now());
    }
    return ModifyClusterResponse.builder().stepConcurrencyLevel(c.stepConcurrencyLevel).build();
  }

  private SdkPojo addTags(AddTagsRequest r) {
    Validation.of()
        .required("resourceId", r.resourceId())
        .required("tags", r.hasTags() ? r.tags() : null)
        .check();
    SimCluster c = taggable(r.resourceId());
    for (Tag t : r.tags()) {
      c.tags.put(t.key(), t.value() == null ? "" : t.value());
    }
    return AddTagsResponse.builder().build();
  }

  private SdkPojo removeTags(RemoveTagsRequest r) {
    Validation.of()
        .required("resourceId", r.resourceId())
        .required("tagKeys", r.hasTagKeys() ? r.tagKeys() : null)
        .check();
    SimCluster c = taggable(r.resourceId());
    r.tagKeys().forEach(c.tags::remove);
    return RemoveTagsResponse.builder().build();
  }

  private SimCluster taggable(String id) {
    SimCluster c = cluster(id);
    if (c.isTerminated()) {
      throw AwsError.invalidRequest("Tags cannot be modified on terminated clusters.");
    }
    return c;
  }

  /** The cluster, brought up to date; the cluster-style APIs reject unknown ids like this. */
  private SimCluster cluster(String id) {
    SimCluster c = clusters.get(id);
    if (c == null) {
      throw AwsError.invalidRequest("Cluster id '" + id + "' is not valid.");
    }
    c.advance(clock.now());
    return c;
  }

  /** The older job-flow-style APIs reject unknown ids with a ValidationException instead. */
  private List<SimCluster> jobFlows(List<String> ids) {
    List<SimCluster> out = new ArrayList<>();
    for (String id : ids) {
      SimCluster c = clusters.get(id);
      if (c == null) {
        throw AwsError.validation("Specified job flow ID not valid");
      }
      out.add(c);
    }
    return out;
  }

  private static SimStep step(SimCluster c, String stepId) {
    return c.steps.stream()
        .filter(s -> s.id.equals(stepId))
        .findFirst()
        .orElseThrow(() -> AwsError.invalidRequest("Step id '" + stepId + "' is not valid."));
  }

  private static void validateSteps(List<StepConfig> steps) {
    Validation v = Validation.of();
    for (int i = 0; i < steps.size(); i++) {
      StepConfig s = steps.get(i);
      String at = "steps." + (i + 1) + ".member.";
      v.required(at + "name", s.name()).required(at + "hadoopJarStep", s.hadoopJarStep());
      if (s.hadoopJarStep() != null) {
        v.required(at + "hadoopJarStep.jar", s.hadoopJarStep().jar());
      }
      if (s.actionOnFailure() == ActionOnFailure.UNKNOWN_TO_SDK_VERSION) {
        v.oneOf(at + "actionOnFailure", s.actionOnFailureAsString(), ActionOnFailure.knownValues());
      }
    }
    v.check();
  }

  private List<SimStep> newSteps(List<StepConfig> configs, Instant now) {
    return configs.stream().map(s -> new SimStep(newId("s-"), s, now)).toList();
  }

  private ClusterRule ruleFor(String name) {
    ClusterRule chosen = null;
    List<ClusterRule> rules = config.clusterRules();
    for (int i = 0; i < rules.size(); i++) {
      ClusterRule rule = rules.get(i);
      if (Glob.matches(rule.name(), name)) {
        ruleMatches[i]++;
        if (chosen == null && (rule.nth() == null || rule.nth() == ruleMatches[i])) {
          chosen = rule;
        }
      }
    }
    return chosen;
  }

  private FailureDetails stepOutcome(SimStep step) {
    for (StepRule rule : config.stepRules()) {
      if (Glob.matches(rule.name(), step.name)) {
        return FailureDetails.builder()
            .reason(rule.reason() != null ? rule.reason() : "Unknown Error.")
            .message(rule.message())
            .logFile(rule.logFile())
            .build();
      }
    }
    return null;
  }

  private static long marker(String marker) {
    try {
      return Long.parseLong(marker);
    } catch (NumberFormatException e) {
      throw AwsError.invalidRequest("Marker '" + marker + "' is not valid.");
    }
  }

  /** Ids shaped like EMR's ({@code j-} or {@code s-} and 13 upper-case letters or digits). */
  private String newId(String prefix) {
    while (true) {
      StringBuilder id = new StringBuilder(prefix);
      for (int i = 0; i < 13; i++) {
        id.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length())));
      }
      String candidate = id.toString();
      boolean taken =
          clusters.containsKey(candidate)
              || clusters.values().stream()
                  .anyMatch(c -> c.steps.stream().anyMatch(s -> s.id.equals(candidate)));
      if (!taken) {
        return candidate;
      }
    }
  }
}
