package io.flowport.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.contract.JobTypes;
import io.flowport.contract.Messages;
import java.time.Instant;

/** What a tracked poll (DescribeCluster, DescribeStep) waits on, read from its request and response. */
final class TrackedResources {

  /** The wait's watch, or null when its poll is not tracked or the response lacks the state. */
  static Tracking.Watch watch(Job job, JsonNode request, JsonNode response) {
    if (!Messages.tracked(job.type())) {
      return null;
    }
    String cluster = request.path("ClusterId").asText(null);
    if (cluster == null) {
      return null;
    }
    if (job.type().equals(JobTypes.emr("DescribeStep"))) {
      String step = request.path("StepId").asText(null);
      String state = response.path("Step").path("Status").path("State").asText(null);
      return step == null || state == null ? null
          : new Tracking.Watch(key(cluster + "/" + step, job), cluster, step, state, null);
    }
    JsonNode status = response.path("Cluster").path("Status");
    String state = status.path("State").asText(null);
    return state == null ? null : new Tracking.Watch(key(cluster, job), cluster, null, state,
        instant(status.path("Timeline").path("CreationDateTime")));
  }

  /** The resource and this poll's activation: a message for it wakes the next poll of this wait only. */
  private static String key(String resource, Job job) {
    return resource + "#" + job.elementInstanceKey();
  }

  private static Instant instant(JsonNode n) {
    if (n.isNumber()) {
      return Instant.ofEpochMilli(Math.round(n.asDouble() * 1000));
    }
    try {
      return n.isTextual() ? Instant.parse(n.asText()) : null;
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  private TrackedResources() {}
}
