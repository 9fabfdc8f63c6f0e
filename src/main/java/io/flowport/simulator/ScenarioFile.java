package io.flowport.simulator;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.emr.model.ClusterState;
import software.amazon.awssdk.services.emr.model.ClusterStateChangeReasonCode;

/**
 * Reads a scenario file strictly: an unknown key or a wrong value is an IllegalArgumentException
 * with one line naming the file and the field, so a typo never silently changes a test run.
 */
final class ScenarioFile {

  private final Path file;

  private ScenarioFile(Path file) {
    this.file = file;
  }

  static SimulatorConfig read(Path file) {
    return new ScenarioFile(file).parse();
  }

  private SimulatorConfig parse() {
    JsonNode root;
    try {
      String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
      ObjectMapper mapper = name.endsWith(".json") ? new JsonMapper() : new YAMLMapper();
      root = mapper.readTree(Files.readString(file));
    } catch (JacksonException e) {
      throw fail("", "not valid " + syntax() + ": " + firstLine(e.getOriginalMessage()));
    } catch (NoSuchFileException e) {
      throw fail("", "no such file");
    } catch (IOException e) {
      throw fail("", "cannot be read: " + e.getMessage());
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return SimulatorConfig.defaults();
    }
    object(root, "", Set.of("seed", "durations", "clusters", "steps", "throttle", "faults", "latency", "serverless",
        "containers", "notebooks"));
    SimulatorConfig.Builder b = SimulatorConfig.builder();
    if (root.has("seed")) {
      b.seed(integer(root.get("seed"), "seed", Long.MIN_VALUE));
    }
    if (root.has("durations")) {
      durations(root.get("durations"), b);
    }
    int i = 0;
    for (JsonNode rule : list(root.get("clusters"), "clusters")) {
      b.clusterRule(clusterRule(rule, "clusters[" + i++ + "]"));
    }
    i = 0;
    for (JsonNode rule : list(root.get("steps"), "steps")) {
      b.stepRule(stepRule(rule, "steps[" + i++ + "]"));
    }
    // "throttle", "faults" and "latency" may be one rule or a list of them.
    for (Map.Entry<String, JsonNode> rule : rules(root, "throttle").entrySet()) {
      b.throttle(throttleRule(rule.getValue(), rule.getKey()));
    }
    for (Map.Entry<String, JsonNode> rule : rules(root, "latency").entrySet()) {
      b.latency(latencyRule(rule.getValue(), rule.getKey()));
    }
    for (Map.Entry<String, JsonNode> rule : rules(root, "faults").entrySet()) {
      b.fault(faultRule(rule.getValue(), rule.getKey()));
    }
    if (root.has("serverless")) {
      b.serverless(serverless(root.get("serverless")));
    }
    if (root.has("containers")) {
      b.containers(containers(root.get("containers")));
    }
    if (root.has("notebooks")) {
      b.notebooks(notebooks(root.get("notebooks")));
    }
    return b.build();
  }

  private static final List<String> NOTEBOOK_PHASES =
      List.of("startPending", "starting", "running", "finishing", "failing", "stopPending", "stopping");

  /** EMR notebook executions: phase durations and outcomes by execution name. */
  private NotebooksConfig notebooks(JsonNode node) {
    object(node, "notebooks", Set.of("durations", "executions"));
    NotebooksConfig d = NotebooksConfig.DEFAULT;
    List<Duration> phases = phases(node, "notebooks", NOTEBOOK_PHASES, List.of(d.startPending(), d.starting(),
        d.running(), d.finishing(), d.failing(), d.stopPending(), d.stopping()));
    List<NotebooksConfig.ExecutionRule> rules = new ArrayList<>();
    int i = 0;
    for (JsonNode rule : list(node.get("executions"), "notebooks.executions")) {
      String at = "notebooks.executions[" + i++ + "]";
      RunRule head = runRule(rule, at);
      String failure = failure(rule, at, "reason");
      rules.add(new NotebooksConfig.ExecutionRule(head.name(), head.nth(), head.running(), failure));
    }
    return new NotebooksConfig(phases.get(0), phases.get(1), phases.get(2), phases.get(3), phases.get(4),
        phases.get(5), phases.get(6), rules);
  }

  /** A run rule's {@code fail: {member: text}}, or null when the rule has none. */
  private String failure(JsonNode rule, String at, String member) {
    if (!rule.has("fail")) {
      return null;
    }
    object(rule.get("fail"), at + ".fail", Set.of(member));
    return text(required(rule.get("fail"), member, at + ".fail"), at + ".fail." + member);
  }

  private static final List<String> SERVERLESS_PHASES =
      List.of("creating", "starting", "stopping", "submitted", "pending", "scheduled", "running", "cancelling");

  /** EMR Serverless: phase durations and job run outcomes. */
  private ServerlessConfig serverless(JsonNode node) {
    object(node, "serverless", Set.of("durations", "jobRuns"));
    ServerlessConfig d = ServerlessConfig.DEFAULT;
    List<Duration> phases = phases(node, "serverless", SERVERLESS_PHASES, List.of(d.creating(), d.starting(), d.stopping(),
        d.submitted(), d.pending(), d.scheduled(), d.running(), d.cancelling()));
    List<ServerlessConfig.JobRunRule> runs = new ArrayList<>();
    int i = 0;
    for (JsonNode rule : list(node.get("jobRuns"), "serverless.jobRuns")) {
      String at = "serverless.jobRuns[" + i++ + "]";
      RunRule head = runRule(rule, at);
      String failure = failure(rule, at, "stateDetails");
      runs.add(new ServerlessConfig.JobRunRule(head.name(), head.nth(), head.running(), failure));
    }
    return new ServerlessConfig(phases.get(0), phases.get(1), phases.get(2), phases.get(3), phases.get(4), phases.get(5),
        phases.get(6), phases.get(7), runs);
  }

  private static final List<String> CONTAINERS_PHASES = List.of("pending", "submitted", "running", "cancelPending");

  /** EMR on EKS: phase durations, the virtual clusters that exist and job run outcomes. */
  private ContainersConfig containers(JsonNode node) {
    object(node, "containers", Set.of("durations", "virtualClusters", "jobRuns"));
    ContainersConfig d = ContainersConfig.DEFAULT;
    List<Duration> phases = phases(node, "containers", CONTAINERS_PHASES,
        List.of(d.pending(), d.submitted(), d.running(), d.cancelPending()));
    List<String> clusters = new ArrayList<>();
    int c = 0;
    for (JsonNode id : list(node.get("virtualClusters"), "containers.virtualClusters")) {
      clusters.add(text(id, "containers.virtualClusters[" + c++ + "]"));
    }
    List<ContainersConfig.JobRunRule> runs = new ArrayList<>();
    int i = 0;
    for (JsonNode rule : list(node.get("jobRuns"), "containers.jobRuns")) {
      String at = "containers.jobRuns[" + i++ + "]";
      RunRule head = runRule(rule, at);
      String reason = null;
      String details = null;
      if (rule.has("fail")) {
        JsonNode f = rule.get("fail");
        object(f, at + ".fail", Set.of("failureReason", "stateDetails"));
        reason = f.has("failureReason") ? text(f.get("failureReason"), at + ".fail.failureReason") : "USER_ERROR";
        if (software.amazon.awssdk.services.emrcontainers.model.FailureReason.fromValue(reason)
            == software.amazon.awssdk.services.emrcontainers.model.FailureReason.UNKNOWN_TO_SDK_VERSION) {
          throw fail(at + ".fail.failureReason", "must be INTERNAL_ERROR, USER_ERROR, VALIDATION_ERROR or CLUSTER_UNAVAILABLE");
        }
        details = text(required(f, "stateDetails", at + ".fail"), at + ".fail.stateDetails");
      }
      runs.add(new ContainersConfig.JobRunRule(head.name(), head.nth(), head.running(), reason, details));
    }
    return new ContainersConfig(phases.get(0), phases.get(1), phases.get(2), phases.get(3), clusters, runs);
  }

  /** A service's phase durations: {@code defaults}, with those its {@code durations} object gives. */
  private List<Duration> phases(JsonNode node, String section, List<String> names, List<Duration> defaults) {
    List<Duration> phases = new ArrayList<>(defaults);
    if (node.has("durations")) {
      JsonNode durations = node.get("durations");
      object(durations, section + ".durations", Set.copyOf(names));
      for (Map.Entry<String, JsonNode> e : durations.properties()) {
        String at = section + ".durations." + e.getKey();
        Duration phase = seconds(e.getValue(), at);
        if (phase.isZero()) {
          throw fail(at, "must be more than 0 seconds");
        }
        phases.set(names.indexOf(e.getKey()), phase);
      }
    }
    return phases;
  }

  /** What every job run rule has: the job name, which run of that name (or all), how long it runs. */
  private record RunRule(String name, Integer nth, Duration running) {}

  private RunRule runRule(JsonNode rule, String at) {
    object(rule, at, Set.of("name", "nth", "running", "fail"));
    String name = text(required(rule, "name", at), at + ".name");
    Integer nth = rule.has("nth") ? (int) integer(rule.get("nth"), at + ".nth", 1) : null;
    Duration running = rule.has("running") ? seconds(rule.get("running"), at + ".running") : null;
    if (running != null && running.isZero()) {
      throw fail(at + ".running", "must be more than 0 seconds");
    }
    return new RunRule(name, nth, running);
  }

  /** One rule or a list of them, by where each is in the file. */
  private Map<String, JsonNode> rules(JsonNode root, String field) {
    JsonNode node = root.get(field);
    Map<String, JsonNode> out = new LinkedHashMap<>();
    if (node != null && node.isObject()) {
      out.put(field, node);
      return out;
    }
    List<JsonNode> items = list(node, field);
    for (int i = 0; i < items.size(); i++) {
      out.put(field + "[" + i + "]", items.get(i));
    }
    return out;
  }

  private ThrottleRule throttleRule(JsonNode node, String at) {
    object(node, at, Set.of("service", "operation", "every", "perSecond", "burst"));
    String service = service(node, at);
    String operation = text(required(node, "operation", at), at + ".operation");
    if (node.has("every") == node.has("perSecond")) {
      throw fail(at, "give every or perSecond, one of them");
    }
    if (node.has("every")) {
      if (node.has("burst")) {
        throw fail(at + ".burst", "goes with perSecond, not every");
      }
      return new ThrottleRule(service, operation, (int) integer(node.get("every"), at + ".every", 1), null, null);
    }
    JsonNode rate = node.get("perSecond");
    if (!rate.isNumber() || !(rate.doubleValue() > 0) || rate.doubleValue() >= 1e9) {
      throw fail(at + ".perSecond", "must be a number of requests per second more than 0, got " + rate);
    }
    Integer burst = node.has("burst") ? (int) integer(node.get("burst"), at + ".burst", 1) : null;
    return new ThrottleRule(service, operation, null, rate.doubleValue(), burst);
  }

  /** A wall-clock delay: {@code seconds} fixed, or drawn from {@code min} to {@code max}. */
  private LatencyRule latencyRule(JsonNode node, String at) {
    object(node, at, Set.of("service", "operation", "seconds", "min", "max"));
    String service = service(node, at);
    String operation = text(required(node, "operation", at), at + ".operation");
    if (node.has("seconds")) {
      if (node.has("min") || node.has("max")) {
        throw fail(at, "give seconds, or min and max, not both");
      }
      Duration d = seconds(node.get("seconds"), at + ".seconds");
      return new LatencyRule(service, operation, d, d);
    }
    Duration min = seconds(required(node, "min", at), at + ".min");
    Duration max = seconds(required(node, "max", at), at + ".max");
    if (max.compareTo(min) < 0) {
      throw fail(at + ".max", "must be at least min (" + node.get("min") + "), got " + node.get("max"));
    }
    return new LatencyRule(service, operation, min, max);
  }

  private String service(JsonNode node, String at) {
    if (!node.has("service")) {
      return null;
    }
    String service = text(node.get("service"), at + ".service");
    if (!ThrottleRule.SERVICES.contains(service)) {
      throw fail(at + ".service", "must be emr, emr-serverless or emr-containers, got \"" + service + "\"");
    }
    return service;
  }

  private FaultRule faultRule(JsonNode node, String at) {
    object(node, at, Set.of("service", "operation", "answer", "first", "fraction"));
    String service = service(node, at);
    String operation = text(required(node, "operation", at), at + ".operation");
    String answer = text(required(node, "answer", at), at + ".answer");
    FaultRule.Answer kind =
        switch (answer) {
          case "drop" -> FaultRule.Answer.DROP;
          case "error" -> FaultRule.Answer.ERROR;
          default -> throw fail(at + ".answer", "must be drop or error, got \"" + answer + "\"");
        };
    if (node.has("first") && node.has("fraction")) {
      throw fail(at, "give first or fraction, not both");
    }
    Integer first = node.has("first") ? (int) integer(node.get("first"), at + ".first", 1) : null;
    Double fraction = null;
    if (node.has("fraction")) {
      JsonNode f = node.get("fraction");
      if (!f.isNumber() || f.doubleValue() < 0 || f.doubleValue() > 1) {
        throw fail(at + ".fraction", "must be a number from 0 to 1, got " + f);
      }
      fraction = f.doubleValue();
    }
    return new FaultRule(service, operation, kind, first, fraction);
  }

  private void durations(JsonNode node, SimulatorConfig.Builder b) {
    object(node, "durations", Set.of("starting", "bootstrapping", "step", "terminating"));
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      Duration d = seconds(e.getValue(), "durations." + e.getKey());
      if (d.isZero()) {
        throw fail("durations." + e.getKey(), "must be more than 0 seconds");
      }
      switch (e.getKey()) {
        case "starting" -> b.starting(d);
        case "bootstrapping" -> b.bootstrapping(d);
        case "step" -> b.step(d);
        default -> b.terminating(d);
      }
    }
  }

  private ClusterRule clusterRule(JsonNode node, String at) {
    object(node, at, Set.of("name", "nth", "failIn", "after", "reason"));
    String name = text(required(node, "name", at), at + ".name");
    Integer nth = node.has("nth") ? (int) integer(node.get("nth"), at + ".nth", 1) : null;
    String state = text(required(node, "failIn", at), at + ".failIn");
    ClusterState failIn = ClusterState.fromValue(state);
    if (!ClusterRule.FAILABLE.contains(failIn)) {
      throw fail(
          at + ".failIn",
          "must be one of STARTING, BOOTSTRAPPING, RUNNING, WAITING, got \"" + state + "\"");
    }
    Duration after = node.has("after") ? seconds(node.get("after"), at + ".after") : null;
    JsonNode reason = required(node, "reason", at);
    object(reason, at + ".reason", Set.of("code", "message"));
    String code = text(required(reason, "code", at + ".reason"), at + ".reason.code");
    if (ClusterStateChangeReasonCode.fromValue(code)
        == ClusterStateChangeReasonCode.UNKNOWN_TO_SDK_VERSION) {
      throw fail(
          at + ".reason.code",
          "must be one of "
              + ClusterStateChangeReasonCode.knownValues()
              + ", got \""
              + code
              + "\"");
    }
    String message =
        reason.has("message") ? text(reason.get("message"), at + ".reason.message") : null;
    return new ClusterRule(name, nth, failIn, after, new ClusterRule.Reason(code, message));
  }

  private StepRule stepRule(JsonNode node, String at) {
    object(node, at, Set.of("name", "fail"));
    String name = text(required(node, "name", at), at + ".name");
    JsonNode fail = required(node, "fail", at);
    object(fail, at + ".fail", Set.of("reason", "message", "logFile"));
    return new StepRule(
        name,
        optionalText(fail, "reason", at + ".fail"),
        optionalText(fail, "message", at + ".fail"),
        optionalText(fail, "logFile", at + ".fail"));
  }

  private void object(JsonNode node, String at, Set<String> known) {
    if (!node.isObject()) {
      throw fail(at, "must be a mapping, got " + node);
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (!known.contains(e.getKey())) {
        throw fail(
            join(at, e.getKey()),
            "unknown field (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
      }
    }
  }

  private List<JsonNode> list(JsonNode node, String at) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw fail(at, "must be a list, got " + node);
    }
    List<JsonNode> out = new ArrayList<>();
    node.forEach(out::add);
    return out;
  }

  private JsonNode required(JsonNode node, String field, String at) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw fail(join(at, field), "is required");
    }
    return value;
  }

  private String text(JsonNode node, String at) {
    if (!node.isTextual() || node.textValue().isBlank()) {
      throw fail(at, "must be a non-empty string, got " + node);
    }
    return node.textValue();
  }

  private String optionalText(JsonNode node, String field, String at) {
    return node.has(field) ? text(node.get(field), join(at, field)) : null;
  }

  private long integer(JsonNode node, String at, long min) {
    if (!node.canConvertToExactIntegral() || !node.canConvertToLong() || node.longValue() < min) {
      throw fail(
          at,
          "must be a whole number"
              + (min > Long.MIN_VALUE ? " of at least " + min : "")
              + ", got "
              + node);
    }
    return node.longValue();
  }

  private Duration seconds(JsonNode node, String at) {
    if (!node.isNumber() || node.decimalValue().signum() < 0) {
      throw fail(at, "must be a number of seconds (0 or more), got " + node);
    }
    BigDecimal millis = node.decimalValue().movePointRight(3);
    return Duration.ofMillis(millis.longValue());
  }

  private IllegalArgumentException fail(String at, String problem) {
    return new IllegalArgumentException(file + (at.isEmpty() ? "" : ": " + at) + ": " + problem);
  }

  private String syntax() {
    return file.toString().toLowerCase(Locale.ROOT).endsWith(".json") ? "JSON" : "YAML";
  }

  private static String join(String at, String field) {
    return at.isEmpty() ? field : at + "." + field;
  }

  private static String firstLine(String text) {
    String s = text == null ? "" : text.strip();
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
