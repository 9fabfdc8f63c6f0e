package io.flowport.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.contract.Headers;
import io.flowport.contract.JobTypes;
import io.flowport.contract.Messages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a tracked poll (DescribeCluster, DescribeStep) waits on, read from its request and response. */
final class TrackedResources {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.\\[\\]]+)}");

  /** The resource a poll reads, or null when its polls are not tracked. */
  static Tracking.Resource resource(Job job, JsonNode request) {
    if (!Messages.tracked(job.type())) {
      return null;
    }
    String cluster = request.path("ClusterId").asText(null);
    if (cluster == null) {
      return null;
    }
    if (!step(job)) {
      return new Tracking.Resource(cluster, null);
    }
    String step = request.path("StepId").asText(null);
    return step == null ? null : new Tracking.Resource(cluster, step);
  }

  /** The wait's watch after this poll saw {@code response}, or null when the response lacks the state. */
  static Tracking.Watch watch(Job job, Tracking.Resource resource, JsonNode response) {
    JsonNode status = response.path(step(job) ? "Step" : "Cluster").path("Status");
    String state = status.path("State").asText(null);
    if (state == null) {
      return null;
    }
    Instant created = step(job) ? null : instant(status.path("Timeline").path("CreationDateTime"));
    return new Tracking.Watch(key(resource, job), resource.clusterId(), resource.stepId(), state, created);
  }

  /** The watch of a poll that did not look: the watcher looks at its next listing and wakes it. */
  static Tracking.Watch unseen(Job job, Tracking.Resource resource) {
    return new Tracking.Watch(key(resource, job), resource.clusterId(), resource.stepId(), null, null);
  }

  /**
   * True when a listing's summary decides this wait as its describe response would: every path
   * its acceptors and failure texts read is the resource's Id or under its Status (what ListClusters
   * and ListSteps return), and the wait's result is not the response itself.
   */
  static boolean summaryDecides(Job job, JsonNode acceptors) {
    if ("response".equals(job.header(Headers.WAIT_OUTPUT))) {
      return false;
    }
    String root = step(job) ? "Step" : "Cluster";
    List<String> paths = new ArrayList<>();
    acceptors.forEach(a -> paths.add(a.path("argument").asText()));
    for (String header : new String[] {Headers.FAILURE, Headers.EXHAUSTED}) {
      String text = job.header(header);
      if (text != null) {
        Matcher m = PLACEHOLDER.matcher(AslBinding.json(text).path("cause").asText(""));
        while (m.find()) {
          paths.add(m.group(1));
        }
      }
    }
    return paths.stream().allMatch(p -> p.equals(root + ".Id") || p.startsWith(root + ".Status."));
  }

  private static boolean step(Job job) {
    return job.type().equals(JobTypes.emr("DescribeStep"));
  }

  /** The resource and this poll's activation: a message for it wakes the next poll of this wait only. */
  private static String key(Tracking.Resource resource, Job job) {
    String name = resource.stepId() == null ? resource.clusterId() : resource.clusterId() + "/" + resource.stepId();
    return name + "#" + job.elementInstanceKey();
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
