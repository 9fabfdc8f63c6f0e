package io.flowport.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.runtime.EmrCall;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * ListClusters as EMR documents it: the ClusterStates filter, CreatedAfter/CreatedBefore, newest
 * first, 50 a page with a Marker. Whether the creation bounds are inclusive is not documented, so
 * it is a setting. Each call takes {@code callTime} of the test's clock (the budget's token and the
 * answer) and is recorded with the clusters it showed.
 */
final class FakeListClusters implements EmrCall {

  record Cluster(String id, Instant created, String state) {}

  /** A page; {@code listing} is when the listing's first page came (a listing of many pages is one look). */
  record Call(Instant at, JsonNode request, List<String> shown, Instant listing) {}

  final Map<String, Cluster> clusters = new LinkedHashMap<>();
  final List<Call> calls = new ArrayList<>();
  private final AtomicReference<Instant> now;
  private final Duration callTime;
  private final boolean inclusive;

  FakeListClusters(AtomicReference<Instant> now, Duration callTime, boolean inclusive) {
    this.now = now;
    this.callTime = callTime;
    this.inclusive = inclusive;
  }

  void add(String id, Instant created, String state) {
    clusters.put(id, new Cluster(id, created, state));
  }

  void state(String id, String state) {
    clusters.put(id, new Cluster(id, clusters.get(id).created(), state));
  }

  /** When each listing that showed the cluster began (its first page came). */
  List<Instant> shown(String id) {
    return calls.stream().filter(c -> c.shown().contains(id)).map(Call::listing).toList();
  }

  @Override
  public JsonNode call(String api, JsonNode request) {
    if (!api.equals("ListClusters")) {
      throw new UnsupportedOperationException(api);
    }
    now.set(now.get().plus(callTime));
    List<String> states = new ArrayList<>();
    request.path("ClusterStates").forEach(s -> states.add(s.asText()));
    Instant after = request.has("CreatedAfter") ? Instant.parse(request.get("CreatedAfter").asText()) : null;
    Instant before = request.has("CreatedBefore") ? Instant.parse(request.get("CreatedBefore").asText()) : null;
    List<Cluster> matching = new ArrayList<>();
    Map<String, Integer> order = new HashMap<>();
    for (Cluster c : clusters.values()) {
      order.put(c.id(), order.size());
      if ((states.isEmpty() || states.contains(c.state())) && within(c.created(), after, before)) {
        matching.add(c);
      }
    }
    // Newest first; the marker is the position of the next one.
    matching.sort(Comparator.comparing(Cluster::created).thenComparing(c -> order.get(c.id())).reversed());
    int from = request.has("Marker") ? Integer.parseInt(request.get("Marker").asText()) : 0;
    ObjectNode page = JsonNodeFactory.instance.objectNode();
    ArrayNode list = page.putArray("Clusters");
    List<String> shown = new ArrayList<>();
    for (Cluster c : matching.subList(from, Math.min(from + 50, matching.size()))) {
      ObjectNode summary = list.addObject().put("Id", c.id()).put("Name", c.id());
      summary.putObject("Status").put("State", c.state()).putObject("Timeline")
          .put("CreationDateTime", c.created().toEpochMilli() / 1000.0);
      shown.add(c.id());
    }
    if (from + 50 < matching.size()) {
      page.put("Marker", Integer.toString(from + 50));
    }
    Instant listing = request.has("Marker") && !calls.isEmpty() ? calls.getLast().listing() : now.get();
    calls.add(new Call(now.get(), request.deepCopy(), shown, listing));
    return page;
  }

  /** The bounds as EMR's API would apply them, to the millisecond the SDK sends. */
  private boolean within(Instant created, Instant after, Instant before) {
    Instant a = after == null ? null : Instant.ofEpochMilli(after.toEpochMilli());
    Instant b = before == null ? null : Instant.ofEpochMilli(before.toEpochMilli());
    boolean afterOk = a == null || (inclusive ? !created.isBefore(a) : created.isAfter(a));
    boolean beforeOk = b == null || (inclusive ? !created.isAfter(b) : created.isBefore(b));
    return afterOk && beforeOk;
  }
}
