package io.flowport.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.contract.JobTypes;
import io.flowport.runtime.EmrCall;
import io.flowport.runtime.Tracking.Resource;
import io.flowport.runtime.Tracking.Watch;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tracker's look at the job runs of one EMR Serverless application or EMR on EKS virtual
 * cluster: ListJobRuns, newest first, until every watched run is seen. When every watched run's
 * creation time is known the listing is bounded by the earliest (all states, so ended runs are seen
 * and their summary can decide the last poll); otherwise only the states a run can leave.
 */
final class JobRunListing {

  private static final Logger LOG = LoggerFactory.getLogger(JobRunListing.class);
  static final List<String> LIVE_SERVERLESS = List.of("SUBMITTED", "PENDING", "SCHEDULED", "RUNNING", "QUEUED", "CANCELLING");
  static final List<String> LIVE_CONTAINERS = List.of("PENDING", "SUBMITTED", "RUNNING", "CANCEL_PENDING");

  /**
   * @param call the service's calls, or null when this worker has none (the waits keep their fallback polls)
   * @param place the application or virtual cluster (a resource without a run)
   * @param seen told each listed run, as {@code {"jobRun": ...}} in boto3's names
   * @param wake wakes the wait with this key
   */
  static void list(EmrCall call, Resource place, List<Watch> waits, BiConsumer<Resource, JsonNode> seen,
      Consumer<String> wake) {
    if (call == null) {
      return;
    }
    boolean serverless = place.service().equals(JobTypes.EMR_SERVERLESS);
    ObjectNode request = JsonNodeFactory.instance.objectNode()
        .put(serverless ? "applicationId" : "virtualClusterId", place.clusterId());
    Instant after = null;
    boolean unknown = false;
    for (Watch w : waits) {
      if (w.clusterCreated() == null) {
        unknown = true;
      } else if (after == null || w.clusterCreated().isBefore(after)) {
        after = w.clusterCreated();
      }
    }
    if (unknown) {
      (serverless ? LIVE_SERVERLESS : LIVE_CONTAINERS).forEach(request.putArray("states")::add);
    } else {
      // A minute early: a bound that fell on the earliest run itself would leave it out.
      request.put(serverless ? "createdAtAfter" : "createdAfter", after.minusSeconds(60).toString());
    }
    Map<String, String> states = new HashMap<>();
    long wanted = waits.stream().map(Watch::stepId).distinct().count();
    try {
      String token = null;
      do {
        if (token != null) {
          request.put("nextToken", token);
        }
        JsonNode page = call.call("ListJobRuns", request);
        for (JsonNode r : page.path("jobRuns")) {
          String id = r.path("id").asText();
          seen.accept(new Resource(place.service(), place.clusterId(), id), JsonNodeFactory.instance.objectNode().set("jobRun", r));
          if (waits.stream().anyMatch(w -> w.stepId().equals(id))) {
            states.put(id, r.path("state").asText());
          }
        }
        token = states.size() == wanted ? null : page.path("nextToken").asText(null);
      } while (token != null);
    } catch (EmrCall.ServiceException e) {
      if (e.retryable()) {
        LOG.warn("EMR tracker: could not list the job runs of {}, its waits keep their fallback polls: {}: {}",
            place.clusterId(), e.code(), e.getMessage());
        return;
      }
      // Gone or refused: each wait's poll reports what the service says.
    }
    for (Watch w : waits) {
      if (w.state() == null || !w.state().equals(states.get(w.stepId()))) {
        wake.accept(w.key());
      }
    }
  }

  private JobRunListing() {}
}
