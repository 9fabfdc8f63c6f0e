package io.flowport.asl;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.catalog.AslResource;
import io.flowport.catalog.EmrApis;
import io.flowport.contract.Headers;
import io.flowport.contract.JobTypes;
import io.flowport.contract.Messages;
import io.flowport.contract.Vars;
import io.flowport.diag.BadInputException;
import io.flowport.ir.Call;
import io.flowport.ir.Callback;
import io.flowport.ir.Names;
import io.flowport.ir.Step;
import io.flowport.ir.Work;
import io.flowport.report.Code;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Task state with the callback pattern ({@code .waitForTaskToken}): a token per attempt, the
 * call (an EMR job when the resource without the suffix is in the catalog, else the user's worker),
 * then a wait for the {@value Messages#TASK_TOKEN} message that carries the token back.
 */
final class CallbackConversion {

  static final String SUFFIX = ".waitForTaskToken";

  static Step convert(AslContext ctx, String name, JsonNode state, String arn) {
    Map<String, String> headers = TaskConversion.dataHeaders(name, state, arn);
    headers.put(Headers.ASL_CALLBACK, "true");
    Call call = emrCall(ctx, name, state, arn, headers);
    String type = call != null ? call.jobType() : OtherResources.jobType(arn);
    if (type == null) {
      throw new BadInputException(ctx.doc().at(name, "Resource"), "Resource '" + arn + "' is not a valid Step Functions resource ARN");
    }
    if (call == null) {
      ctx.report().add(Code.ASL_OTHER_RESOURCE, ctx.doc().at(name, "Resource"), name,
          arn + " became a service task of job type " + type + "; flowport has no worker for it",
          "write a job worker for " + type + " with io.flowport.worker.AslTasks (it gets the effective Parameters with "
              + "$$.Task.Token resolved; the call's own result is ignored) and have the callback publish the "
              + Messages.TASK_TOKEN + " message (docs/task-tokens.md); in flowport run, mock the state");
      String action = type.endsWith(SUFFIX) ? type.substring(0, type.length() - SUFFIX.length()) : type;
      call = Call.of(type, Names.humanize(action.substring(action.lastIndexOf('.') + 1)), headers);
    }
    ctx.report().add(Code.ASL_CALLBACK, ctx.doc().at(name, "Resource"), name,
        "after the call, the state waits for message " + Messages.TASK_TOKEN + " with correlation key " + Vars.TASK_TOKEN
            + " (a new token per attempt); its " + Vars.TASK_OUTPUT + " is the result, " + Vars.TASK_ERROR + "/"
            + Vars.TASK_CAUSE + " the error, as SendTaskSuccess and SendTaskFailure give them", null);
    tokenPassed(ctx, name, state);
    heartbeat(ctx, name, state);
    ctx.report().converted(name + ": Task " + arn + " → subprocess: issue a task token, " + type + ", then wait for "
        + Messages.TASK_TOKEN);
    Map<String, String> source = new LinkedHashMap<>();
    source.put(Headers.SOURCE, name);
    Callback callback = new Callback(Call.of(JobTypes.ASL_TOKEN, "Issue task token", source),
        Call.of(JobTypes.ASL_CALLBACK, "Apply the answer", TaskConversion.dataHeaders(name, state, arn)));
    return new Step.Task(name, ctx.doc().at(name, null), Work.callback(call, callback),
        TaskLimits.of(ctx, name, state, true), TaskConversion.next(state),
        ErrorHandling.call(ctx, name, state), ErrorHandling.catchTargets(state));
  }

  /** The EMR job when the resource without the suffix is one the catalog maps without a wait (aws-sdk:emr:*). */
  private static Call emrCall(AslContext ctx, String name, JsonNode state, String arn, Map<String, String> headers) {
    var match = ctx.catalog().aslResource(arn.substring(0, arn.length() - SUFFIX.length()));
    if (match.isEmpty() || match.get().entry().waiter() != null || !EmrApis.exists(match.get().api())) {
      return null;
    }
    AslResource entry = match.get().entry();
    Checks.parameters(ctx, name, state, entry);
    if (entry.request() != null) {
      headers.put(Headers.REQUEST, TaskConversion.json(entry.request()));
    }
    // No result adapter: the state's result is the callback's answer, not the call's response.
    String api = match.get().api();
    return Call.of(JobTypes.emr(api), "EMR " + api, headers);
  }

  /**
   * Step Functions accepts a callback whose Parameters never pass the token on; then nobody can
   * answer it and only TimeoutSeconds ends the wait.
   */
  private static void tokenPassed(AslContext ctx, String name, JsonNode state) {
    boolean jsonata = io.flowport.runtime.asl.JsonataFlow.is(state);
    String field = jsonata ? "Arguments" : "Parameters";
    if (jsonata ? state.path(field).toString().contains("$states.context.Task.Token") : mentionsToken(state.path(field))) {
      return;
    }
    ctx.report().add(Code.ASL_TOKEN_NOT_PASSED, ctx.doc().at(name, state.has(field) ? field : "Resource"), name,
        name + " waits for a callback, but its " + field + " never use " + (jsonata ? "$states.context.Task.Token" : "$$.Task.Token")
            + ": nobody can answer it, so it "
            + (state.has("TimeoutSeconds") ? "fails with States.Timeout after TimeoutSeconds" : "waits forever")
            + ", as in Step Functions",
        "pass the token to the call, e.g. \"token.$\": \"$$.Task.Token\" in Parameters");
  }

  static boolean mentionsToken(JsonNode template) {
    if (template.isObject()) {
      for (var it = template.fields(); it.hasNext(); ) {
        var e = it.next();
        if (e.getKey().endsWith(".$") && e.getValue().isTextual() && e.getValue().asText().contains("$$.Task.Token")
            || mentionsToken(e.getValue())) {
          return true;
        }
      }
    } else if (template.isArray()) {
      for (JsonNode item : template) {
        if (mentionsToken(item)) {
          return true;
        }
      }
    }
    return false;
  }

  /** HeartbeatSeconds(Path), checked by TaskLimits: SendTaskHeartbeat is the heartbeat message. */
  private static void heartbeat(AslContext ctx, String name, JsonNode state) {
    String field = state.has("HeartbeatSeconds") ? "HeartbeatSeconds" : state.has("HeartbeatSecondsPath") ? "HeartbeatSecondsPath" : null;
    if (field == null) {
      return;
    }
    ctx.report().add(Code.ASL_HEARTBEAT, ctx.doc().at(name, field), name,
        field + " " + state.get(field) + " became a timer on the wait for the answer that message " + Messages.TASK_HEARTBEAT
            + " (correlation key " + Vars.TASK_TOKEN + ", what SendTaskHeartbeat was) restarts; when it fires, the state "
            + "fails with a heartbeat timeout (States.Timeout, as AWS records it)",
        "have whoever holds the token publish " + Messages.TASK_HEARTBEAT + " at least every HeartbeatSeconds (docs/task-tokens.md)");
  }

  private CallbackConversion() {}
}
