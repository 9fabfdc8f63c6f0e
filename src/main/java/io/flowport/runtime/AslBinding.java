package io.flowport.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.contract.Headers;
import io.flowport.contract.Vars;
import io.flowport.runtime.asl.AslRuntimeException;
import io.flowport.runtime.asl.ContextObject;
import io.flowport.runtime.asl.DataFlow;
import io.flowport.runtime.asl.Jsonata;
import io.flowport.runtime.asl.JsonataFlow;
import io.flowport.runtime.asl.MapItems;
import io.flowport.runtime.asl.PayloadLimit;
import io.flowport.runtime.asl.StateValues;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Step Functions data flow: the state document {@code payload} goes through the state's InputPath
 * and Parameters to the call, and the result through ResultSelector, ResultPath and OutputPath back
 * into {@code payload}. A path that finds nothing fails with States.Runtime, as in Step Functions.
 */
final class AslBinding implements Binding {

  static final ObjectMapper JSON = new ObjectMapper();

  private final DataFlow flow = DataFlow.standard();
  private final AslErrors errors = new AslErrors(flow, () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble());
  private final Mocks mocks;
  private final Supplier<Instant> clock;

  AslBinding(Mocks mocks, Supplier<Instant> clock) {
    this.mocks = mocks;
    this.clock = clock;
  }

  @Override
  public JsonNode parameters(Job job) {
    JsonNode state = state(job);
    // A JSONata state's request is its evaluated Arguments.
    return guarded(job, () -> JsonataFlow.is(state) ? JsonataFlow.arguments(state, job.variable(Vars.PAYLOAD), context(job))
        : flow.inputOf(state, job.variable(Vars.PAYLOAD), context(job)));
  }

  @Override
  public JsonNode request(Job job, JsonNode effective, JsonNode found) {
    JsonNode template = json(job.header(Headers.REQUEST));
    JsonNode request = template == null ? effective
        : found == null ? Templates.apply(flow, template, effective)
        : Templates.apply(flow, template, effective, Templates.found(found));
    return limited(request, job.header(Headers.SOURCE));
  }

  @Override
  public JsonNode pollRequest(Job job) {
    JsonNode template = json(job.header(Headers.REQUEST));
    JsonNode subject = job.variable(Vars.SYNC_RESULT);
    return template == null ? subject : Templates.apply(flow, template, subject);
  }

  @Override
  public Map<String, Object> finish(Job job, JsonNode result) {
    limited(result, state(job).path("Resource").asText(job.header(Headers.SOURCE)));
    JsonNode state = state(job);
    Map<String, Object> vars = new LinkedHashMap<>();
    guarded(job, () -> {
      ContextObject ctx = context(job);
      if (JsonataFlow.is(state)) {
        finishJsonata(job, vars, state, result, ctx);
        return vars;
      }
      vars.put(Vars.PAYLOAD, flow.outputOf(state, job.variable(Vars.PAYLOAD), result, ctx));
      // $ in a Task's Assign is its result as the task returned it (see docs/architecture.md).
      assign(job, vars, state.get("Assign"), result, ctx);
      return vars;
    });
    return limited(job, vars);
  }

  /** A JSONata state's Output and Assign over its input and result, both with the variables it found. */
  private static void finishJsonata(Job job, Map<String, Object> vars, JsonNode state, JsonNode result, ContextObject ctx) {
    JsonNode input = job.variable(Vars.PAYLOAD);
    vars.put(Vars.PAYLOAD, JsonataFlow.output(state, input, result, ctx));
    putVars(vars, JsonataFlow.assign(state.get("Assign"), Jsonata.States.of(input, ctx).withResult(result), job.header(Headers.SOURCE)));
  }

  private static void putVars(Map<String, Object> vars, ObjectNode after) {
    if (after != null) {
      vars.put(Vars.ASL_VARS, after);
    }
  }

  /** Step Functions names a service's errors {@code <Service>.<code>}, e.g. EMR.ValidationException. */
  @Override
  public JobFailure serviceError(String service, String api, EmrCall.ServiceException e) {
    String prefix = switch (service) {
      case io.flowport.contract.JobTypes.EMR_SERVERLESS -> "EMRServerless.";
      case io.flowport.contract.JobTypes.EMR_CONTAINERS -> "EMRContainers.";
      default -> "EMR.";
    };
    return new JobFailure(prefix + e.code(), e.getMessage());
  }

  @Override
  public boolean capitalizedNames() {
    return true;
  }

  @Override
  public Optional<Mocks.Response> mock(Job job) {
    return mocks.next(job.header(Headers.SOURCE));
  }

  /** The Choice state's next state and its output. */
  Map<String, Object> choose(Job job) {
    JsonNode state = state(job);
    return guarded(job, () -> {
      JsonNode input = job.variable(Vars.PAYLOAD);
      ContextObject ctx = context(job);
      if (JsonataFlow.is(state)) {
        JsonataFlow.Decision d = JsonataFlow.choose(state, input, ctx);
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put(Vars.ASL_NEXT, d.next());
        vars.put(Vars.PAYLOAD, d.output());
        putVars(vars, JsonataFlow.assign(d.assign(), Jsonata.States.of(input, ctx), job.header(Headers.SOURCE)));
        return limited(job, vars);
      }
      JsonNode effective = flow.effectiveInput(input, text(state, "InputPath"), state.path("InputPath").isNull(), null, ctx);
      io.flowport.runtime.asl.Choices.Decision decision = io.flowport.runtime.asl.Choices.decide(state, effective, ctx);
      JsonNode output = flow.stateOutput(effective, effective, null, true, text(state, "OutputPath"), state.path("OutputPath").isNull(), ctx);
      Map<String, Object> vars = new LinkedHashMap<>();
      vars.put(Vars.ASL_NEXT, decision.next());
      vars.put(Vars.PAYLOAD, output);
      assign(job, vars, decision.assign(), effective, ctx);
      return limited(job, vars);
    });
  }

  /** A Task state's Retry/Catch decision for the error the process caught. */
  Map<String, Object> handleError(Job job) {
    JsonNode error = job.variable(Vars.ERROR);
    JsonNode cause = job.variable(Vars.CAUSE);
    // A Fail state without Error raises an error without a name: null, not the text "null".
    return guarded(job, () -> errors.decide(state(job), error.isNull() ? null : error.asText(), cause.isNull() ? null : cause.asText(),
        job.variable(Vars.ASL_RETRY_COUNTS), job.variable(Vars.PAYLOAD), context(job), job.header(Headers.SOURCE)));
  }

  /** Pass, Succeed and Wait: their data flow without a task. */
  Map<String, Object> pass(Job job) {
    JsonNode state = state(job);
    return guarded(job, () -> {
      JsonNode input = job.variable(Vars.PAYLOAD);
      ContextObject ctx = context(job);
      Map<String, Object> vars = new LinkedHashMap<>();
      boolean jsonata = JsonataFlow.is(state);
      if ("Task".equals(state.path("Type").asText())) {
        // A Task state's time limits from its input; the payload is unchanged.
        Duration timeout = jsonata ? JsonataFlow.limit(state, "TimeoutSeconds", input, ctx)
            : StateValues.limit(state, "TimeoutSecondsPath", input, ctx);
        Duration heartbeat = jsonata ? JsonataFlow.limit(state, "HeartbeatSeconds", input, ctx)
            : StateValues.limit(state, "HeartbeatSecondsPath", input, ctx);
        if (timeout != null) {
          vars.put(Vars.ASL_TIMEOUT, timeout.toString());
        }
        if (heartbeat != null) {
          vars.put(Vars.ASL_HEARTBEAT, heartbeat.toString());
        }
        return vars;
      }
      if ("Fail".equals(state.path("Type").asText())) {
        StateValues.Failure f = jsonata ? JsonataFlow.failure(state, input, ctx) : StateValues.failure(state, input, ctx);
        vars.put(Vars.ERROR, f.error());
        vars.put(Vars.CAUSE, f.cause());
        return vars;
      }
      if (jsonata) {
        // Pass, Succeed and Wait have no result: Output reads $states.input, Assign too.
        if ("Wait".equals(state.path("Type").asText()) && (Jsonata.isExpression(state.get("Seconds")) || state.has("Timestamp"))) {
          vars.put(Vars.ASL_WAIT, JsonataFlow.waitFor(state, input, ctx, clock.get()).toString());
        }
        vars.put(Vars.PAYLOAD, JsonataFlow.output(state, input, null, ctx));
        putVars(vars, JsonataFlow.assign(state.get("Assign"), Jsonata.States.of(input, ctx), job.header(Headers.SOURCE)));
        return limited(job, vars);
      }
      JsonNode output;
      // $ in Assign: a Pass state's result (Result, else its input after InputPath and Parameters),
      // a Wait state's input after InputPath (LocalStack's AWS-recorded assign tests).
      JsonNode subject;
      if (state.has("Result")) {
        subject = state.get("Result");
        output = flow.outputOf(state, input, subject, ctx);
      } else if (state.has("Parameters") || state.has("ResultPath")) {
        subject = flow.inputOf(state, input, ctx);
        output = flow.outputOf(state, input, subject, ctx);
      } else {
        JsonNode effective = flow.effectiveInput(input, text(state, "InputPath"), state.path("InputPath").isNull(), null, ctx);
        if ("Wait".equals(state.path("Type").asText()) && !state.has("Seconds")) {
          vars.put(Vars.ASL_WAIT, StateValues.waitFor(state, effective, ctx, clock.get()).toString());
        }
        subject = effective;
        output = flow.stateOutput(effective, effective, null, true, text(state, "OutputPath"), state.path("OutputPath").isNull(), ctx);
      }
      vars.put(Vars.PAYLOAD, output);
      assign(job, vars, state.get("Assign"), subject, ctx);
      return limited(job, vars);
    });
  }

  /** A Parallel state's branch input, or a Map state's iteration inputs (in batches when batched). */
  Map<String, Object> items(Job job) {
    JsonNode state = state(job);
    return guarded(job, () -> {
      JsonNode input = job.variable(Vars.PAYLOAD);
      ContextObject ctx = context(job);
      Map<String, Object> vars = new LinkedHashMap<>();
      boolean jsonata = JsonataFlow.is(state);
      if ("Parallel".equals(state.path("Type").asText())) {
        vars.put(Vars.ASL_BRANCH_INPUT, limited(jsonata ? JsonataFlow.arguments(state, input, ctx) : flow.inputOf(state, input, ctx),
            job.header(Headers.SOURCE)));
        return vars;
      }
      String batch = job.header(Headers.ASL_BATCH);
      if (jsonata) {
        ArrayNode items = JsonataFlow.items(state, input, ctx);
        vars.put(Vars.ASL_ITEMS, batch == null ? items : MapItems.batches(items,
            batch.equals("path") ? JsonataFlow.maxConcurrency(state, input, ctx) : Integer.parseInt(batch)));
        return vars;
      }
      vars.put(Vars.ASL_ITEMS, batch == null ? MapItems.inputs(flow, state, input, ctx)
          : MapItems.batches(flow, state, input, ctx, batch.equals("path") ? null : Integer.valueOf(batch)));
      return vars;
    });
  }

  /** The Parallel or Map state's output: its branches' or iterations' outputs, in order, as its result. */
  Map<String, Object> collect(Job job) {
    JsonNode state = state(job);
    return guarded(job, () -> {
      ArrayNode results = JSON.createArrayNode();
      if ("Parallel".equals(state.path("Type").asText())) {
        int branches = Integer.parseInt(job.header(Headers.ASL_BRANCHES));
        for (int i = 0; i < branches; i++) {
          results.add(job.variable(Vars.aslBranch(i)));
        }
      } else if (job.header(Headers.ASL_BATCH) != null) {
        job.variable(Vars.ASL_RESULTS).forEach(batch -> batch.forEach(results::add));
      } else {
        job.variable(Vars.ASL_RESULTS).forEach(results::add);
      }
      Map<String, Object> vars = new LinkedHashMap<>();
      ContextObject ctx = context(job);
      if (JsonataFlow.is(state)) {
        finishJsonata(job, vars, state, results, ctx);
        return limited(job, vars);
      }
      vars.put(Vars.PAYLOAD, flow.outputOf(state, job.variable(Vars.PAYLOAD), results, ctx));
      assign(job, vars, state.get("Assign"), results, ctx);
      return limited(job, vars);
    });
  }

  /**
   * Puts the workflow variables after {@code assign} (null: none) into the job's result. Every
   * value reads the variables as the state found them; they change when the state ends.
   */
  private void assign(Job job, Map<String, Object> vars, JsonNode assign, JsonNode subject, ContextObject ctx) {
    var after = flow.assign(assign, subject, ctx, job.header(Headers.SOURCE));
    if (after != null) {
      vars.put(Vars.ASL_VARS, after);
    }
  }

  private static String text(JsonNode state, String field) {
    return state.path(field).isTextual() ? state.get(field).asText() : null;
  }

  /** The state's output, within Step Functions' payload quota. */
  private static Map<String, Object> limited(Job job, Map<String, Object> vars) {
    if (vars.get(Vars.PAYLOAD) instanceof JsonNode payload) {
      limited(payload, job.header(Headers.SOURCE));
    }
    return vars;
  }

  /** A terminal error with AWS's own cause, without the "error occurred while executing" prefix. */
  private static JsonNode limited(JsonNode value, String who) {
    try {
      return PayloadLimit.check(value, who);
    } catch (AslRuntimeException e) {
      throw new JobFailure(e.error(), e.cause());
    }
  }

  private static <T> T guarded(Job job, Supplier<T> step) {
    try {
      return step.get();
    } catch (AslRuntimeException e) {
      throw new JobFailure(e.error(), e.causeInState(job.header(Headers.SOURCE)));
    }
  }

  private static JsonNode state(Job job) {
    JsonNode state = json(job.header(Headers.ASL_STATE));
    if (state == null) {
      throw new IllegalStateException("job " + job.type() + " of " + job.elementId() + " has no " + Headers.ASL_STATE + " header");
    }
    return state;
  }

  /** The context object ($$) Step Functions gives a state, as far as a Zeebe job can tell. */
  private ContextObject context(Job job) {
    String machine = job.bpmnProcessId();
    String execution = Long.toString(job.processInstanceKey());
    ObjectNode ctx = JsonNodeFactory.instance.objectNode();
    ObjectNode exec = ctx.putObject("Execution");
    exec.put("Id", "arn:aws:states:us-east-1:123456789012:execution:" + machine + ":" + execution);
    exec.put("Name", execution);
    exec.set("Input", job.variable(Vars.INPUT).isNull() ? JsonNodeFactory.instance.objectNode() : job.variable(Vars.INPUT));
    if (job.variable(Vars.ASL_START_TIME).isTextual()) {
      exec.put("StartTime", timestamp(Instant.parse(job.variable(Vars.ASL_START_TIME).asText())));
    }
    // flowport runs with the worker's own AWS credentials: the role is a placeholder in the same made-up account.
    exec.put("RoleArn", "arn:aws:iam::123456789012:role/flowport-" + machine);
    ObjectNode sm = ctx.putObject("StateMachine");
    sm.put("Id", "arn:aws:states:us-east-1:123456789012:stateMachine:" + machine);
    sm.put("Name", machine);
    ObjectNode st = ctx.putObject("State");
    st.put("Name", job.header(Headers.SOURCE));
    st.put("EnteredTime", timestamp(clock.get()));
    st.put("RetryCount", 0);
    // Only a callback state's scope has a token.
    if (job.variable(Vars.TASK_TOKEN).isTextual()) {
      ctx.putObject("Task").put("Token", job.variable(Vars.TASK_TOKEN).asText());
    }
    return new ContextObject(ctx, job.variable(Vars.ASL_VARS));
  }

  /** Step Functions' context timestamps: UTC, always three digits of milliseconds. */
  static String timestamp(Instant t) {
    return STAMP.format(t);
  }

  private static final java.time.format.DateTimeFormatter STAMP =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

  static JsonNode json(String text) {
    if (text == null) {
      return null;
    }
    try {
      return JSON.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("malformed JSON header: " + e.getOriginalMessage(), e);
    }
  }
}
