package io.flowport.worker.reaper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.runtime.CreateOnce;
import io.flowport.runtime.EmrCall;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One sweep of the safety net against orphaned clusters: lists the active clusters, reads the
 * process instance that created each (flowport's tag), and terminates those whose instance has
 * ended, unless tagged {@code flowport:keep} or termination protected. See docs/cleanup.md.
 */
public final class ClusterReaper {

  /** A cluster with this tag (any value but {@code false}) is never terminated by the reaper. */
  public static final String KEEP = CreateOnce.KEEP;
  /** What EMR bills for: a cluster in any other state is ending or gone. */
  static final List<String> ACTIVE_STATES = List.of("STARTING", "BOOTSTRAPPING", "RUNNING", "WAITING");
  static final int TERMINATE_BATCH = 10;
  private static final int CACHED = 10_000;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Long NONE = -1L;

  /** What a sweep saw and did, for logs and tests. */
  public record Sweep(int listed, int described, List<String> terminated, List<String> kept, List<String> protectedIds,
      List<String> failed) {}

  private final EmrCall emr;
  private final InstanceStates states;
  private final Consumer<String> log;
  /** Cluster id to the instance key of its tag ({@link #NONE}: not flowport's): set at creation, never changes. */
  private final Map<String, Long> owners = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
      return size() > CACHED;
    }
  });
  /** Clusters already reported as kept or protected, so the log says it once. */
  private final Set<String> reported = Collections.synchronizedSet(new HashSet<>());

  public ClusterReaper(EmrCall emr, InstanceStates states, Consumer<String> log) {
    this.emr = emr;
    this.states = states;
    this.log = log;
  }

  public synchronized Sweep sweep() {
    List<String> active = activeClusters();
    int described = 0;
    Map<String, Long> flowports = new LinkedHashMap<>();
    for (String id : active) {
      Long owner = owners.get(id);
      if (owner == null) {
        owner = instanceKey(describe(id));
        owners.put(id, owner);
        described++;
      }
      if (!owner.equals(NONE)) {
        flowports.put(id, owner);
      }
    }
    Map<Long, InstanceStates.State> ended = flowports.isEmpty() ? Map.of() : states.of(new HashSet<>(flowports.values()));
    List<String> candidates = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    List<String> protectedIds = new ArrayList<>();
    for (Map.Entry<String, Long> e : flowports.entrySet()) {
      if (ended.get(e.getValue()) != InstanceStates.State.ENDED) {
        continue;
      }
      // Read again: a keep tag or termination protection may have been set since the cluster was made.
      JsonNode cluster = describe(e.getKey());
      described++;
      if (keep(cluster)) {
        kept.add(e.getKey());
        once(e.getKey(), "flowport reaper: keeping cluster " + e.getKey() + " of ended instance " + e.getValue()
            + ": it has the tag " + KEEP);
      } else if (cluster.path("TerminationProtected").asBoolean(false)) {
        protectedIds.add(e.getKey());
        once(e.getKey(), "flowport reaper: cluster " + e.getKey() + " of ended instance " + e.getValue()
            + " is termination protected: not terminating it; turn protection off or terminate it yourself");
      } else {
        candidates.add(e.getKey());
      }
    }
    List<String> terminated = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i += TERMINATE_BATCH) {
      terminate(candidates.subList(i, Math.min(i + TERMINATE_BATCH, candidates.size())), terminated, failed);
    }
    if (!terminated.isEmpty()) {
      log.accept("flowport reaper: terminated " + terminated.size() + " cluster(s) of ended process instances: "
          + String.join(", ", terminated));
    }
    return new Sweep(active.size(), described, terminated, kept, protectedIds, failed);
  }

  private List<String> activeClusters() {
    ObjectNode request = NODES.objectNode();
    ACTIVE_STATES.forEach(request.putArray("ClusterStates")::add);
    List<String> ids = new ArrayList<>();
    while (true) {
      JsonNode page = emr.call("ListClusters", request);
      page.path("Clusters").forEach(c -> ids.add(c.path("Id").asText()));
      if (!page.path("Marker").isTextual()) {
        return ids;
      }
      request.put("Marker", page.get("Marker").asText());
    }
  }

  private JsonNode describe(String id) {
    return emr.call("DescribeCluster", NODES.objectNode().put("ClusterId", id)).path("Cluster");
  }

  /** The whole batch in one call; when EMR refuses it, one by one, so one refusal does not shield the others. */
  private void terminate(List<String> batch, List<String> terminated, List<String> failed) {
    try {
      call(batch);
      terminated.addAll(batch);
      return;
    } catch (EmrCall.ServiceException e) {
      if (batch.size() == 1) {
        failed.add(batch.get(0));
        log.accept("flowport reaper: could not terminate " + batch.get(0) + ": " + e.code() + ": " + e.getMessage());
        return;
      }
    }
    for (String id : batch) {
      terminate(List.of(id), terminated, failed);
    }
  }

  private void call(List<String> ids) {
    ObjectNode request = NODES.objectNode();
    ids.forEach(request.putArray("JobFlowIds")::add);
    emr.call("TerminateJobFlows", request);
  }

  private void once(String id, String message) {
    if (reported.add(id)) {
      log.accept(message);
    }
  }

  static Long instanceKey(JsonNode cluster) {
    String value = tag(cluster, CreateOnce.PROCESS_INSTANCE);
    if (value == null) {
      return NONE;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      return NONE; // someone else's value under our key: not an instance we can ask about
    }
  }

  static boolean keep(JsonNode cluster) {
    String value = tag(cluster, KEEP);
    return value != null && !value.strip().equalsIgnoreCase("false");
  }

  private static String tag(JsonNode cluster, String key) {
    for (JsonNode t : cluster.path("Tags")) {
      if (key.equals(t.path("Key").asText(null))) {
        return t.path("Value").asText("");
      }
    }
    return null;
  }
}
