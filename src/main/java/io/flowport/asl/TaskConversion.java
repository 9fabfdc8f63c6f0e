package io.flowport.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowport.catalog.AslResource;
import io.flowport.catalog.Catalog;
import io.flowport.catalog.EmrApis;
import io.flowport.catalog.Waiter;
import io.flowport.contract.Headers;
import io.flowport.contract.JobTypes;
import io.flowport.contract.Messages;
import io.flowport.diag.BadInputException;
import io.flowport.ir.Call;
import io.flowport.ir.Names;
import io.flowport.ir.Step;
import io.flowport.ir.Wait;
import io.flowport.ir.Work;
import io.flowport.report.Code;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Task state → a call of the integration's EMR job, with a poll loop for {@code .sync}. */
final class TaskConversion {

  static final ObjectMapper JSON = new ObjectMapper();

  static final Set<String> KNOWN = Set.of("Type", "Comment", "Resource", "Parameters", "InputPath",
      "OutputPath", "ResultPath", "ResultSelector", "TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds",
      "HeartbeatSecondsPath", "Next", "End", "Retry", "Catch", "Assign", "Arguments", "Output", "QueryLanguage");
  static final Set<String> NOT_YET = Set.of("Credentials");

  /** Resources that look like EMR optimized integrations: {@code elasticmapreduce:<action>[.sync]}. */
  private static final Pattern EMR_LIKE =
      Pattern.compile("arn:aws:states:::elasticmapreduce:([a-zA-Z]+)(\\.sync|\\.waitForTaskToken)?");

  static Step convert(AslContext ctx, String name, JsonNode state) {
    boolean callback = state.path("Resource").asText().endsWith(CallbackConversion.SUFFIX);
    Unsupported.fields(ctx, name, state, KNOWN, NOT_YET);
    JsonNode resourceNode = state.get("Resource");
    if (resourceNode == null || !resourceNode.isTextual()) {
      throw new BadInputException(ctx.doc().at(name, "Resource"), "Task state '" + name + "' needs a Resource ARN");
    }
    String arn = resourceNode.asText();
    Resolved resolved = resolve(ctx, name, arn);
    if (resolved == null) {
      return callback ? CallbackConversion.convert(ctx, name, state, arn) : other(ctx, name, state, arn);
    }
    Checks.parameters(ctx, name, state, resolved.entry());

    Map<String, String> start = dataHeaders(name, state, arn);
    if (resolved.entry().request() != null) {
      start.put(Headers.REQUEST, json(resolved.entry().request()));
    }
    if (resolved.entry().result() != null) {
      start.put(Headers.RESULT, json(resolved.entry().result()));
    }
    if (resolved.entry().lookup() != null) {
      start.put(Headers.LOOKUP, json(JSON.valueToTree(resolved.entry().lookup())));
      ctx.report().add(Code.ASL_LOOKUP_BY_NAME, ctx.doc().at(name, "Resource"), name,
          "before " + resolved.api() + " the job calls " + resolved.entry().lookup().api()
              + " to find the id by name, as Step Functions does; when none or several match, the error is "
              + resolved.entry().lookup().notFound().error() + " and its cause text is flowport's (AWS does not document it)",
          null);
    }
    Work work;
    String service = resolved.entry().service();
    String type = JobTypes.of(service, resolved.api());
    String apiLabel = EmrApis.label(service) + " " + resolved.api();
    if (resolved.waiter() == null) {
      work = new Work(Call.of(type, apiLabel, start), null);
      ctx.report().converted(name + ": Task " + arn + " → service task " + type);
    } else {
      start.put(Headers.WAIT_ROLE, "start");
      Waiter w = resolved.waiter();
      Map<String, String> poll = dataHeaders(name, state, arn);
      poll.put(Headers.WAIT_ROLE, "poll");
      if (w.request() != null) {
        poll.put(Headers.REQUEST, json(w.request()));
      }
      poll.put(Headers.ACCEPTORS, json(JSON.valueToTree(w.acceptors())));
      poll.put(Headers.FAILURE, json(JSON.valueToTree(w.failure())));
      if (!w.output().equals("start")) {
        poll.put(Headers.WAIT_OUTPUT, w.output());
      }
      Wait wait = new Wait(Call.of(JobTypes.of(w.service(), w.api()), EmrApis.label(w.service()) + " " + w.api(), poll),
          Duration.ofSeconds(w.delay()), w.slowDelay() > 0 ? Duration.ofSeconds(w.slowDelay()) : null, w.slowAfter(), null);
      work = new Work(Call.of(type, apiLabel, start), wait);
      ctx.report().add(Code.ASL_SYNC_POLL, ctx.doc().at(name, "Resource"), name,
          arn + " became " + resolved.api() + " followed by a " + w.api() + " poll loop (every " + w.delay() + " s"
              + (w.slowDelay() > 0 ? ", every " + w.slowDelay() + " s after " + w.slowAfter() + " polls" : "")
              + ") with BPMN timers, as Step Functions polls", null);
      if (Messages.tracked(wait.poll().jobType())) {
        ctx.report().add(Code.EMR_TRACKED_WAIT, ctx.doc().at(name, "Resource"), name, Code.TRACKED_WAIT, null);
      }
      ctx.report().add(Code.ASL_CAUSE_TEXT, ctx.doc().at(name, "Resource"), name,
          "when the wait fails, the error is " + w.failure().error() + " as in Step Functions; its cause text is flowport's: "
              + w.failure().cause(), null);
      ctx.report().converted(name + ": Task " + arn + " → subprocess: " + type + ", then poll "
          + JobTypes.of(w.service(), w.api()) + " until " + w.name());
    }
    return new Step.Task(name, ctx.doc().at(name, null), work, TaskLimits.of(ctx, name, state, false), next(state),
        ErrorHandling.call(ctx, name, state), ErrorHandling.catchTargets(state));
  }

  private record Resolved(AslResource entry, String api, Waiter waiter) {}

  private static Resolved resolve(AslContext ctx, String name, String arn) {
    Catalog catalog = ctx.catalog();
    var match = catalog.aslResource(arn);
    if (match.isPresent()) {
      AslResource entry = match.get().entry();
      String api = match.get().api();
      if (!EmrApis.exists(entry.service(), api)) {
        throw new BadInputException(ctx.doc().at(name, "Resource"), "resource " + arn + " names " + api + ", which is not an "
            + EmrApis.label(entry.service()) + " API");
      }
      Waiter waiter = entry.waiter() == null ? null : catalog.waiter(entry.waiter()).orElseThrow();
      return new Resolved(entry, api, waiter);
    }
    Matcher m = EMR_LIKE.matcher(arn);
    if (m.matches()) {
      String action = m.group(1);
      String api = Character.toUpperCase(action.charAt(0)) + action.substring(1);
      String sdkArn = "arn:aws:states:::aws-sdk:emr:" + action;
      var sdk = catalog.aslResource(sdkArn);
      if (EmrApis.exists(api) && sdk.isPresent()) {
        ctx.report().add(Code.ASL_NOT_AN_INTEGRATION, ctx.doc().at(name, "Resource"), name,
            arn + " is not a Step Functions integration (the optimized EMR integration has no " + action
                + (m.group(2) == null ? "" : m.group(2)) + "); flowport calls EMR " + api + " once, like " + sdkArn,
            "use \"Resource\": \"" + sdkArn + "\"" + (m.group(2) == null ? "" : " (it returns at once; to wait, loop through a Wait state)"));
        return new Resolved(sdk.get().entry(), api, null);
      }
    }
    if (arn.contains(":elasticmapreduce") || arn.contains(":emr-")) {
      throw new BadInputException(ctx.doc().at(name, "Resource"),
          "no catalog entry maps EMR resource " + arn + " to a job yet; add one to a catalog file (see converters/)");
    }
    return null;
  }

  /**
   * A resource flowport has no worker for (Lambda, SNS, an activity...): a service task whose job
   * type is derived from the ARN, for the user's own worker to take (or a mock in `flowport run`).
   */
  private static Step other(AslContext ctx, String name, JsonNode state, String arn) {
    String type = OtherResources.jobType(arn);
    if (type == null) {
      throw new BadInputException(ctx.doc().at(name, "Resource"), "Resource '" + arn + "' is not a valid Step Functions resource ARN");
    }
    ctx.report().add(Code.ASL_OTHER_RESOURCE, ctx.doc().at(name, "Resource"), name,
        arn + " became a service task of job type " + type + "; flowport has no worker for it",
        "write a job worker for " + type + " with io.flowport.worker.AslTasks (it gets the state's effective Parameters "
            + "and applies the result as Step Functions does; see docs/own-workers.md); in flowport run, mock the state");
    ctx.report().converted(name + ": Task " + arn + " → service task " + type + " (your worker)");
    Work work = new Work(Call.of(type, Names.humanize(type.substring(type.lastIndexOf('.') + 1)), dataHeaders(name, state, arn)), null);
    return new Step.Task(name, ctx.doc().at(name, null), work, TaskLimits.of(ctx, name, state, false), next(state),
        ErrorHandling.call(ctx, name, state), ErrorHandling.catchTargets(state));
  }

  static String next(JsonNode state) {
    return state.has("Next") ? state.get("Next").asText() : null;
  }

  /**
   * Headers every job of this state carries: the state's own JSON, from which the worker applies
   * InputPath, Parameters, ResultSelector, ResultPath and OutputPath exactly as written.
   */
  static Map<String, String> dataHeaders(String name, JsonNode state, String arn) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put(Headers.SOURCE, name);
    h.put(Headers.DIALECT, "asl");
    h.put(Headers.ASL_RESOURCE, arn);
    h.put(Headers.ASL_STATE, json(state));
    return h;
  }

  static String json(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private TaskConversion() {}
}
