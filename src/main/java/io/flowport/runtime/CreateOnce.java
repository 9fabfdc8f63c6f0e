package io.flowport.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.contract.Vars;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * RunJobFlow without a second cluster when Zeebe delivers the same job again (its answer was lost,
 * or the worker stopped before completing it): EMR has no client token for it, so the cluster is
 * tagged with the task's activation and looked for before creating. See docs/idempotency.md.
 */
public final class CreateOnce {

  public static final String PROCESS_INSTANCE = "flowport:process-instance";
  public static final String ELEMENT = "flowport:element";
  public static final String RUN_KEY = "flowport:run-key";
  /** Set by the user (any value but {@code false}): the reaper leaves the cluster running after its instance ends. */
  public static final String KEEP = "flowport:keep";

  /**
   * @param lookup look for an earlier delivery's cluster (or steps) before creating
   * @param lookback how far back ListClusters looks when the job does not say when its task was
   *     entered: longer than a job can wait for its next delivery
   * @param deadlineGuard no create this close to the job's deadline, when another worker may get it
   * @param clockSkew how much earlier than the task's start (engine time) ListClusters looks: the
   *     engine's clock against EMR's creation times
   */
  public record Settings(boolean lookup, Duration lookback, Duration deadlineGuard, Duration clockSkew) {
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    public static final Settings DEFAULT = new Settings(true, Duration.ofHours(24), Duration.ofSeconds(30), CLOCK_SKEW);

    public Settings {
      if (clockSkew.isNegative()) {
        throw new IllegalArgumentException("flowport.idempotency.clock-skew must not be negative, got " + clockSkew);
      }
    }

    public Settings(boolean lookup, Duration lookback, Duration deadlineGuard) {
      this(lookup, lookback, deadlineGuard, CLOCK_SKEW);
    }
  }

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int CACHED = 10_000;

  private final EmrCall emr;
  private final Settings settings;
  private final Supplier<Instant> clock;
  private final StepsOnce steps;
  /** Cluster id to its run-key tag ("" for none): a cluster's run key is set once, when it is made. */
  private final Map<String, String> runKeys = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > CACHED;
    }
  });

  public CreateOnce(EmrCall emr, Settings settings, Supplier<Instant> clock) {
    this.emr = emr;
    this.settings = settings;
    this.clock = clock;
    this.steps = new StepsOnce(emr, this::beforeCreate);
  }

  /** Calls {@code api}, making sure a repeated RunJobFlow or AddJobFlowSteps job creates nothing twice. */
  public JsonNode call(Job job, String api, JsonNode request) {
    return switch (api) {
      case "RunJobFlow" -> runJobFlow(job, request);
      case "AddJobFlowSteps" -> settings.lookup() ? steps.add(job, request) : emr.call(api, request);
      default -> emr.call(api, request);
    };
  }

  private JsonNode runJobFlow(Job job, JsonNode request) {
    if (!request.isObject()) {
      return emr.call("RunJobFlow", request);
    }
    ObjectNode tagged = tagged(job, (ObjectNode) request);
    String runKey = tag(tagged, RUN_KEY);
    if (settings.lookup() && runKey != null && tagged.path("Name").isTextual()) {
      JsonNode found = find(tagged.get("Name").asText(), runKey, createdAfter(job));
      if (found != null) {
        return found;
      }
    }
    beforeCreate(job);
    return emr.call("RunJobFlow", tagged);
  }

  /** The request with flowport's tags added; a tag the user set keeps the user's value. */
  static ObjectNode tagged(Job job, ObjectNode request) {
    JsonNode tags = request.get("Tags");
    if (tags != null && !tags.isArray()) {
      return request; // ill-typed: EMR's request mapping names the field
    }
    ObjectNode out = request.deepCopy();
    ArrayNode merged = tags == null ? out.putArray("Tags") : (ArrayNode) out.get("Tags");
    Map<String, String> ours = new LinkedHashMap<>();
    ours.put(PROCESS_INSTANCE, Long.toString(job.processInstanceKey()));
    ours.put(ELEMENT, job.elementId());
    ours.put(RUN_KEY, Long.toString(job.elementInstanceKey()));
    ours.forEach((key, value) -> {
      if (tag(out, key) == null) {
        merged.addObject().put("Key", key).put("Value", value);
      }
    });
    return out;
  }

  private static String tag(JsonNode request, String key) {
    for (JsonNode t : request.path("Tags")) {
      if (key.equals(t.path("Key").asText(null))) {
        return t.path("Value").asText("");
      }
    }
    return null;
  }

  /**
   * Where the lookup starts: the task's start less the clock skew when the process recorded it
   * ({@link Vars#CREATE_START_TIME}; no delivery of its job came before), else the lookback.
   */
  Instant createdAfter(Job job) {
    JsonNode started = job.variable(Vars.CREATE_START_TIME);
    if (started.isTextual()) {
      try {
        return Instant.parse(started.asText()).minus(settings.clockSkew());
      } catch (java.time.format.DateTimeParseException e) {
        // Not ours (a variable of the same name set by the user): fall back to the lookback.
      }
    }
    return clock.get().minus(settings.lookback());
  }

  /** One ListClusters listing, shared by the lookups that joined it before it started. */
  private static final class Listing {
    private Instant after;
    private int lookups;
    private final CompletableFuture<List<JsonNode>> clusters = new CompletableFuture<>();
  }

  private final Object joining = new Object();
  private final ReentrantLock listing = new ReentrantLock();
  /** The listing that lookups can still join: it starts once the one running has ended. */
  private Listing next;

  /**
   * The newest cluster of this name created after {@code after} with this run key, as RunJobFlow's
   * answer, from a listing that started after this call, as one of its own would (so it sees every
   * cluster an earlier delivery made). Lookups that come while a listing runs share the next one:
   * creates that start together do not each page through the same clusters. A lookup alone stops
   * at the page with its cluster.
   */
  private JsonNode find(String name, String runKey, Instant after) {
    Listing mine;
    boolean lead;
    synchronized (joining) {
      lead = next == null;
      if (lead) {
        next = new Listing();
        next.after = after;
      } else if (after.isBefore(next.after)) {
        next.after = after;
      }
      mine = next;
      mine.lookups++;
    }
    if (lead) {
      listing.lock();
      try {
        Instant from;
        boolean alone;
        synchronized (joining) {
          next = null; // closed: later lookups wait for another listing
          from = mine.after;
          alone = mine.lookups == 1;
        }
        if (alone) {
          return answer(scan(from, c -> matches(c, name, runKey), null));
        }
        List<JsonNode> all = new ArrayList<>();
        scan(from, c -> false, all);
        mine.clusters.complete(all);
      } catch (RuntimeException e) {
        mine.clusters.completeExceptionally(e);
      } finally {
        listing.unlock();
      }
    }
    List<JsonNode> all;
    try {
      all = mine.clusters.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
    return answer(all.stream().filter(c -> matches(c, name, runKey)).findFirst().orElse(null));
  }

  private boolean matches(JsonNode cluster, String name, String runKey) {
    return name.equals(cluster.path("Name").asText()) && runKey.equals(runKey(cluster.path("Id").asText()));
  }

  private static JsonNode answer(JsonNode cluster) {
    return cluster == null ? null
        : NODES.objectNode().put("JobFlowId", cluster.path("Id").asText()).put("ClusterArn", cluster.path("ClusterArn").asText(null));
  }

  /**
   * Lists the clusters created after {@code after}, newest first, until {@code until} accepts one
   * (returned) or the pages end (null); each one seen is added to {@code seen} (id, name, ARN) when given.
   */
  private JsonNode scan(Instant after, java.util.function.Predicate<JsonNode> until, List<JsonNode> seen) {
    ObjectNode list = NODES.objectNode().put("CreatedAfter", after.toString());
    while (true) {
      JsonNode page = lookup("ListClusters", list);
      for (JsonNode c : page.path("Clusters")) {
        JsonNode cluster = NODES.objectNode().put("Id", c.path("Id").asText()).put("Name", c.path("Name").asText())
            .put("ClusterArn", c.path("ClusterArn").asText(null));
        if (seen != null) {
          seen.add(cluster);
        }
        if (until.test(cluster)) {
          return cluster;
        }
      }
      if (!page.path("Marker").isTextual()) {
        return null;
      }
      list.put("Marker", page.get("Marker").asText());
    }
  }

  private String runKey(String clusterId) {
    String known = runKeys.get(clusterId);
    if (known != null) {
      return known;
    }
    JsonNode cluster = lookup("DescribeCluster", NODES.objectNode().put("ClusterId", clusterId)).path("Cluster");
    String key = tag(cluster, RUN_KEY);
    runKeys.put(clusterId, key == null ? "" : key);
    return key;
  }

  private JsonNode lookup(String api, JsonNode request) {
    try {
      return emr.call(api, request);
    } catch (EmrCall.ServiceException e) {
      throw new EmrCall.ServiceException(e.code(),
          "looking for the cluster of an earlier delivery of this job: " + api + ": " + e.getMessage(), e.retryable(), e);
    }
  }

  /**
   * Refuses to create once the job is close to its deadline: after it the engine may give the job
   * to another worker, whose lookup would not see a cluster this one is still making.
   */
  private void beforeCreate(Job job) {
    if (job.deadline() != null && clock.get().plus(settings.deadlineGuard()).isAfter(job.deadline())) {
      throw new EmrCall.ServiceException("JobDeadline",
          "not creating: the job's deadline " + job.deadline() + " is too close; its next delivery will", true, null);
    }
  }
}
