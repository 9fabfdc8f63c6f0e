package io.flowport.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.flowport.contract.Headers;
import io.flowport.contract.Vars;
import io.flowport.runtime.airflow.jinja.AirflowContext;
import io.flowport.runtime.airflow.jinja.Template;
import io.flowport.runtime.airflow.jinja.TemplateRenderException;
import io.flowport.runtime.airflow.jinja.TemplateSyntaxException;
import io.flowport.runtime.asl.DataFlow;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Airflow's data binding: the operator's templated arguments are rendered with Jinja (strict
 * undefined, as Airflow) before each try, the request is built from the arguments, and the
 * operator's return value becomes its XCom ({@code xcom_<task>}). A rendering error fails the try
 * with the Python exception Airflow would raise.
 */
final class AirflowBinding implements Binding {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DataFlow flow = DataFlow.standard();
  private final Supplier<Instant> clock;
  private final Mocks mocks;

  AirflowBinding(Mocks mocks, Supplier<Instant> clock) {
    this.mocks = mocks;
    this.clock = clock;
  }

  /** A run's mock config names Airflow tasks by task_id: Return is the XCom, Throw the task's exception. */
  @Override
  public Optional<Mocks.Response> mock(Job job) {
    String task = job.header(Headers.AIRFLOW_TASK_ID);
    if (job.header(Headers.AIRFLOW_EXPAND) == null) {
      return mocks.next(task);
    }
    // A mapped instance: task_id[map_index] when mocked, else task_id; each instance counts its own tries.
    String instance = task + "[" + job.variable(Vars.MAP_INDEX).asLong() + "]";
    Optional<Mocks.Response> own = mocks.next(instance, instance);
    return own.isPresent() ? own : mocks.next(task, instance);
  }

  /**
   * The call's request: the template over the rendered arguments ($), where later calls of an
   * operator read the XCom of its first call as $$.Xcom and a wait reads its call's response as
   * $$.Response; then the {@code airflow.merge} argument's dict is merged in, as boto3 takes
   * {@code **config}.
   */
  @Override
  public JsonNode parameters(Job job) {
    return renderedArgs(job);
  }

  @Override
  public JsonNode request(Job job, JsonNode args, JsonNode found) {
    JsonNode template = AslBinding.json(job.header(Headers.REQUEST));
    ObjectNode ctx = context(job, false);
    if (found != null) {
      ctx.set("Found", found);
    }
    JsonNode request = template == null ? args : Templates.apply(flow, template, args, ctx);
    return merged(job, args, request);
  }

  @Override
  public JsonNode pollRequest(Job job) {
    JsonNode args = renderedArgs(job);
    JsonNode template = AslBinding.json(job.header(Headers.REQUEST));
    return template == null ? args : Templates.apply(flow, template, args, context(job, true));
  }

  private static ObjectNode context(Job job, boolean poll) {
    ObjectNode ctx = JSON.createObjectNode();
    ctx.set("Xcom", job.variable(Vars.xcom(job.header(Headers.AIRFLOW_TASK_ID))));
    if (poll) {
      ctx.set("Response", job.variable(Vars.SYNC_RESULT));
    }
    return ctx;
  }

  /** Python refuses a keyword argument given twice: so does the merge. */
  private static JsonNode merged(Job job, JsonNode args, JsonNode request) {
    String merge = job.header(Headers.AIRFLOW_MERGE);
    JsonNode extra = merge == null ? null : args.get(merge);
    if (extra == null || extra.isNull() || !request.isObject()) {
      return request;
    }
    if (!extra.isObject()) {
      throw new JobFailure("TypeError", "argument after ** must be a mapping, not " + pythonType(extra));
    }
    ObjectNode out = ((ObjectNode) request).deepCopy();
    String method = snake(job.type().substring(job.type().lastIndexOf('.') + 1));
    extra.fields().forEachRemaining(e -> {
      if (out.hasNonNull(e.getKey())) {
        throw new JobFailure("TypeError", method + "() got multiple values for keyword argument '" + e.getKey() + "'");
      }
      out.set(e.getKey(), e.getValue());
    });
    return out;
  }

  private static String pythonType(JsonNode v) {
    return v.isTextual() ? "str" : v.isArray() ? "list" : v.isBoolean() ? "bool" : v.isIntegralNumber() ? "int" : v.isNumber() ? "float" : "NoneType";
  }

  /** boto3's method name for an API: StartJobRun is start_job_run. */
  static String snake(String api) {
    return api.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public Map<String, Object> finish(Job job, JsonNode result) {
    if ("branch".equals(job.header(Headers.AIRFLOW_BRANCH))) {
      BranchCheck.check(result, AslBinding.json(job.header(Headers.AIRFLOW_DAG_TASK_IDS)));
    }
    Map<String, Object> vars = new LinkedHashMap<>();
    JsonNode xcom = AslBinding.json(job.header(Headers.AIRFLOW_XCOM));
    if (xcom != null && result != null && !result.isNull()) {
      vars.put(Vars.xcom(job.header(Headers.AIRFLOW_TASK_ID)), Templates.apply(flow, xcom, result));
    }
    return vars;
  }

  /** botocore's ClientError, as the operator raises it. */
  @Override
  public JobFailure serviceError(String service, String api, EmrCall.ServiceException e) {
    return new JobFailure("ClientError",
        "An error occurred (" + e.code() + ") when calling the " + api + " operation: " + e.getMessage());
  }

  private JsonNode renderedArgs(Job job) {
    JsonNode args = AslBinding.json(job.header(Headers.AIRFLOW_ARGS));
    if (args == null) {
      return JSON.createObjectNode();
    }
    JsonNode templated = AslBinding.json(job.header(Headers.AIRFLOW_TEMPLATED));
    Set<String> fields = new HashSet<>();
    if (templated != null) {
      templated.forEach(f -> fields.add(f.asText()));
    }
    AirflowContext ctx = context(job);
    JsonNode expand = AslBinding.json(job.header(Headers.AIRFLOW_EXPAND));
    ObjectNode in = args.deepCopy();
    mapped(job, expand, in, true);
    ObjectNode out = JSON.createObjectNode();
    in.fields().forEachRemaining(e -> out.set(e.getKey(), fields.contains(e.getKey()) ? render(e.getValue(), ctx) : e.getValue()));
    fillXcomArgs(job, out);
    mapped(job, expand, out, false);
    // What the task's first call looked up by name (job_flow_name → job_flow_id), for its later jobs.
    JsonNode found = job.variable(Vars.found(job.header(Headers.AIRFLOW_TASK_ID)));
    if (found.isObject()) {
      out.setAll((ObjectNode) found);
    }
    return out;
  }

  @Override
  public Map<String, Object> keepFound(Job job, JsonNode arguments) {
    return Map.of(Vars.found(job.header(Headers.AIRFLOW_TASK_ID)), arguments);
  }

  /**
   * A mapped instance's own arguments (the variable {@code mapItem}) go into the arguments: those
   * from literals before rendering, as Airflow renders them, those from an XCom after it.
   */
  private static void mapped(Job job, JsonNode expand, ObjectNode args, boolean literal) {
    if (expand == null) {
      return;
    }
    JsonNode item = job.variable(Vars.MAP_ITEM);
    if (!item.isObject()) {
      throw new JobFailure("TypeError", "expand_kwargs() expects a list[dict], not " + pythonType(item));
    }
    JsonNode into = args.at(expand.path("into").asText());
    if (into.isMissingNode() || into.isNull()) {
      into = args.putObject(expand.path("into").asText().substring(1));
    }
    Set<String> rendered = new HashSet<>();
    expand.path("rendered").forEach(n -> rendered.add(n.asText()));
    ObjectNode target = (ObjectNode) into;
    item.fields().forEachRemaining(e -> {
      if (rendered.contains(e.getKey()) == literal) {
        target.set(e.getKey(), e.getValue());
      }
    });
  }

  /** XComArgs in the arguments take the producer's XCom itself (not its str), as Airflow resolves them. */
  private static void fillXcomArgs(Job job, ObjectNode args) {
    JsonNode pointers = AslBinding.json(job.header(Headers.AIRFLOW_XCOM_ARGS));
    if (pointers == null) {
      return;
    }
    pointers.fields().forEachRemaining(e -> {
      com.fasterxml.jackson.core.JsonPointer at = com.fasterxml.jackson.core.JsonPointer.compile(e.getKey());
      JsonNode parent = args.at(at.head());
      JsonNode value = job.variable(Vars.xcom(e.getValue().asText()));
      value = value == null || value.isMissingNode() ? JSON.nullNode() : value;
      if (parent instanceof ObjectNode o) {
        o.set(at.last().getMatchingProperty(), value);
      } else if (parent instanceof ArrayNode a) {
        a.set(at.last().getMatchingIndex(), value);
      }
    });
  }

  /** Renders every string inside a templated field, as Airflow's render_template does for nested values. */
  private static JsonNode render(JsonNode value, AirflowContext ctx) {
    if (value.isTextual()) {
      try {
        Template t = Template.parse(value.asText());
        return t.isTemplated() ? TextNode.valueOf(t.render(ctx)) : value;
      } catch (TemplateRenderException e) {
        throw new JobFailure(e.pythonType(), e.getMessage());
      } catch (TemplateSyntaxException e) {
        throw new JobFailure(e.pythonType(), e.jinjaMessage());
      }
    }
    if (value.isObject()) {
      ObjectNode out = JSON.createObjectNode();
      value.fields().forEachRemaining(e -> out.set(e.getKey(), render(e.getValue(), ctx)));
      return out;
    }
    if (value.isArray()) {
      ArrayNode out = JSON.createArrayNode();
      value.forEach(v -> out.add(render(v, ctx)));
      return out;
    }
    return value;
  }

  private AirflowContext context(Job job) {
    String taskId = job.header(Headers.AIRFLOW_TASK_ID);
    String dagId = job.header(Headers.AIRFLOW_DAG_ID);
    JsonNode logical = job.variable(Vars.LOGICAL_DATE);
    Instant logicalDate = logical.isTextual() ? Instant.parse(logical.asText()) : clock.get();
    return AirflowContext.builder()
        .dagId(dagId)
        .taskId(taskId)
        .runId("manual__" + logicalDate)
        .logicalDate(logicalDate)
        .tryNumber(job.variable(Vars.tryNumber(taskId)).asLong(1))
        .mapIndex(job.header(Headers.AIRFLOW_EXPAND) == null ? -1 : job.variable(Vars.MAP_INDEX).asLong(-1))
        .xcoms(id -> Optional.ofNullable(job.variables().get(Vars.xcom(id)))
            .filter(v -> !v.isNull()).map(v -> JSON.convertValue(v, Object.class)))
        .params(params(job))
        .build();
  }

  /** The DAG's params, with the run's conf over them (Airflow's dag_run_conf_overrides_params, on by default). */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> params(Job job) {
    String declared = job.header(Headers.AIRFLOW_PARAMS);
    Map<String, Object> params = new java.util.LinkedHashMap<>(
        declared == null ? Map.of() : JSON.convertValue(AslBinding.json(declared), Map.class));
    JsonNode conf = job.variable(Vars.CONF);
    if (conf.isObject()) {
      params.putAll(JSON.convertValue(conf, Map.class));
    }
    return params;
  }
}
