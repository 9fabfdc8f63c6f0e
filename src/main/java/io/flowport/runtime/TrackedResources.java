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

/**
 * What a tracked poll (DescribeCluster, DescribeStep; EMR Serverless GetJobRun, EMR on EKS
 * DescribeJobRun) waits on, read from its request and response. Job run polls come in Step
 * Functions' names ({@code JobRun.State}) or boto3's ({@code jobRun.state}): both are read.
 */
final class TrackedResources {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.\\[\\]]+)}");
  static final String GET_JOB_RUN = JobTypes.EMR_SERVERLESS_PREFIX + "GetJobRun";
  static final String DESCRIBE_JOB_RUN = JobTypes.EMR_CONTAINERS_PREFIX + "DescribeJobRun";
  /** Members of a job run that ListJobRuns lists too (EMR Serverless lists a summary; EMR on EKS whole runs). */
  private static final java.util.Set<String> LISTED_SERVERLESS = java.util.Set.of("state", "stateDetails", "name");
  private static final java.util.Set<String> LISTED_CONTAINERS = java.util.Set.of("state", "stateDetails", "name", "id",
      "failureReason");

  /** The resource a poll reads, or null when its polls are not tracked. */
  static Tracking.Resource resource(Job job, JsonNode request) {
    if (!Messages.tracked(job.type())) {
      return null;
    }
    if (jobRun(job)) {
      boolean serverless = job.type().equals(GET_JOB_RUN);
      String place = member(request, serverless ? "applicationId" : "virtualClusterId");
      String run = member(request, serverless ? "jobRunId" : "id");
      return place == null || run == null ? null
          : new Tracking.Resource(serverless ? JobTypes.EMR_SERVERLESS : JobTypes.EMR_CONTAINERS, place, run);
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
    if (resource.jobRun()) {
      JsonNode run = response.has("JobRun") ? response.get("JobRun") : response.path("jobRun");
      String state = member(run, "state");
      if (state == null) {
        return null;
      }
      JsonNode created = run.has("CreatedAt") ? run.get("CreatedAt") : run.path("createdAt");
      return new Tracking.Watch(key(resource, job), resource.clusterId(), resource.stepId(), state, EmrTimes.instant(created),
          resource.service());
    }
    JsonNode status = response.path(step(job) ? "Step" : "Cluster").path("Status");
    String state = status.path("State").asText(null);
    if (state == null) {
      return null;
    }
    Instant created = step(job) ? null : EmrTimes.instant(status.path("Timeline").path("CreationDateTime"));
    return new Tracking.Watch(key(resource, job), resource.clusterId(), resource.stepId(), state, created);
  }

  /** The watch of a poll that did not look: the watcher looks at its next listing and wakes it. */
  static Tracking.Watch unseen(Job job, Tracking.Resource resource) {
    return new Tracking.Watch(key(resource, job), resource.clusterId(), resource.stepId(), null, null, resource.service());
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
    if (jobRun(job)) {
      java.util.Set<String> listed = job.type().equals(GET_JOB_RUN) ? LISTED_SERVERLESS : LISTED_CONTAINERS;
      return paths.stream().allMatch(p -> (p.startsWith("JobRun.") || p.startsWith("jobRun."))
          && listed.contains(uncapitalized(p.substring("jobRun.".length()))));
    }
    String root = step(job) ? "Step" : "Cluster";
    return paths.stream().allMatch(p -> p.equals(root + ".Id") || p.startsWith(root + ".Status."));
  }

  /**
   * A job run as the tracker listed it (boto3's names, {@code {"jobRun": {...}}}) in the names of
   * the poll: Step Functions' capitalize each member. Only the run's own members are renamed,
   * not the keys of its maps (tags): {@link #summaryDecides} reads no map.
   */
  static JsonNode inNames(JsonNode listed, boolean capitalized) {
    if (!capitalized) {
      return listed;
    }
    com.fasterxml.jackson.databind.node.ObjectNode run = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    listed.path("jobRun").properties().forEach(e -> run.set(capitalized(e.getKey()), e.getValue()));
    com.fasterxml.jackson.databind.node.ObjectNode out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    out.set("JobRun", run);
    return out;
  }

  private static boolean jobRun(Job job) {
    return job.type().equals(GET_JOB_RUN) || job.type().equals(DESCRIBE_JOB_RUN);
  }

  /** A member in boto3's name or Step Functions' (capitalized). */
  private static String member(JsonNode node, String name) {
    JsonNode n = node.has(name) ? node.get(name) : node.path(capitalized(name));
    return n.isTextual() ? n.asText() : null;
  }

  private static String capitalized(String name) {
    return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private static String uncapitalized(String name) {
    return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  private static boolean step(Job job) {
    return job.type().equals(JobTypes.emr("DescribeStep"));
  }

  /** The resource and this poll's activation: a message for it wakes the next poll of this wait only. */
  private static String key(Tracking.Resource resource, Job job) {
    String name = resource.stepId() == null ? resource.clusterId() : resource.clusterId() + "/" + resource.stepId();
    return name + "#" + job.elementInstanceKey();
  }

  private TrackedResources() {}
}
