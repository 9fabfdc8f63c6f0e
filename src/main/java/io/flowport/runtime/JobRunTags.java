package io.flowport.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * flowport's tags on an EMR Serverless or EMR on EKS job run, set at StartJobRun as RunJobFlow's
 * on a cluster: the reaper reads the process instance from them and cancels the run once that
 * instance has ended. Both APIs take {@code tags} as a string map. See docs/cleanup.md.
 */
public final class JobRunTags {

  /** The request with flowport's tags added; a key the user set keeps the user's value. */
  public static JsonNode tagged(Job job, JsonNode request, boolean capitalized) {
    String member = capitalized ? "Tags" : "tags";
    if (!request.isObject() || (request.has(member) && !request.get(member).isObject())) {
      return request; // ill-typed: the SDK's request mapping names the field
    }
    ObjectNode out = ((ObjectNode) request).deepCopy();
    ObjectNode tags = out.has(member) ? (ObjectNode) out.get(member) : out.putObject(member);
    // The same values on every delivery of the job: the client token's request stays the same.
    putIfAbsent(tags, CreateOnce.PROCESS_INSTANCE, Long.toString(job.processInstanceKey()));
    putIfAbsent(tags, CreateOnce.ELEMENT, job.elementId());
    putIfAbsent(tags, CreateOnce.RUN_KEY, Long.toString(job.elementInstanceKey()));
    return out;
  }

  private static void putIfAbsent(ObjectNode tags, String key, String value) {
    if (!tags.has(key)) {
      tags.put(key, value);
    }
  }

  private JobRunTags() {}
}
