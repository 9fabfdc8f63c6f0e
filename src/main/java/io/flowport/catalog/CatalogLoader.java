package io.flowport.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.flowport.diag.BadInputException;
import io.flowport.diag.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads catalog YAML files strictly: an unknown key is an error naming the file and the key. */
final class CatalogLoader {

  /** Built-in catalogs, packaged from {@code converters/} at the repository root. */
  static final List<String> BUILT_IN = List.of("emr-step-functions.yaml", "emr-airflow.yaml",
      "emr-serverless-step-functions.yaml", "emr-serverless-airflow.yaml",
      "emr-containers-step-functions.yaml", "emr-containers-airflow.yaml", "core-airflow.yaml");

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static Catalog load(List<Path> userFiles) {
    List<Catalog> parts = new ArrayList<>();
    for (Path file : userFiles) {
      parts.add(read(file, readFile(file)));
    }
    for (String name : BUILT_IN) {
      parts.add(read(Path.of("converters", name), readResource(name)));
    }
    return Catalog.merge(parts);
  }

  private static JsonNode readFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(SourceLocation.file(file), "catalog file not found");
    }
    try {
      return YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new BadInputException(SourceLocation.file(file), "not valid YAML: " + firstLine(e.getMessage()));
    }
  }

  private static JsonNode readResource(String name) {
    try (InputStream in = CatalogLoader.class.getResourceAsStream("/converters/" + name)) {
      if (in == null) {
        throw new IllegalStateException("built-in catalog converters/" + name + " is not on the class path");
      }
      return YAML.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Catalog read(Path file, JsonNode root) {
    Reader r = new Reader(file);
    r.keys(root, "", Set.of("kind", "resources", "waiters", "operators"));
    String kind = r.text(root, "kind", "");
    List<AslResource> resources = new ArrayList<>();
    Map<String, Waiter> waiters = new LinkedHashMap<>();
    List<AirflowOperator> operators = new ArrayList<>();
    switch (kind) {
      case "asl-resources" -> {
        int i = 0;
        for (JsonNode n : root.path("resources")) {
          resources.add(r.aslResource(n, "resources[" + i++ + "]"));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("waiters").fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          waiters.put(e.getKey(), r.waiter(e.getKey(), e.getValue(), "waiters." + e.getKey()));
        }
      }
      case "airflow-operators" -> {
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("waiters").fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          waiters.put(e.getKey(), r.waiter(e.getKey(), e.getValue(), "waiters." + e.getKey()));
        }
        int i = 0;
        for (JsonNode n : root.path("operators")) {
          operators.add(r.operator(n, "operators[" + i++ + "]", waiters));
        }
        // Operator waits are resolved above; the waiters are not the ASL resources' to use.
        waiters.clear();
      }
      default -> throw r.error("kind", "must be asl-resources or airflow-operators, got '" + kind + "'");
    }
    for (AslResource res : resources) {
      if (res.waiter() != null && !waiters.containsKey(res.waiter())) {
        throw r.error("resources", "resource " + res.resource() + " names an unknown waiter '" + res.waiter() + "'");
      }
    }
    return new Catalog(resources, waiters, operators);
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }

  /** Field access that reports the file and the key path on every mistake. */
  private record Reader(Path file) {

    AslResource aslResource(JsonNode n, String at) {
      keys(n, at, Set.of("resource", "service", "api", "request", "result", "wait", "check", "lookup"));
      String service = service(n, at);
      return new AslResource(
          required(n, "resource", at), service, required(n, "api", at), json(n, "request"), json(n, "result"),
          text(n, "wait", null), strings(n, "check", at), lookup(n.path("lookup"), at + ".lookup", service), file);
    }

    Lookup lookup(JsonNode n, String at, String service) {
      if (n.isMissingNode()) {
        return null;
      }
      keys(n, at, Set.of("api", "request", "items", "match", "found", "notFound", "ambiguous", "when", "into"));
      String api = required(n, "api", at);
      if (!EmrApis.exists(service, api)) {
        throw error(at + ".api", service + " has no API " + api);
      }
      if (!n.path("match").isObject() || n.path("match").isEmpty()) {
        throw error(at + ".match", "must be an object naming the members an item must have");
      }
      return new Lookup(api, json(n, "request"), required(n, "items", at), n.get("match"), json(n, "found"),
          failure(n.path("notFound"), at + ".notFound"), failure(n.path("ambiguous"), at + ".ambiguous"),
          text(n, "when", null), text(n, "into", null));
    }

    AirflowOperator.Timer timer(JsonNode n, String at) {
      if (n.isMissingNode()) {
        return null;
      }
      keys(n, at, Set.of("after", "at", "fromStart"));
      String after = text(n, "after", null);
      String when = text(n, "at", null);
      String fromStart = text(n, "fromStart", null);
      if (java.util.stream.Stream.of(after, when, fromStart).filter(java.util.Objects::nonNull).count() != 1) {
        throw error(at, "needs exactly one of after (a timedelta after data_interval_end), at (a datetime) and fromStart (a timedelta from the task's start)");
      }
      return new AirflowOperator.Timer(after, when, fromStart);
    }

    Failure failure(JsonNode f, String at) {
      keys(f, at, Set.of("error", "cause"));
      return new Failure(required(f, "error", at), required(f, "cause", at));
    }

    Waiter waiter(String name, JsonNode n, String at) {
      keys(n, at, Set.of("service", "api", "request", "delay", "slowDelay", "slowAfter", "acceptors", "failure", "exhausted", "review", "output"));
      List<Acceptor> acceptors = new ArrayList<>();
      int i = 0;
      for (JsonNode a : n.path("acceptors")) {
        String aat = at + ".acceptors[" + i++ + "]";
        keys(a, aat, Set.of("matcher", "argument", "expected", "state"));
        String state = required(a, "state", aat);
        if (!Set.of("success", "failure", "retry").contains(state)) {
          throw error(aat + ".state", "must be success, failure or retry");
        }
        String matcher = required(a, "matcher", aat);
        if (!Set.of("path", "pathAll", "pathAny").contains(matcher)) {
          throw error(aat + ".matcher", "must be path, pathAll or pathAny");
        }
        acceptors.add(new Acceptor(matcher, required(a, "argument", aat), a.path("expected"), state));
      }
      if (acceptors.isEmpty()) {
        throw error(at + ".acceptors", "a waiter needs at least one acceptor");
      }
      JsonNode f = n.path("failure");
      keys(f, at + ".failure", Set.of("error", "cause"));
      Failure failure = new Failure(required(f, "error", at + ".failure"), text(f, "cause", null));
      JsonNode x = n.path("exhausted");
      keys(x, at + ".exhausted", Set.of("error", "cause"));
      Failure exhausted = x.isMissingNode() ? null : new Failure(required(x, "error", at + ".exhausted"), text(x, "cause", null));
      int delay = n.path("delay").asInt(0);
      if (delay <= 0) {
        throw error(at + ".delay", "must be a positive number of seconds");
      }
      String service = service(n, at);
      String api = required(n, "api", at);
      if (!EmrApis.exists(service, api)) {
        throw error(at + ".api", service + " has no API " + api);
      }
      String output = text(n, "output", "start");
      if (!Set.of("start", "response", "empty").contains(output)) {
        throw error(at + ".output", "must be start (the start call's result), response (the last poll's) or empty ({})");
      }
      return new Waiter(name, service, api, json(n, "request"), delay,
          n.path("slowDelay").asInt(0), n.path("slowAfter").asInt(0), acceptors, failure, exhausted, text(n, "review", null),
          output);
    }

    private Waiter waiter(Map<String, Waiter> waiters, String name, String at) {
      if (!waiters.containsKey(name)) {
        throw error(at, "names an unknown waiter '" + name + "'");
      }
      return waiters.get(name);
    }

    private AirflowOperator.WaitPolicy waitPolicy(JsonNode n, String at, Map<String, Waiter> waiters) {
      keys(n, at, Set.of("argument", "type", "waiters"));
      Map<String, Waiter> byValue = new LinkedHashMap<>();
      n.path("waiters").fields().forEachRemaining(e -> byValue.put(e.getKey(), waiter(waiters, e.getValue().asText(), at + ".waiters." + e.getKey())));
      if (byValue.isEmpty()) {
        throw error(at + ".waiters", "must map each of the enum's values to a waiter");
      }
      return new AirflowOperator.WaitPolicy(required(n, "argument", at), required(n, "type", at), java.util.Collections.unmodifiableMap(byValue));
    }

    AirflowOperator operator(JsonNode n, String at, Map<String, Waiter> waiters) {
      keys(n, at, Set.of("operator", "aliases", "service", "api", "request", "templated", "xcom", "returns",
          "defaults", "sensor", "ignored", "phases", "merge", "waiterDelay", "waiterAttempts", "job", "code", "branch",
          "required", "generated", "pushes", "orDefault", "lookup", "timer"));
      String service = service(n, at);
      Waiter sensor = n.has("sensor") ? waiterWithDefaultDelay(n.get("sensor"), service, at + ".sensor") : null;
      String api = text(n, "api", null);
      JsonNode request = json(n, "request");
      List<AirflowOperator.Phase> phases = new ArrayList<>();
      int i = 0;
      for (JsonNode p : n.path("phases")) {
        String pat = at + ".phases[" + i++ + "]";
        keys(p, pat, Set.of("api", "request", "wait", "waitWhen", "waitPolicy"));
        String wait = text(p, "wait", null);
        phases.add(new AirflowOperator.Phase(required(p, "api", pat), json(p, "request"),
            wait == null ? null : waiter(waiters, wait, pat + ".wait"), text(p, "waitWhen", null),
            p.has("waitPolicy") ? waitPolicy(p.get("waitPolicy"), pat + ".waitPolicy", waiters) : null));
      }
      if (!phases.isEmpty()) {
        if (api != null || request != null || sensor != null) {
          throw error(at + ".phases", "an operator with phases gives its calls there, not in api, request or sensor");
        }
        api = phases.get(0).api();
        request = phases.get(0).request();
      }
      for (String a : phases.isEmpty() ? java.util.Collections.singletonList(api) : phases.stream().map(AirflowOperator.Phase::api).toList()) {
        if (a != null && !EmrApis.exists(service, a)) {
          throw error(at + ".api", service + " has no API " + a);
        }
      }
      return new AirflowOperator(required(n, "operator", at), strings(n, "aliases", at), service, api,
          request, strings(n, "templated", at), json(n, "xcom"), text(n, "returns", "None"),
          n.has("defaults") ? n.get("defaults") : YAML.createObjectNode(), sensor, strings(n, "ignored", at),
          phases, text(n, "merge", null), text(n, "waiterDelay", null), text(n, "waiterAttempts", null),
          text(n, "job", null), text(n, "code", null), branch(n, at), strings(n, "required", at),
          texts(n, "generated", at), texts(n, "pushes", at),
          orDefault(n, at), lookup(n.path("lookup"), at + ".lookup", service), timer(n.path("timer"), at + ".timer"), file);
    }

    /** Arguments replaced by their default when falsy: each needs a default to fall back to. */
    private List<String> orDefault(JsonNode n, String at) {
      List<String> names = strings(n, "orDefault", at);
      for (String name : names) {
        if (!n.path("defaults").has(name)) {
          throw error(at + ".orDefault", name + " has no entry in defaults");
        }
      }
      return names;
    }

    private String branch(JsonNode n, String at) {
      String b = text(n, "branch", null);
      if (b != null && !Set.of("branch", "short_circuit").contains(b)) {
        throw error(at + ".branch", "must be branch or short_circuit");
      }
      if ((b != null || n.has("code")) && !n.has("job")) {
        throw error(at + ".job", "an operator running the user's code needs a job type");
      }
      return b;
    }

    /** A sensor's poll takes its interval from poke_interval, so the catalog gives none; its service is the operator's. */
    private Waiter waiterWithDefaultDelay(JsonNode n, String service, String at) {
      JsonNode copy = n.deepCopy();
      if (copy.isObject() && !copy.has("delay")) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) copy).put("delay", 60);
      }
      if (copy.isObject() && !copy.has("service")) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) copy).put("service", service);
      }
      return waiter(at, copy, at);
    }

    /** The entry's AWS service, {@code emr} when it names none. */
    String service(JsonNode n, String at) {
      String service = text(n, "service", io.flowport.contract.JobTypes.EMR);
      if (!EmrApis.services().contains(service)) {
        throw error(at + ".service", "must be one of " + EmrApis.services().stream().sorted().toList() + ", got '" + service + "'");
      }
      return service;
    }

    void keys(JsonNode n, String at, Set<String> allowed) {
      if (n.isMissingNode()) {
        return;
      }
      if (!n.isObject()) {
        throw error(at, "must be a mapping");
      }
      for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!allowed.contains(key)) {
          throw error(at.isEmpty() ? key : at + "." + key, "unknown key (expected one of " + allowed.stream().sorted().toList() + ")");
        }
      }
    }

    String required(JsonNode n, String key, String at) {
      String v = text(n, key, null);
      if (v == null || v.isBlank()) {
        throw error(at + "." + key, "is required");
      }
      return v;
    }

    String text(JsonNode n, String key, String fallback) {
      JsonNode v = n.get(key);
      if (v == null || v.isNull()) {
        return fallback;
      }
      if (!v.isValueNode()) {
        throw error(key, "must be a string");
      }
      return v.asText();
    }

    List<String> strings(JsonNode n, String key, String at) {
      JsonNode v = n.get(key);
      if (v == null || v.isNull()) {
        return List.of();
      }
      if (!v.isArray()) {
        throw error(at + "." + key, "must be a list");
      }
      List<String> out = new ArrayList<>();
      v.forEach(x -> out.add(x.asText()));
      return out;
    }

    /** A mapping of strings, in file order. */
    Map<String, String> texts(JsonNode n, String key, String at) {
      JsonNode v = n.get(key);
      Map<String, String> out = new LinkedHashMap<>();
      if (v == null || v.isNull()) {
        return out;
      }
      if (!v.isObject()) {
        throw error(at + "." + key, "must be a mapping");
      }
      v.fields().forEachRemaining(e -> {
        if (!e.getValue().isTextual()) {
          throw error(at + "." + key + "." + e.getKey(), "must be a string");
        }
        out.put(e.getKey(), e.getValue().asText());
      });
      return out;
    }

    static JsonNode json(JsonNode n, String key) {
      JsonNode v = n.get(key);
      return v == null || v instanceof NullNode ? null : v;
    }

    BadInputException error(String at, String message) {
      return new BadInputException(SourceLocation.of(file, 0, 0, at), message);
    }
  }

  private CatalogLoader() {}
}
