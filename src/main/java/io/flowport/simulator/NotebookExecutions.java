package io.flowport.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.emr.model.ClusterState;
import software.amazon.awssdk.services.emr.model.DescribeNotebookExecutionRequest;
import software.amazon.awssdk.services.emr.model.DescribeNotebookExecutionResponse;
import software.amazon.awssdk.services.emr.model.ExecutionEngineType;
import software.amazon.awssdk.services.emr.model.ListNotebookExecutionsRequest;
import software.amazon.awssdk.services.emr.model.ListNotebookExecutionsResponse;
import software.amazon.awssdk.services.emr.model.NotebookExecutionSummary;
import software.amazon.awssdk.services.emr.model.StartNotebookExecutionRequest;
import software.amazon.awssdk.services.emr.model.StartNotebookExecutionResponse;
import software.amazon.awssdk.services.emr.model.StopNotebookExecutionRequest;
import software.amazon.awssdk.services.emr.model.StopNotebookExecutionResponse;

/**
 * EMR's notebook execution calls, on the EMR endpoint (AWS JSON 1.1): an execution runs on a
 * simulated cluster that must be RUNNING or WAITING when it starts.
 */
final class NotebookExecutions {

  private static final String ID_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  // ListNotebookExecutions without From lists the last 30 days (the API reference).
  private static final Duration DEFAULT_LISTING = Duration.ofDays(30);

  private final SimClock clock;
  private final NotebooksConfig config;
  private final Random random;
  private final Function<String, SimCluster> clusters;
  private final Map<String, SimNotebookExecution> executions = new LinkedHashMap<>();
  private final int[] ruleMatches;

  /** @param clusters a cluster by id, brought up to date, or null when there is none */
  NotebookExecutions(SimClock clock, NotebooksConfig config, Random random, Function<String, SimCluster> clusters) {
    this.clock = clock;
    this.config = config;
    this.random = random;
    this.clusters = clusters;
    this.ruleMatches = new int[config.executions().size()];
  }

  SdkPojo start(StartNotebookExecutionRequest r) {
    Validation v = Validation.of().required("executionEngine", r.executionEngine()).required("serviceRole", r.serviceRole());
    if (r.executionEngine() != null) {
      v.required("executionEngine.id", r.executionEngine().id());
      if (r.executionEngine().type() == ExecutionEngineType.UNKNOWN_TO_SDK_VERSION) {
        v.oneOf("executionEngine.type", r.executionEngine().typeAsString(), ExecutionEngineType.knownValues());
      }
    }
    v.check();
    if (r.editorId() == null && r.notebookS3Location() == null) {
      throw AwsError.invalidRequest("Either EditorId or NotebookS3Location must be specified.");
    }
    SimCluster cluster = clusters.apply(r.executionEngine().id());
    if (cluster == null) {
      throw AwsError.invalidRequest("Cluster id '" + r.executionEngine().id() + "' is not valid.");
    }
    if (cluster.state() != ClusterState.RUNNING && cluster.state() != ClusterState.WAITING) {
      throw AwsError.invalidRequest("Cluster " + cluster.id + " is in state " + cluster.state()
          + "; a notebook execution needs a cluster in state RUNNING or WAITING.");
    }
    Instant now = clock.now();
    String name = r.notebookExecutionName() == null ? "" : r.notebookExecutionName();
    NotebooksConfig.ExecutionRule rule = ruleFor(name);
    Duration running = rule != null && rule.running() != null ? rule.running() : config.running();
    String id = newId();
    executions.put(id, new SimNotebookExecution(id, executions.size(), r, now, running, rule == null ? null : rule.fail()));
    return StartNotebookExecutionResponse.builder().notebookExecutionId(id).build();
  }

  SdkPojo describe(DescribeNotebookExecutionRequest r) {
    Validation.of().required("notebookExecutionId", r.notebookExecutionId()).check();
    return DescribeNotebookExecutionResponse.builder().notebookExecution(execution(r.notebookExecutionId()).toExecution()).build();
  }

  /** Stopping an ended execution is refused; stopping one already stopping changes nothing. */
  SdkPojo stop(StopNotebookExecutionRequest r) {
    Validation.of().required("notebookExecutionId", r.notebookExecutionId()).check();
    SimNotebookExecution e = execution(r.notebookExecutionId());
    if (!e.isOpen()) {
      throw AwsError.invalidRequest("Notebook execution " + e.id + " is in state " + e.status + " and cannot be stopped.");
    }
    e.stop(clock.now());
    return StopNotebookExecutionResponse.builder().build();
  }

  /** Newest first, 50 a page, as the Management Guide's examples list them. */
  SdkPojo list(ListNotebookExecutionsRequest r) {
    Instant now = clock.now();
    Instant from = r.from() != null ? r.from() : now.minus(DEFAULT_LISTING);
    Instant to = r.to() != null ? r.to() : now;
    List<SimNotebookExecution> matching = new ArrayList<>();
    for (SimNotebookExecution e : executions.values()) {
      e.advance(now, config);
      boolean ok = (r.editorId() == null || r.editorId().equals(e.request.editorId()))
          && (r.status() == null || r.statusAsString().equals(e.status.toString()))
          && (r.executionEngineId() == null || r.executionEngineId().equals(e.clusterId()))
          && !e.started.isBefore(from) && !e.started.isAfter(to);
      if (ok) {
        matching.add(e);
      }
    }
    matching.sort(Comparator.comparingLong((SimNotebookExecution e) -> e.seq).reversed());
    long below = r.marker() == null ? Long.MAX_VALUE : marker(r.marker());
    List<NotebookExecutionSummary> page = new ArrayList<>();
    String next = null;
    for (SimNotebookExecution e : matching) {
      if (e.seq >= below) {
        continue;
      }
      if (page.size() == EmrApi.PAGE_SIZE) {
        next = Long.toString(e.seq + 1);
        break;
      }
      page.add(e.toSummary());
    }
    return ListNotebookExecutionsResponse.builder().notebookExecutions(page).marker(next).build();
  }

  private SimNotebookExecution execution(String id) {
    SimNotebookExecution e = executions.get(id);
    if (e == null) {
      throw AwsError.invalidRequest("Notebook execution id '" + id + "' is not valid.");
    }
    e.advance(clock.now(), config);
    return e;
  }

  private NotebooksConfig.ExecutionRule ruleFor(String name) {
    NotebooksConfig.ExecutionRule chosen = null;
    List<NotebooksConfig.ExecutionRule> rules = config.executions();
    for (int i = 0; i < rules.size(); i++) {
      NotebooksConfig.ExecutionRule rule = rules.get(i);
      if (Glob.matches(rule.name(), name)) {
        ruleMatches[i]++;
        if (chosen == null && (rule.nth() == null || rule.nth() == ruleMatches[i])) {
          chosen = rule;
        }
      }
    }
    return chosen;
  }

  private static long marker(String marker) {
    try {
      return Long.parseLong(marker);
    } catch (NumberFormatException e) {
      throw AwsError.invalidRequest("Marker '" + marker + "' is not valid.");
    }
  }

  /** Ids shaped like EMR's: {@code ex-} and 29 upper-case letters or digits. */
  private String newId() {
    while (true) {
      StringBuilder id = new StringBuilder("ex-");
      for (int i = 0; i < 29; i++) {
        id.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length())));
      }
      if (!executions.containsKey(id.toString())) {
        return id.toString();
      }
    }
  }
}
