package io.flowport.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * AddJobFlowSteps without adding the steps twice when Zeebe delivers the same job again. Steps have
 * no tags, so before adding, the cluster gets a tag {@code flowport:steps:<run key>} holding its
 * newest step id. A later delivery that finds the tag takes the first run of steps after that one
 * that match the request (Name and HadoopJarStep) as its own. The tag is removed once the steps
 * are known. See docs/idempotency.md for the limits.
 */
final class StepsOnce {

  static final String TAG_PREFIX = "flowport:steps:";
  private static final String NONE = "none";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final EmrCall emr;
  private final Consumer<Job> beforeCreate;

  StepsOnce(EmrCall emr, Consumer<Job> beforeCreate) {
    this.emr = emr;
    this.beforeCreate = beforeCreate;
  }

  JsonNode add(Job job, JsonNode request) {
    String cluster = request.path("JobFlowId").asText(null);
    JsonNode wanted = request.path("Steps");
    if (cluster == null || !wanted.isArray() || wanted.isEmpty()) {
      return emr.call("AddJobFlowSteps", request); // EMR reports what is wrong
    }
    String tag = TAG_PREFIX + job.elementInstanceKey();
    String since;
    try {
      since = tags(cluster).get(tag);
      if (since != null) {
        List<String> found = find(cluster, since, wanted);
        if (found != null) {
          untag(cluster, tag);
          ObjectNode answer = NODES.objectNode();
          found.forEach(answer.putArray("StepIds")::add);
          return answer;
        }
      } else {
        emr.call("AddTags", NODES.objectNode().put("ResourceId", cluster)
            .set("Tags", NODES.arrayNode().add(NODES.objectNode().put("Key", tag).put("Value", newest(cluster)))));
      }
    } catch (EmrCall.ServiceException e) {
      if (e.retryable()) {
        throw e;
      }
      // Not allowed, no such cluster, too many tags...: add without the guard, EMR reports the rest.
      beforeCreate.accept(job);
      return emr.call("AddJobFlowSteps", request);
    }
    beforeCreate.accept(job);
    JsonNode answer = emr.call("AddJobFlowSteps", request);
    untag(cluster, tag);
    return answer;
  }

  private Map<String, String> tags(String cluster) {
    JsonNode c = emr.call("DescribeCluster", NODES.objectNode().put("ClusterId", cluster)).path("Cluster");
    Map<String, String> out = new LinkedHashMap<>();
    c.path("Tags").forEach(t -> out.put(t.path("Key").asText(), t.path("Value").asText("")));
    return out;
  }

  private String newest(String cluster) {
    JsonNode first = emr.call("ListSteps", NODES.objectNode().put("ClusterId", cluster)).path("Steps").path(0);
    return first.path("Id").asText(NONE);
  }

  /** Ids of the first run of steps newer than {@code since} that match {@code wanted}, or null. */
  private List<String> find(String cluster, String since, JsonNode wanted) {
    List<JsonNode> newer = new ArrayList<>();
    ObjectNode list = NODES.objectNode().put("ClusterId", cluster);
    collect:
    while (true) {
      JsonNode page = emr.call("ListSteps", list);
      for (JsonNode s : page.path("Steps")) {
        if (s.path("Id").asText().equals(since)) {
          break collect;
        }
        newer.add(0, s); // oldest first
      }
      if (!page.path("Marker").isTextual()) {
        break;
      }
      list.put("Marker", page.get("Marker").asText());
    }
    for (int i = 0; i + wanted.size() <= newer.size(); i++) {
      List<String> ids = new ArrayList<>();
      for (int j = 0; j < wanted.size() && same(wanted.get(j), newer.get(i + j)); j++) {
        ids.add(newer.get(i + j).path("Id").asText());
      }
      if (ids.size() == wanted.size()) {
        return ids;
      }
    }
    return null;
  }

  /** A requested StepConfig against a ListSteps StepSummary. */
  static boolean same(JsonNode config, JsonNode summary) {
    JsonNode jar = config.path("HadoopJarStep");
    JsonNode got = summary.path("Config");
    Map<String, String> properties = new LinkedHashMap<>();
    jar.path("Properties").forEach(p -> properties.put(p.path("Key").asText(), p.path("Value").asText("")));
    Map<String, String> gotProperties = new LinkedHashMap<>();
    got.path("Properties").properties().forEach(e -> gotProperties.put(e.getKey(), e.getValue().asText("")));
    return config.path("Name").equals(summary.path("Name"))
        && jar.path("Jar").equals(got.path("Jar"))
        && text(jar.path("MainClass")).equals(text(got.path("MainClass")))
        && list(jar.path("Args")).equals(list(got.path("Args")))
        && properties.equals(gotProperties)
        && (!config.has("ActionOnFailure") || config.get("ActionOnFailure").equals(summary.path("ActionOnFailure")));
  }

  private static String text(JsonNode node) {
    return node.isTextual() ? node.asText() : "";
  }

  private static List<String> list(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** Best effort: a tag left behind only costs a tag slot on the cluster. */
  private void untag(String cluster, String tag) {
    try {
      emr.call("RemoveTags", NODES.objectNode().put("ResourceId", cluster).set("TagKeys", NODES.arrayNode().add(tag)));
    } catch (EmrCall.ServiceException e) {
      // The steps are added; leave the tag.
    }
  }
}
