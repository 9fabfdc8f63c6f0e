package io.flowport.worker.reaper;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.contract.JobTypes;
import io.flowport.runtime.EmrCall;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The EMR Serverless applications and EMR on EKS virtual clusters this worker's jobs used: where
 * the job-run reaper lists runs. Neither service lists job runs account-wide, and listing every
 * application or virtual cluster would cost calls for places flowport never ran in. A place is
 * learnt from any call that names it (StartJobRun, and the polls of a wait, which teach a restarted
 * worker again) and forgotten once a sweep finds no open run there.
 */
public final class JobRunPlaces {

  private static final int KEPT = 1_000;

  private final Set<String> applications = bounded();
  private final Set<String> virtualClusters = bounded();

  /** {@code call} of {@code service}, learning the place each successful call names. */
  public EmrCall recording(String service, EmrCall call) {
    if (JobTypes.EMR_SERVERLESS.equals(service)) {
      return new Recording(call, applications, "applicationId");
    }
    if (JobTypes.EMR_CONTAINERS.equals(service)) {
      return new Recording(call, virtualClusters, "virtualClusterId");
    }
    return call;
  }

  List<String> applications() {
    return snapshot(applications);
  }

  List<String> virtualClusters() {
    return snapshot(virtualClusters);
  }

  void forgetApplication(String id) {
    applications.remove(id);
  }

  void forgetVirtualCluster(String id) {
    virtualClusters.remove(id);
  }

  /** For tests and callers that know a place without a job: the reaper lists it from the next sweep. */
  public void learn(String service, String id) {
    (JobTypes.EMR_SERVERLESS.equals(service) ? applications : virtualClusters).add(id);
  }

  private static List<String> snapshot(Set<String> places) {
    synchronized (places) {
      return List.copyOf(places);
    }
  }

  private static Set<String> bounded() {
    return Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
        return size() > KEPT;
      }
    }));
  }

  /** Reads the place from the request with either naming (boto3's or Step Functions'). */
  private record Recording(EmrCall call, Set<String> places, String member) implements EmrCall {

    @Override
    public JsonNode call(String api, JsonNode request) {
      JsonNode out = call.call(api, request);
      learn(request);
      return out;
    }

    @Override
    public JsonNode call(String api, JsonNode request, String token) {
      JsonNode out = call.call(api, request, token);
      learn(request);
      return out;
    }

    @Override
    public EmrCall capitalizedNames() {
      return new Recording(call.capitalizedNames(), places, member);
    }

    private void learn(JsonNode request) {
      JsonNode id = request.path(member);
      if (!id.isTextual()) {
        id = request.path(Character.toUpperCase(member.charAt(0)) + member.substring(1));
      }
      if (id.isTextual() && !id.asText().isBlank()) {
        places.add(id.asText());
      }
    }
  }
}
