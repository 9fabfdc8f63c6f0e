package io.flowport.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.sdkjson.SdkJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.emrcontainers.model.CancelJobRunRequest;
import software.amazon.awssdk.services.emrcontainers.model.CancelJobRunResponse;
import software.amazon.awssdk.services.emrcontainers.model.DescribeJobRunRequest;
import software.amazon.awssdk.services.emrcontainers.model.DescribeJobRunResponse;
import software.amazon.awssdk.services.emrcontainers.model.JobRun;
import software.amazon.awssdk.services.emrcontainers.model.ListJobRunsRequest;
import software.amazon.awssdk.services.emrcontainers.model.ListJobRunsResponse;
import software.amazon.awssdk.services.emrcontainers.model.ListVirtualClustersRequest;
import software.amazon.awssdk.services.emrcontainers.model.ListVirtualClustersResponse;
import software.amazon.awssdk.services.emrcontainers.model.StartJobRunRequest;
import software.amazon.awssdk.services.emrcontainers.model.StartJobRunResponse;
import software.amazon.awssdk.services.emrcontainers.model.VirtualCluster;
import software.amazon.awssdk.services.emrcontainers.model.VirtualClusterState;

/**
 * EMR on EKS (emr-containers) job runs over REST-JSON, under {@code /virtualclusters/{id}/jobruns}
 * as the SDK's marshallers send them. Runs move on the simulator's clock.
 */
final class ContainersApi {

  static final int PAGE_SIZE = 50;
  private static final String ID_CHARS = "0123456789abcdefghijklmnopqrstuvwxyz";
  private static final List<String> PATH_PARAMS = List.of("virtualClusterId", "jobRunId");

  /** A request without its client token, and the id of the run it started. */
  private record Made(StartJobRunRequest request, String id) {}

  private final SimClock clock;
  private final ContainersConfig config;
  private final SdkJson wire = new SdkJson(SdkJson.Timestamps.EPOCH_SECONDS);
  private final Random random;
  private final CallRules rules;
  private final RestRoutes routes;
  private final Map<String, SimContainerRun> runs = new LinkedHashMap<>();
  private final Map<String, Made> tokens = new HashMap<>();
  private final Map<Integer, Integer> ruleMatches = new HashMap<>();
  /**
   * The virtual clusters ListVirtualClusters shows, by id, with when the simulator first knew them:
   * the scenario's, or, when it names none, those runs were started in.
   */
  private final Map<String, java.time.Instant> virtualClusters = new LinkedHashMap<>();

  ContainersApi(SimClock clock, SimulatorConfig config, java.util.List<RateBucket> buckets) {
    this.clock = clock;
    this.config = config.containers();
    // Own random sources: EMR's and EMR Serverless's ids and fault draws stay as they were.
    this.random = new Random(config.seed() * 31 + 11);
    this.rules = new CallRules("emr-containers", config, new Random(~config.seed() * 31 + 11), buckets);
    this.routes = new RestRoutes("EMR on EKS", PATH_PARAMS, wire, rules);
    String runs = "/virtualclusters/([^/]+)/jobruns";
    route("StartJobRun", "POST", runs, StartJobRunRequest.class, this::startJobRun);
    route("ListJobRuns", "GET", runs, ListJobRunsRequest.class, this::listJobRuns);
    route("DescribeJobRun", "GET", runs + "/([^/]+)", DescribeJobRunRequest.class, this::describeJobRun);
    route("CancelJobRun", "DELETE", runs + "/([^/]+)", CancelJobRunRequest.class, this::cancelJobRun);
    route("ListVirtualClusters", "GET", "/virtualclusters", ListVirtualClustersRequest.class, this::listVirtualClusters);
    this.config.virtualClusters().forEach(id -> virtualClusters.put(id, clock.now()));
  }

  private <R extends SdkPojo> void route(String operation, String method, String path, Class<R> type, Function<R, SdkPojo> handler) {
    routes.route(operation, method, path, type, handler);
  }

  /** Whether a request path is EMR on EKS's. */
  static boolean serves(String path) {
    return path.equals("/virtualclusters") || path.startsWith("/virtualclusters/");
  }

  /** The operation of a call (unsynchronized, for the latency rules), or null. */
  String operation(String method, String path) {
    return routes.operation(method, path);
  }

  /** Answers one call; errors come out as {@link AwsError}. */
  synchronized JsonNode handle(String method, String path, Map<String, List<String>> query, JsonNode body) {
    return routes.handle(method, path, query, body);
  }

  Map<String, Integer> calls() {
    return rules.calls();
  }

  /** What was answered per operation: throttled, lost to 500 or a dropped connection. */
  Map<String, CallCounts> counts() {
    return rules.counts();
  }

  private SdkPojo startJobRun(StartJobRunRequest r) {
    Validation.of().required("clientToken", r.clientToken()).check();
    if (r.jobTemplateId() == null) {
      // Without a job template these are required (the model cannot say so: a template may give them).
      Validation.of().required("executionRoleArn", r.executionRoleArn()).required("releaseLabel", r.releaseLabel())
          .required("jobDriver", r.jobDriver()).check();
    }
    virtualCluster(r.virtualClusterId());
    virtualClusters.putIfAbsent(r.virtualClusterId(), clock.now());
    String key = r.virtualClusterId() + "/" + r.clientToken();
    StartJobRunRequest untokened = r.toBuilder().clientToken(null).build();
    Made seen = tokens.get(key);
    if (seen != null) {
      if (!seen.request().equals(untokened)) {
        throw AwsError.validation("The client token " + r.clientToken() + " was already used with a different request.");
      }
      return answer(runs.get(seen.id()));
    }
    ContainersConfig.JobRunRule rule = rule(r.name() == null ? "" : r.name());
    Duration running = rule != null && rule.running() != null ? rule.running() : config.running();
    SimContainerRun run = new SimContainerRun(newId(), r, clock.now(), running,
        rule == null ? null : rule.failureReason(), rule == null ? null : rule.stateDetails());
    runs.put(run.id, run);
    tokens.put(key, new Made(untokened, run.id));
    return answer(run);
  }

  private static StartJobRunResponse answer(SimContainerRun run) {
    return StartJobRunResponse.builder().id(run.id).name(run.request.name()).arn(run.arn())
        .virtualClusterId(run.virtualClusterId).build();
  }

  private SdkPojo describeJobRun(DescribeJobRunRequest r) {
    return DescribeJobRunResponse.builder().jobRun(run(r.virtualClusterId(), r.id()).toJobRun()).build();
  }

  /** Newest first, filtered by name, states and creation time, pages as EMR Serverless's (see there). */
  private SdkPojo listJobRuns(ListJobRunsRequest r) {
    virtualCluster(r.virtualClusterId());
    int size = ServerlessApi.pageSize(r.maxResults());
    List<JobRun> page = new ArrayList<>();
    String next = null;
    List<SimContainerRun> all = new ArrayList<>(runs.values());
    for (int i = ServerlessApi.token(r.nextToken(), all.size()); i >= 0; i--) {
      SimContainerRun run = all.get(i);
      if (!run.virtualClusterId.equals(r.virtualClusterId()) || (r.name() != null && !r.name().equals(run.request.name()))
          || (r.createdAfter() != null && run.created.isBefore(r.createdAfter()))
          || (r.createdBefore() != null && run.created.isAfter(r.createdBefore()))) {
        continue;
      }
      run.advance(clock.now(), config);
      if (r.hasStates() && !r.statesAsStrings().contains(run.state.toString())) {
        continue;
      }
      if (page.size() == size) {
        next = Integer.toString(i);
        break;
      }
      page.add(run.toJobRun());
    }
    return ListJobRunsResponse.builder().jobRuns(page).nextToken(next).build();
  }

  /**
   * Newest first, filtered by states and creation time, pages as ListJobRuns. Every virtual cluster
   * here is RUNNING: the simulator neither creates nor deletes them.
   */
  private SdkPojo listVirtualClusters(ListVirtualClustersRequest r) {
    int size = ServerlessApi.pageSize(r.maxResults());
    List<Map.Entry<String, java.time.Instant>> all = new ArrayList<>(virtualClusters.entrySet());
    List<VirtualCluster> page = new ArrayList<>();
    String next = null;
    for (int i = ServerlessApi.token(r.nextToken(), all.size()); i >= 0; i--) {
      String id = all.get(i).getKey();
      java.time.Instant created = all.get(i).getValue();
      if ((r.hasStates() && !r.statesAsStrings().contains(VirtualClusterState.RUNNING.toString()))
          || (r.createdAfter() != null && created.isBefore(r.createdAfter()))
          || (r.createdBefore() != null && created.isAfter(r.createdBefore()))) {
        continue;
      }
      if (page.size() == size) {
        next = Integer.toString(i);
        break;
      }
      page.add(VirtualCluster.builder().id(id).name(id).state(VirtualClusterState.RUNNING).createdAt(created)
          .arn("arn:aws:emr-containers:us-east-1:123456789012:/virtualclusters/" + id).build());
    }
    return ListVirtualClustersResponse.builder().virtualClusters(page).nextToken(next).build();
  }

  private SdkPojo cancelJobRun(CancelJobRunRequest r) {
    SimContainerRun run = run(r.virtualClusterId(), r.id());
    if (!run.isOpen()) {
      throw AwsError.validation("Job run " + run.id + " is in " + run.state + " state and cannot be cancelled.");
    }
    run.cancel(clock.now());
    return CancelJobRunResponse.builder().id(run.id).virtualClusterId(run.virtualClusterId).build();
  }

  /** An unknown virtual cluster is ResourceNotFoundException, when the scenario names the ones that exist. */
  private void virtualCluster(String id) {
    if (!config.virtualClusters().isEmpty() && !config.virtualClusters().contains(id)) {
      throw new AwsError("ResourceNotFoundException", "Virtual cluster " + id + " doesn't exist.", 404);
    }
  }

  /** The run, brought up to date; a run of another virtual cluster is not found there. */
  private SimContainerRun run(String virtualClusterId, String id) {
    virtualCluster(virtualClusterId);
    SimContainerRun run = runs.get(id);
    if (run == null || !run.virtualClusterId.equals(virtualClusterId)) {
      throw new AwsError("ResourceNotFoundException", "Job run " + id + " doesn't exist.", 404);
    }
    run.advance(clock.now(), config);
    return run;
  }

  private ContainersConfig.JobRunRule rule(String name) {
    ContainersConfig.JobRunRule chosen = null;
    List<ContainersConfig.JobRunRule> jobRules = config.jobRuns();
    for (int i = 0; i < jobRules.size(); i++) {
      ContainersConfig.JobRunRule rule = jobRules.get(i);
      if (Glob.matches(rule.name(), name)) {
        int n = ruleMatches.merge(i, 1, Integer::sum);
        if (chosen == null && (rule.nth() == null || rule.nth() == n)) {
          chosen = rule;
        }
      }
    }
    return chosen;
  }

  /** Ids shaped like EMR on EKS's job run ids: 19 lower-case letters or digits. */
  private String newId() {
    while (true) {
      StringBuilder id = new StringBuilder("0000000");
      for (int i = 0; i < 12; i++) {
        id.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length())));
      }
      if (!runs.containsKey(id.toString())) {
        return id.toString();
      }
    }
  }
}
