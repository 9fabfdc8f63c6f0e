package io.flowport.templates;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.contract.ElementTemplates;
import io.flowport.contract.Headers;
import io.flowport.contract.JobTypes;
import io.flowport.emr.EmrOperations;
import io.flowport.emr.EmrContainersOperations;
import io.flowport.emr.EmrServerlessOperations;
import io.flowport.emr.SdkOperations;
import io.flowport.worker.WorkerTypes;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Camunda 8 element templates for the EMR and EMR Serverless job types, made from what the workers
 * run: the job types their {@code @JobWorker} annotations register and the SDK request model the
 * generic mapper reads. One file per job type: Desktop Modeler reads a folder of them, Web Modeler
 * imports one template per file.
 */
public final class TemplateGenerator {

  public static final String SCHEMA =
      "https://unpkg.com/@camunda/zeebe-element-templates-json-schema@0.46.0/resources/schema.json";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Service> SERVICES = Map.of(
      JobTypes.EMR_PREFIX, new Service(EmrOperations.CLIENT, "Amazon EMR", "emr", "emr"),
      JobTypes.EMR_SERVERLESS_PREFIX, new Service(EmrServerlessOperations.CLIENT, "Amazon EMR Serverless", "emr-serverless", "emr-serverless"),
      JobTypes.EMR_CONTAINERS_PREFIX, new Service(EmrContainersOperations.CLIENT, "Amazon EMR on EKS", "emr-containers", "emr-on-eks"));

  /** @param name the service's AWS name (botocore's, job types'); @param docs its API reference's folder */
  private record Service(Class<?> client, String title, String name, String docs) {}

  /** Every template by file name ({@code <template id>.json}), in name order. */
  public static SortedMap<String, String> files() {
    SortedMap<String, String> out = new TreeMap<>();
    for (String type : WorkerTypes.known()) {
      if (ElementTemplates.has(type)) {
        out.put(ElementTemplates.id(type) + ".json", text(template(type)));
      }
    }
    return out;
  }

  static ObjectNode template(String jobType) {
    String prefix = SERVICES.keySet().stream().filter(p -> !p.equals(JobTypes.EMR_PREFIX) && jobType.startsWith(p))
        .findFirst().orElse(JobTypes.EMR_PREFIX);
    Service service = SERVICES.get(prefix);
    String api = jobType.substring(prefix.length());
    ObjectNode t = NODES.objectNode();
    t.put("$schema", SCHEMA);
    t.put("name", service.title() + ": " + api);
    t.put("id", ElementTemplates.id(jobType));
    t.put("version", ElementTemplates.VERSION);
    t.put("description", "Calls the " + service.title() + " " + api + " API through flowport's job worker (job type "
        + jobType + ").");
    t.put("documentationRef", "https://docs.aws.amazon.com/" + service.docs() + "/latest/APIReference/API_" + api + ".html");
    t.putObject("category").put("id", "flowport." + service.name()).put("name", service.title() + " (flowport)");
    t.putArray("appliesTo").add("bpmn:Task");
    t.putObject("elementType").put("value", "bpmn:ServiceTask");
    t.putObject("engines").put("camunda", "^8.8");
    ArrayNode groups = t.putArray("groups");
    groups.addObject().put("id", RequestProperties.GROUP).put("label", api + " request");
    groups.addObject().put("id", "result").put("label", "Result");
    groups.addObject().put("id", "converted").put("label", "Converted from");
    ArrayNode props = t.putArray("properties");
    props.add(hidden("taskDefinition", jobType, binding("zeebe:taskDefinition", "property", "type")));
    props.add(hidden(Headers.DIALECT, ElementTemplates.DIALECT, binding("zeebe:taskHeader", "key", Headers.DIALECT)));
    ObjectNode made = dialect(ElementTemplates.DIALECT);
    RequestProperties.of(SdkOperations.requestType(service.client(), api), RequiredMembers.of(service.name(), api), made)
        .forEach(props::add);
    props.add(resultVariable(api, made));
    props.add(resultFields(api, made));
    props.add(converted(Headers.ASL_STATE, "Step Functions state (JSON)", "asl"));
    props.add(converted(Headers.AIRFLOW_ARGS, "Airflow operator arguments (JSON)", "airflow"));
    return t;
  }

  private static ObjectNode resultVariable(String api, ObjectNode condition) {
    ObjectNode p = NODES.objectNode();
    p.put("id", Headers.RESULT_VARIABLE);
    p.put("label", "Result variable");
    p.put("description", "The process variable the " + api + " response is stored in; empty drops it.");
    p.put("group", "result");
    p.put("type", "String");
    p.put("value", Character.toLowerCase(api.charAt(0)) + api.substring(1) + "Result");
    p.put("optional", true);
    p.set("binding", binding("zeebe:taskHeader", "key", Headers.RESULT_VARIABLE));
    p.set("condition", condition);
    return p;
  }

  private static ObjectNode resultFields(String api, ObjectNode condition) {
    ObjectNode p = NODES.objectNode();
    p.put("id", Headers.RESULT_FIELDS);
    p.put("label", "Result fields");
    p.put("description", "Members of the " + api + " response to keep, comma-separated dotted paths ([] for each item "
        + "of a list), e.g. Cluster.Status.State; empty keeps the whole response (at most flowport.results.max-size).");
    p.put("group", "result");
    p.put("type", "String");
    p.put("optional", true);
    p.set("binding", binding("zeebe:taskHeader", "key", Headers.RESULT_FIELDS));
    p.set("condition", condition);
    return p;
  }

  /**
   * A converted task keeps its source definition in a header (dialect asl or airflow): shown and
   * editable there, never written to a task made from the template.
   */
  private static ObjectNode converted(String header, String label, String dialect) {
    ObjectNode p = NODES.objectNode();
    p.put("id", header);
    p.put("label", label);
    p.put("description", "flowport binds this task's request and result as its source did.");
    p.put("group", "converted");
    p.put("type", "Text");
    p.put("optional", true);
    p.set("binding", binding("zeebe:taskHeader", "key", header));
    p.set("condition", dialect(dialect));
    return p;
  }

  private static ObjectNode hidden(String id, String value, ObjectNode binding) {
    ObjectNode p = NODES.objectNode();
    p.put("id", id);
    p.put("type", "Hidden");
    p.put("value", value);
    p.set("binding", binding);
    return p;
  }

  private static ObjectNode dialect(String value) {
    return NODES.objectNode().put("property", Headers.DIALECT).put("equals", value);
  }

  private static ObjectNode binding(String type, String key, String value) {
    return NODES.objectNode().put("type", type).put(key, value);
  }

  private static String text(ObjectNode template) {
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
    try {
      return JSON.writer(printer).writeValueAsString(template) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private TemplateGenerator() {}
}
