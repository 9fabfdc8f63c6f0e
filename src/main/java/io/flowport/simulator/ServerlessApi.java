package io.flowport.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.sdkjson.SdkJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.services.emrserverless.model.ApplicationSummary;
import software.amazon.awssdk.services.emrserverless.model.CancelJobRunRequest;
import software.amazon.awssdk.services.emrserverless.model.CancelJobRunResponse;
import software.amazon.awssdk.services.emrserverless.model.CreateApplicationRequest;
import software.amazon.awssdk.services.emrserverless.model.CreateApplicationResponse;
import software.amazon.awssdk.services.emrserverless.model.DeleteApplicationRequest;
import software.amazon.awssdk.services.emrserverless.model.DeleteApplicationResponse;
import software.amazon.awssdk.services.emrserverless.model.GetApplicationRequest;
import software.amazon.awssdk.services.emrserverless.model.GetApplicationResponse;
import software.amazon.awssdk.services.emrserverless.model.GetJobRunRequest;
import software.amazon.awssdk.services.emrserverless.model.GetJobRunResponse;
import software.amazon.awssdk.services.emrserverless.model.JobRunSummary;
import software.amazon.awssdk.services.emrserverless.model.ListApplicationsRequest;
import software.amazon.awssdk.services.emrserverless.model.ListApplicationsResponse;
import software.amazon.awssdk.services.emrserverless.model.ListJobRunsRequest;
import software.amazon.awssdk.services.emrserverless.model.ListJobRunsResponse;
import software.amazon.awssdk.services.emrserverless.model.StartApplicationRequest;
import software.amazon.awssdk.services.emrserverless.model.StartApplicationResponse;
import software.amazon.awssdk.services.emrserverless.model.StartJobRunRequest;
import software.amazon.awssdk.services.emrserverless.model.StartJobRunResponse;
import software.amazon.awssdk.services.emrserverless.model.StopApplicationRequest;
import software.amazon.awssdk.services.emrserverless.model.StopApplicationResponse;

/**
 * EMR Serverless over REST-JSON: the method and path name the operation (as the SDK's marshallers
 * send them), path and query parameters and the JSON body fill the SDK request class, and the SDK
 * response class is written back. Applications and job runs move on the simulator's clock.
 */
final class ServerlessApi {

  static final int PAGE_SIZE = 50;
  private static final String ID_CHARS = "0123456789abcdefghijklmnopqrstuvwxyz";

  /** Parameters a path names, in order: {applicationId} then {jobRunId}. */
  private static final List<String> PATH_PARAMS = List.of("applicationId", "jobRunId");

  private final SimClock clock;
  private final ServerlessConfig config;
  private final SdkJson wire = new SdkJson(SdkJson.Timestamps.EPOCH_SECONDS);
  private final Random random;
  private final CallRules rules;
  private final RestRoutes routes;
  private final Map<String, SimApplication> applications = new LinkedHashMap<>();
  /** Client tokens of CreateApplication (account-wide) and of StartJobRun (per application). */
  private final Map<String, Made> applicationTokens = new HashMap<>();
  private final Map<String, Made> runTokens = new HashMap<>();

  /** A request without its client token, and the id of what it made. */
  private record Made(Object request, String id) {}
  private final Map<String, Integer> ruleMatches = new HashMap<>();

  ServerlessApi(SimClock clock, SimulatorConfig config, java.util.List<RateBucket> buckets) {
    this.clock = clock;
    this.config = config.serverless();
    // Own random sources: EMR's ids and fault draws stay as they were.
    this.random = new Random(config.seed() * 31 + 7);
    this.rules = new CallRules("emr-serverless", config, new Random(~config.seed() * 31 + 7), buckets);
    this.routes = new RestRoutes("EMR Serverless", PATH_PARAMS, wire, rules);
    String app = "/applications/([^/]+)";
    route("CreateApplication", "POST", "/applications", CreateApplicationRequest.class, this::createApplication);
    route("ListApplications", "GET", "/applications", ListApplicationsRequest.class, this::listApplications);
    route("GetApplication", "GET", app, GetApplicationRequest.class, this::getApplication);
    route("DeleteApplication", "DELETE", app, DeleteApplicationRequest.class, this::deleteApplication);
    route("StartApplication", "POST", app + "/start", StartApplicationRequest.class, this::startApplication);
    route("StopApplication", "POST", app + "/stop", StopApplicationRequest.class, this::stopApplication);
    route("StartJobRun", "POST", app + "/jobruns", StartJobRunRequest.class, this::startJobRun);
    route("ListJobRuns", "GET", app + "/jobruns", ListJobRunsRequest.class, this::listJobRuns);
    route("GetJobRun", "GET", app + "/jobruns/([^/]+)", GetJobRunRequest.class, this::getJobRun);
    route("CancelJobRun", "DELETE", app + "/jobruns/([^/]+)", CancelJobRunRequest.class, this::cancelJobRun);
  }

  private <R extends SdkPojo> void route(String operation, String method, String path, Class<R> type, Function<R, SdkPojo> handler) {
    routes.route(operation, method, path, type, handler);
  }

  /** Whether a request path is EMR Serverless's. */
  static boolean serves(String path) {
    return path.equals("/applications") || path.startsWith("/applications/");
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

  private SdkPojo createApplication(CreateApplicationRequest r) {
    Validation.of().required("releaseLabel", r.releaseLabel()).required("type", r.type()).check();
    if (!r.type().equalsIgnoreCase("SPARK") && !r.type().equalsIgnoreCase("HIVE")) {
      throw AwsError.validation("Unsupported engine " + r.type());
    }
    CreateApplicationRequest untokened = r.toBuilder().clientToken(null).build();
    SimApplication same = repeat(applicationTokens, r.clientToken(), untokened, applications::get);
    if (same != null) {
      return CreateApplicationResponse.builder().applicationId(same.id).name(same.request.name()).arn(same.arn()).build();
    }
    String id = newId();
    SimApplication app = new SimApplication(id, applications.size(), r, clock.now(), config);
    applications.put(id, app);
    if (r.clientToken() != null) {
      applicationTokens.put(r.clientToken(), new Made(untokened, id));
    }
    return CreateApplicationResponse.builder().applicationId(id).name(r.name()).arn(app.arn()).build();
  }

  private SdkPojo getApplication(GetApplicationRequest r) {
    return GetApplicationResponse.builder().application(application(r.applicationId()).toApplication()).build();
  }

  /**
   * Newest first, filtered by states, {@code maxResults} (at most 50) a page; the token is the
   * position of the next application in creation order, which only grows (a deleted one stays,
   * TERMINATED, as the service lists it for a while).
   */
  private SdkPojo listApplications(ListApplicationsRequest r) {
    Instant now = clock.now();
    int size = pageSize(r.maxResults());
    List<SimApplication> all = new ArrayList<>(applications.values());
    all.sort(Comparator.comparingLong((SimApplication a) -> a.seq));
    List<ApplicationSummary> page = new ArrayList<>();
    String next = null;
    for (int i = token(r.nextToken(), all.size()); i >= 0; i--) {
      SimApplication a = all.get(i);
      a.advance(now);
      if (r.hasStates() && !r.statesAsStrings().contains(a.state.toString())) {
        continue;
      }
      if (page.size() == size) {
        next = Integer.toString(i);
        break;
      }
      page.add(a.toSummary());
    }
    return ListApplicationsResponse.builder().applications(page).nextToken(next).build();
  }

  private SdkPojo startApplication(StartApplicationRequest r) {
    application(r.applicationId()).start(clock.now());
    return StartApplicationResponse.builder().build();
  }

  private SdkPojo stopApplication(StopApplicationRequest r) {
    application(r.applicationId()).stop(clock.now());
    return StopApplicationResponse.builder().build();
  }

  private SdkPojo deleteApplication(DeleteApplicationRequest r) {
    application(r.applicationId()).delete(clock.now());
    return DeleteApplicationResponse.builder().build();
  }

  private SdkPojo startJobRun(StartJobRunRequest r) {
    Validation.of().required("executionRoleArn", r.executionRoleArn()).required("clientToken", r.clientToken()).check();
    SimApplication app = application(r.applicationId());
    String key = r.applicationId() + "/" + r.clientToken();
    StartJobRunRequest untokened = r.toBuilder().clientToken(null).build();
    SimJobRun same = repeat(runTokens, key, untokened,
        id -> app.runs.stream().filter(run -> run.id.equals(id)).findFirst().orElse(null));
    if (same != null) {
      return StartJobRunResponse.builder().applicationId(app.id).jobRunId(same.id).arn(app.arn() + "/jobruns/" + same.id).build();
    }
    app.admit(clock.now());
    ServerlessConfig.JobRunRule rule = rule(r.name() == null ? "" : r.name());
    Duration running = rule != null && rule.running() != null ? rule.running() : config.running();
    SimJobRun run = new SimJobRun(newId(), r, clock.now(), running, rule == null ? null : rule.failure());
    app.add(run);
    runTokens.put(key, new Made(untokened, run.id));
    return StartJobRunResponse.builder().applicationId(app.id).jobRunId(run.id).arn(app.arn() + "/jobruns/" + run.id).build();
  }

  private SdkPojo getJobRun(GetJobRunRequest r) {
    SimApplication app = application(r.applicationId());
    return GetJobRunResponse.builder().jobRun(run(app, r.jobRunId()).toJobRun(app)).build();
  }

  /**
   * Newest first, filtered by states and creation time, {@code maxResults} (at most 50) a page; the
   * token is the position of the next run in the application's list, which only grows.
   */
  private SdkPojo listJobRuns(ListJobRunsRequest r) {
    SimApplication app = application(r.applicationId());
    int size = pageSize(r.maxResults());
    List<JobRunSummary> page = new ArrayList<>();
    String next = null;
    for (int i = token(r.nextToken(), app.runs.size()); i >= 0; i--) {
      SimJobRun run = app.runs.get(i);
      boolean created = (r.createdAtAfter() == null || !run.created.isBefore(r.createdAtAfter()))
          && (r.createdAtBefore() == null || !run.created.isAfter(r.createdAtBefore()));
      if (!created || (r.hasStates() && !r.statesAsStrings().contains(run.state.toString()))) {
        continue;
      }
      if (page.size() == size) {
        next = Integer.toString(i);
        break;
      }
      var j = run.toJobRun(app);
      page.add(JobRunSummary.builder().applicationId(j.applicationId()).id(j.jobRunId()).name(j.name()).arn(j.arn())
          .createdBy(j.createdBy()).createdAt(j.createdAt()).updatedAt(j.updatedAt()).executionRole(j.executionRole())
          .state(j.state()).stateDetails(j.stateDetails()).releaseLabel(j.releaseLabel()).type(app.request.type()).build());
    }
    return ListJobRunsResponse.builder().jobRuns(page).nextToken(next).build();
  }

  /** maxResults as the service bounds it: 1 to 50, 50 when left out. */
  static int pageSize(Integer maxResults) {
    if (maxResults == null) {
      return PAGE_SIZE;
    }
    if (maxResults < 1 || maxResults > PAGE_SIZE) {
      throw AwsError.validation("1 validation error detected: Value '" + maxResults
          + "' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and " + PAGE_SIZE);
    }
    return maxResults;
  }

  /** The list position a nextToken of ours names, or the newest ({@code size - 1}) without one. */
  static int token(String nextToken, int size) {
    if (nextToken == null) {
      return size - 1;
    }
    try {
      int at = Integer.parseInt(nextToken);
      if (at >= 0 && at < size) {
        return at;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw AwsError.validation("Invalid pagination token " + nextToken);
  }

  private SdkPojo cancelJobRun(CancelJobRunRequest r) {
    SimApplication app = application(r.applicationId());
    SimJobRun run = run(app, r.jobRunId());
    if (!run.isOpen()) {
      throw AwsError.validation("Job run " + run.id + " is in a terminal state " + run.state + " and cannot be cancelled.");
    }
    run.cancel(clock.now());
    return CancelJobRunResponse.builder().applicationId(app.id).jobRunId(run.id).build();
  }

  /**
   * What an earlier call with this client token made, or null when the token is new. The same
   * token with a different request is refused: the token names one request.
   */
  private static <T> T repeat(Map<String, Made> tokens, String token, Object request, Function<String, T> find) {
    Made seen = token == null ? null : tokens.get(token);
    if (seen == null) {
      return null;
    }
    if (!seen.request().equals(request)) {
      throw new AwsError("ConflictException",
          "The client token " + token.substring(token.indexOf('/') + 1) + " was already used with a different request.", 409);
    }
    return find.apply(seen.id());
  }

  /** The application, brought up to date; unknown ids are ResourceNotFoundException, as EMR Serverless answers. */
  private SimApplication application(String id) {
    SimApplication app = applications.get(id);
    if (app == null) {
      throw new AwsError("ResourceNotFoundException", "Application " + id + " does not exist", 404);
    }
    app.advance(clock.now());
    return app;
  }

  private static SimJobRun run(SimApplication app, String id) {
    return app.runs.stream().filter(r -> r.id.equals(id)).findFirst()
        .orElseThrow(() -> new AwsError("ResourceNotFoundException", "JobRun " + id + " does not exist", 404));
  }

  private ServerlessConfig.JobRunRule rule(String name) {
    ServerlessConfig.JobRunRule chosen = null;
    List<ServerlessConfig.JobRunRule> jobRules = config.jobRuns();
    for (int i = 0; i < jobRules.size(); i++) {
      ServerlessConfig.JobRunRule rule = jobRules.get(i);
      if (Glob.matches(rule.name(), name)) {
        int n = ruleMatches.merge("r" + i, 1, Integer::sum);
        if (chosen == null && (rule.nth() == null || rule.nth() == n)) {
          chosen = rule;
        }
      }
    }
    return chosen;
  }

  /** Ids shaped like EMR Serverless's: "00" and 14 lower-case letters or digits. */
  private String newId() {
    while (true) {
      StringBuilder id = new StringBuilder("00");
      for (int i = 0; i < 14; i++) {
        id.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length())));
      }
      String candidate = id.toString();
      boolean taken = applications.containsKey(candidate)
          || applications.values().stream().anyMatch(a -> a.runs.stream().anyMatch(r -> r.id.equals(candidate)));
      if (!taken) {
        return candidate;
      }
    }
  }
}
