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
 * The reaper's sweep over EMR Serverless and EMR on EKS job runs: lists the open runs of the places
 * this worker's jobs used ({@link JobRunPlaces}) and of those it finds itself in the account every
 * few sweeps (so a restarted worker still sees runs started before), reads the process instance
 * that started each (flowport's tag, set at StartJobRun), and cancels those whose instance has
 * ended, unless tagged {@code flowport:keep}. See docs/cleanup.md.
 */
public final class JobRunReaper {

  /** How each service names its calls and members; both list runs per place, newest first, with a states filter. */
  record Service(String name, String placeMember, String runMember, String describe, List<String> openStates) {}

  /** Every state but the ended ones and the cancelling one (already on its way out). */
  static final Service SERVERLESS = new Service("EMR Serverless", "applicationId", "jobRunId", "GetJobRun",
      List.of("SUBMITTED", "PENDING", "SCHEDULED", "RUNNING", "QUEUED"));
  static final Service CONTAINERS = new Service("EMR on EKS", "virtualClusterId", "id", "DescribeJobRun",
      List.of("PENDING", "SUBMITTED", "RUNNING"));

  /** Application states in which runs may be open; not CREATING (no run yet) nor TERMINATED (deleted). */
  static final List<String> APPLICATION_STATES = List.of("CREATED", "STARTING", "STARTED", "STOPPING", "STOPPED");
  static final List<String> VIRTUAL_CLUSTER_STATES = List.of("RUNNING");
  /** Pages one search lists per service at most: 20 of 50, as many places as {@link JobRunPlaces} keeps. */
  static final int SEARCH_PAGES = 20;
  /** Sweeps between two searches for places by default (flowport.reaper.search-every): the first sweep searches, then every 12th. */
  public static final int SEARCH_EVERY = 12;

  private static final int CACHED = 10_000;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Long NONE = -1L;

  /** One job run: its service, where it runs (application or virtual cluster) and its id. */
  public record Run(String service, String place, String id) {
    @Override
    public String toString() {
      return place + "/" + id;
    }
  }

  /** What a sweep saw and did, for logs, metrics and tests. */
  public record Sweep(int listCalls, int listed, int described, List<Run> cancelled, List<Run> kept, List<Run> failed,
      int searchCalls) {}

  private final EmrCall serverless;
  private final EmrCall containers;
  private final JobRunPlaces places;
  private final InstanceStates states;
  private final Consumer<String> log;
  private final int searchEvery;
  private long sweeps;
  /** Run to the instance key of its tag ({@link #NONE}: not flowport's): set at StartJobRun, never changes. */
  private final Map<Run, Long> owners = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Run, Long> eldest) {
      return size() > CACHED;
    }
  });
  private final Set<Run> reported = Collections.synchronizedSet(new HashSet<>());

  /**
   * @param serverless EMR Serverless calls with the wire's member names, or null for a worker without it
   * @param containers EMR on EKS calls, the same
   */
  public JobRunReaper(EmrCall serverless, EmrCall containers, JobRunPlaces places, InstanceStates states,
      Consumer<String> log) {
    this(serverless, containers, places, states, log, SEARCH_EVERY);
  }

  /** @param searchEvery list the account's applications and virtual clusters at the first sweep and every so many; 0: never */
  public JobRunReaper(EmrCall serverless, EmrCall containers, JobRunPlaces places, InstanceStates states,
      Consumer<String> log, int searchEvery) {
    if (searchEvery < 0) {
      throw new IllegalArgumentException("flowport.reaper.search-every must be 0 (never) or more, got " + searchEvery);
    }
    this.serverless = serverless;
    this.containers = containers;
    this.places = places;
    this.states = states;
    this.log = log;
    this.searchEvery = searchEvery;
  }

  public synchronized Sweep sweep() {
    int[] counts = new int[3]; // list calls, listed, described
    int searchCalls = searchEvery > 0 && sweeps % searchEvery == 0 ? search() : 0;
    sweeps++;
    Map<Run, Long> flowports = new LinkedHashMap<>();
    if (serverless != null) {
      for (String app : places.applications()) {
        open(serverless, SERVERLESS, app, counts, flowports, places::forgetApplication);
      }
    }
    if (containers != null) {
      for (String vc : places.virtualClusters()) {
        open(containers, CONTAINERS, vc, counts, flowports, places::forgetVirtualCluster);
      }
    }
    Map<Long, InstanceStates.State> known = flowports.isEmpty() ? Map.of() : states.of(new HashSet<>(flowports.values()));
    List<Run> cancelled = new ArrayList<>();
    List<Run> kept = new ArrayList<>();
    List<Run> failed = new ArrayList<>();
    for (Map.Entry<Run, Long> e : flowports.entrySet()) {
      if (known.get(e.getValue()) != InstanceStates.State.ENDED) {
        continue;
      }
      Run run = e.getKey();
      // Read again: a keep tag may have been added (TagResource) since the run started.
      JsonNode tags;
      try {
        tags = describe(run).path("tags");
      } catch (EmrCall.ServiceException ex) {
        failed.add(run);
        log.accept("flowport reaper: could not read " + service(run).name() + " job run " + run + " of ended instance "
            + e.getValue() + ": " + ex.code() + ": " + ex.getMessage());
        continue;
      }
      counts[2]++;
      if (keep(tags)) {
        kept.add(run);
        if (reported.add(run)) {
          log.accept("flowport reaper: keeping " + service(run).name() + " job run " + run + " of ended instance "
              + e.getValue() + ": it has the tag " + CreateOnce.KEEP);
        }
      } else if (cancel(run, e.getValue())) {
        cancelled.add(run);
      } else {
        failed.add(run);
      }
    }
    if (!cancelled.isEmpty()) {
      log.accept("flowport reaper: cancelled " + cancelled.size() + " job run(s) of ended process instances: " + cancelled);
    }
    return new Sweep(counts[0], counts[1], counts[2], cancelled, kept, failed, searchCalls);
  }

  /**
   * Learns the account's applications and virtual clusters where runs may be open: a worker that
   * restarted knows none of the places its predecessors' jobs ran in. A place without open runs is
   * forgotten again by the same sweep, so only places with open runs are listed at later sweeps.
   * Returns the calls made.
   */
  private int search() {
    int calls = 0;
    if (serverless != null) {
      calls += search(serverless, "ListApplications", "applications", APPLICATION_STATES, "EMR Serverless applications",
          id -> places.learn(io.flowport.contract.JobTypes.EMR_SERVERLESS, id));
    }
    if (containers != null) {
      calls += search(containers, "ListVirtualClusters", "virtualClusters", VIRTUAL_CLUSTER_STATES, "EMR on EKS virtual clusters",
          id -> places.learn(io.flowport.contract.JobTypes.EMR_CONTAINERS, id));
    }
    return calls;
  }

  private int search(EmrCall call, String api, String member, List<String> wanted, String what, Consumer<String> learn) {
    ObjectNode request = NODES.objectNode();
    wanted.forEach(request.putArray("states")::add);
    int pages = 0;
    try {
      while (pages < SEARCH_PAGES) {
        JsonNode page = call.call(api, request);
        pages++;
        for (JsonNode place : page.path(member)) {
          String id = place.path("id").asText("");
          if (!id.isBlank()) {
            learn.accept(id);
          }
        }
        if (!page.path("nextToken").isTextual()) {
          return pages;
        }
        request.put("nextToken", page.get("nextToken").asText());
      }
      log.accept("flowport reaper: listed only the newest " + pages + " pages of " + what + "; older ones are swept only "
          + "where this worker's jobs ran");
    } catch (EmrCall.ServiceException e) {
      log.accept("flowport reaper: could not list the " + what + " (" + api + "), sweeping only where this worker's jobs ran: "
          + e.code() + ": " + e.getMessage());
    }
    return pages;
  }

  /**
   * The open runs of one place and their owners; a place that is gone or has no open run is
   * forgotten. Any other error (throttled, denied) skips the place for this sweep only, so that one
   * place does not shield the others' runs.
   */
  private void open(EmrCall call, Service service, String place, int[] counts, Map<Run, Long> flowports,
      Consumer<String> forget) {
    ObjectNode request = NODES.objectNode().put(service.placeMember(), place);
    service.openStates().forEach(request.putArray("states")::add);
    int found = 0;
    try {
      while (true) {
        JsonNode page = call.call("ListJobRuns", request);
        counts[0]++;
        for (JsonNode r : page.path("jobRuns")) {
          Run run = new Run(service.name(), place, r.path("id").asText());
          found++;
          Long owner = owners.get(run);
          if (owner == null) {
            owner = owner(run);
            counts[2]++;
          }
          if (owner != null && !owner.equals(NONE)) {
            flowports.put(run, owner);
          }
        }
        if (!page.path("nextToken").isTextual()) {
          break;
        }
        request.put("nextToken", page.get("nextToken").asText());
      }
    } catch (EmrCall.ServiceException e) {
      if (!"ResourceNotFoundException".equals(e.code())) {
        log.accept("flowport reaper: could not list the " + service.name() + " job runs of " + place + ": " + e.code()
            + ": " + e.getMessage());
        counts[1] += found;
        return;
      }
      found = 0; // the application or virtual cluster was deleted: nothing runs there any more
    }
    counts[1] += found;
    if (found == 0) {
      forget.accept(place);
    }
  }

  /** The run's owner from its tags, remembered; null (not remembered) when the tags could not be read. */
  private Long owner(Run run) {
    try {
      Long owner = instanceKey(describe(run).path("tags"));
      owners.put(run, owner);
      return owner;
    } catch (EmrCall.ServiceException e) {
      log.accept("flowport reaper: could not read the tags of " + service(run).name() + " job run " + run + ": "
          + e.code() + ": " + e.getMessage());
      return null;
    }
  }

  private JsonNode describe(Run run) {
    Service service = service(run);
    ObjectNode request = NODES.objectNode().put(service.placeMember(), run.place()).put(service.runMember(), run.id());
    return call(run).call(service.describe(), request).path("jobRun");
  }

  private boolean cancel(Run run, long instance) {
    Service service = service(run);
    try {
      call(run).call("CancelJobRun", NODES.objectNode().put(service.placeMember(), run.place()).put(service.runMember(), run.id()));
      return true;
    } catch (EmrCall.ServiceException e) {
      log.accept("flowport reaper: could not cancel " + service.name() + " job run " + run + " of ended instance " + instance
          + ": " + e.code() + ": " + e.getMessage());
      return false;
    }
  }

  private Service service(Run run) {
    return run.service().equals(SERVERLESS.name()) ? SERVERLESS : CONTAINERS;
  }

  private EmrCall call(Run run) {
    return run.service().equals(SERVERLESS.name()) ? serverless : containers;
  }

  /** The keep tag, with any value but {@code false}, as on a cluster. */
  static boolean keep(JsonNode tags) {
    JsonNode value = tags.path(CreateOnce.KEEP);
    return value.isTextual() && !value.asText().strip().equalsIgnoreCase("false");
  }

  /** The instance of the process-instance tag, or {@link #NONE}. */
  static Long instanceKey(JsonNode tags) {
    JsonNode value = tags.path(CreateOnce.PROCESS_INSTANCE);
    if (!value.isTextual()) {
      return NONE;
    }
    try {
      return Long.parseLong(value.asText().strip());
    } catch (NumberFormatException e) {
      return NONE;
    }
  }
}
