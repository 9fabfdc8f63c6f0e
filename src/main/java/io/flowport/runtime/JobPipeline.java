package io.flowport.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.flowport.contract.ElementTemplates;
import io.flowport.contract.Headers;
import io.flowport.contract.JobTypes;
import io.flowport.contract.Vars;
import io.flowport.runtime.asl.AslRuntimeException;
import io.flowport.runtime.asl.DataFlow;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Runs one job the way its source platform would: bind the request (ASL data flow or Airflow
 * templates), call EMR (or take a mock), adapt the result as the catalog says, and either finish
 * the task, report a wait as pending or done, or fail it with the source platform's error.
 */
public final class JobPipeline {

  private final Map<String, EmrCall> services;
  private final CreateOnce once;
  private final AslBinding asl;
  private final AirflowBinding airflow;
  private final AirflowJobs airflowJobs;
  private final TemplateBinding template = new TemplateBinding();
  private final Callbacks callbacks;
  private final DataFlow flow = DataFlow.standard();
  private final Supplier<Instant> clock;
  private final Tracking tracking;

  public JobPipeline(EmrCall emr, Mocks mocks, Supplier<Instant> clock) {
    this(emr, mocks, clock, CreateOnce.Settings.DEFAULT, Answers.NONE);
  }

  public JobPipeline(EmrCall emr, Mocks mocks, Supplier<Instant> clock, CreateOnce.Settings once) {
    this(Map.of(JobTypes.EMR, emr), mocks, clock, once, Answers.NONE);
  }

  /** @param answers publishes the answer of a mocked callback state */
  public JobPipeline(EmrCall emr, Mocks mocks, Supplier<Instant> clock, CreateOnce.Settings once, Answers answers) {
    this(Map.of(JobTypes.EMR, emr), mocks, clock, once, answers);
  }

  /** @param services the calls of each service, by its name in job types ({@code emr}, {@code emr-serverless}) */
  public JobPipeline(Map<String, EmrCall> services, Mocks mocks, Supplier<Instant> clock, CreateOnce.Settings once) {
    this(services, mocks, clock, once, Answers.NONE);
  }

  public JobPipeline(Map<String, EmrCall> services, Mocks mocks, Supplier<Instant> clock, CreateOnce.Settings once,
      Answers answers) {
    this(services, mocks, clock, once, answers, Tracking.OFF);
  }

  /** @param tracking the worker's watch over the resources of pending waits, or {@link Tracking#OFF} */
  public JobPipeline(Map<String, EmrCall> services, Mocks mocks, Supplier<Instant> clock, CreateOnce.Settings once,
      Answers answers, Tracking tracking) {
    this.clock = clock;
    this.tracking = tracking;
    this.services = Map.copyOf(services);
    EmrCall emr = services.get(JobTypes.EMR);
    this.once = new CreateOnce(emr, once, clock);
    this.asl = new AslBinding(mocks, clock);
    this.airflow = new AirflowBinding(mocks, clock);
    this.airflowJobs = new AirflowJobs(airflow, clock);
    this.callbacks = new Callbacks(asl, mocks, answers);
  }

  /** Handles a {@code flowport.emr.<api>} job. */
  public Outcome emr(Job job, String api) {
    return call(job, JobTypes.EMR, api);
  }

  /** Handles a {@code flowport.<service>.<api>} job, e.g. {@code flowport.emr-serverless.StartJobRun}. */
  public Outcome call(Job job, String service, String api) {
    try {
      Binding binding = binding(job);
      EmrCall target = service(service, binding);
      if ("poll".equals(job.header(Headers.WAIT_ROLE))) {
        return poll(job, service, api, binding, target);
      }
      JsonNode parameters = binding.parameters(job);
      JsonNode lookup = Lookups.wanted(AslBinding.json(job.header(Headers.LOOKUP)), parameters);
      JsonNode bound = lookup == null ? binding.request(job, parameters, null) : null;
      Optional<Mocks.Response> mocked = binding.mock(job);
      if (mocked.isPresent()) {
        return mocked(job, binding, mocked.get());
      }
      callbacks.checkAnswerable(job);
      Map<String, Object> kept = Map.of();
      if (lookup != null) {
        JsonNode found = call(binding, service, lookup.path("api").asText(),
            () -> Lookups.find(target, lookup, parameters, flow));
        String into = lookup.path("into").asText(null);
        if (into == null) {
          bound = binding.request(job, parameters, found);
        } else {
          kept = binding.keepFound(job, Lookups.into(into, found));
          bound = binding.request(job, Lookups.filled(parameters, into, found), null);
        }
      }
      JsonNode request = startsJobRun(service, api) ? JobRunTags.tagged(job, bound, binding.capitalizedNames()) : bound;
      Supplier<JsonNode> work = JobTypes.EMR.equals(service) ? () -> once.call(job, api, request)
          : () -> target.call(api, request, clientToken(job));
      JsonNode result = adapt(job, request, call(binding, service, api, work));
      if (Callbacks.isCall(job)) {
        return Callbacks.called();
      }
      Map<String, Object> vars = new LinkedHashMap<>(kept);
      if ("start".equals(job.header(Headers.WAIT_ROLE))) {
        vars.put(Vars.SYNC_RESULT, result);
        vars.put(Vars.WAIT_STATE, "pending");
        return new Outcome.Complete(vars);
      }
      vars.putAll(binding.finish(job, result));
      return new Outcome.Complete(vars);
    } catch (JobFailure f) {
      return f.outcome();
    }
  }

  /**
   * Handles a Task state whose service call is someone else's (a resource flowport has no worker
   * for: Lambda, SNS, an activity): the request is bound as Step Functions binds it, a mock answers
   * if the run has one, else {@code call} does; a {@link JobFailure} it throws is the state's error.
   */
  public Outcome task(Job job, UnaryOperator<JsonNode> call) {
    try {
      Binding binding = binding(job);
      JsonNode request = binding.request(job);
      Optional<Mocks.Response> mocked = binding.mock(job);
      if (mocked.isPresent()) {
        return mocked(job, binding, mocked.get());
      }
      callbacks.checkAnswerable(job);
      JsonNode result = call.apply(request);
      return Callbacks.isCall(job) ? Callbacks.called() : new Outcome.Complete(binding.finish(job, result));
    } catch (JobFailure f) {
      return f.outcome();
    }
  }

  /** Issues the task token of a callback state's attempt. */
  public Outcome token(Job job) {
    return callbacks.token(job);
  }

  /** Turns the answer to a callback into the state's output, or fails the state with its error. */
  public Outcome answer(Job job) {
    try {
      return callbacks.answer(job);
    } catch (JobFailure f) {
      return f.outcome();
    }
  }

  /** Handles a Choice job. */
  public Outcome choice(Job job) {
    try {
      return new Outcome.Complete(asl.choose(job));
    } catch (JobFailure f) {
      return f.outcome();
    }
  }

  /** An Airflow time sensor's target (see {@link AirflowJobs#time}). */
  public Outcome airflowTime(Job job) {
    return airflowJobs.time(job);
  }

  /** The delay before an Airflow task's next retry (see {@link AirflowJobs#retryDelay}). */
  public Outcome airflowRetryDelay(Job job) {
    return airflowJobs.retryDelay(job);
  }

  /** Caps what a template task stores in its result variable (flowport.results.max-size). */
  public JobPipeline resultLimit(long bytes) {
    template.limit(bytes);
    return this;
  }

  /** Handles the Retry/Catch decision of a Task state. */
  public Outcome error(Job job) {
    try {
      return new Outcome.Complete(asl.handleError(job));
    } catch (JobFailure f) {
      return f.outcome();
    }
  }

  /** Handles the job that lists a Parallel state's branch input or a Map state's iteration inputs. */
  public Outcome items(Job job) {
    try {
      return new Outcome.Complete(asl.items(job));
    } catch (JobFailure f) {
      return f.outcome();
    }
  }

  /** Handles the job that turns a Parallel or Map state's branch or iteration outputs into its output. */
  public Outcome collect(Job job) {
    try {
      return new Outcome.Complete(asl.collect(job));
    } catch (JobFailure f) {
      return f.outcome();
    }
  }

  /** Handles a Pass/Succeed/Wait data-flow job. */
  public Outcome pass(Job job) {
    try {
      return new Outcome.Complete(asl.pass(job));
    } catch (JobFailure f) {
      return f.outcome();
    }
  }

  /**
   * One poll of a wait. It also counts the polls (for intervals that slow down): a job's variables
   * propagate only when its task has no output mappings, so the count cannot be a FEEL mapping.
   * A pending wait on a tracked resource is handed to the tracker, which may wake the next poll;
   * what the tracker's last listing saw stands in for the describe call when it decides the same,
   * and when the EMR call budget is spent the poll leaves its look to the next listing.
   */
  private Outcome poll(Job job, String service, String api, Binding binding, EmrCall target) {
    JsonNode request = binding.pollRequest(job);
    JsonNode acceptors = AslBinding.json(job.header(Headers.ACCEPTORS));
    int counted = job.variable(Vars.POLL_COUNT).asInt(0);
    String previous = job.variable(Vars.WAIT_KEY).asText(null);
    if (previous != null) {
      tracking.forget(previous);
    }
    Tracking.Resource resource = TrackedResources.resource(job, request);
    JsonNode response = resource != null && TrackedResources.summaryDecides(job, acceptors)
        ? tracking.seen(resource).map(r -> resource.jobRun() ? TrackedResources.inNames(r, binding.capitalizedNames()) : r)
            .orElse(null) : null;
    // The call budget is EMR's (on EC2): EMR Serverless and EMR on EKS have their own quotas.
    if (response == null && resource != null && !resource.jobRun() && tracking.deferPoll()) {
      return pending(job, counted, JsonNodeFactory.instance.objectNode(), TrackedResources.unseen(job, resource));
    }
    if (response == null) {
      response = call(binding, service, api, () -> target.call(api, request));
    }
    int polls = counted + 1;
    return switch (Acceptors.evaluate(acceptors, response)) {
      case SUCCESS -> {
        JsonNode result = switch (String.valueOf(job.header(Headers.WAIT_OUTPUT))) {
          case "response" -> response;
          case "empty" -> JsonNodeFactory.instance.objectNode();
          default -> job.variable(Vars.SYNC_RESULT);
        };
        Map<String, Object> vars = new LinkedHashMap<>(binding.finish(job, result));
        vars.put(Vars.WAIT_STATE, "success");
        vars.put(Vars.POLL_COUNT, polls);
        yield new Outcome.Complete(vars);
      }
      case FAILURE -> {
        JsonNode failure = AslBinding.json(job.header(Headers.FAILURE));
        throw new JobFailure(failure.path("error").asText(), Acceptors.message(failure.path("cause").asText(null), response));
      }
      case RETRY, PENDING -> pending(job, polls, response,
          resource == null ? null : TrackedResources.watch(job, resource, response));
    };
  }

  /**
   * A wait that goes on, unless its source's polls ran out. Polls the source counts are counted
   * as time (the first poll plus {@link Headers#POLL_DEADLINE}) when the process says so: a
   * tracked wait polls on changes, not at the source's interval.
   *
   * @param watch what the tracker should watch for this wait, or null
   */
  private Outcome pending(Job job, int polls, JsonNode response, Tracking.Watch watch) {
    Instant now = clock.get();
    Instant deadline = null;
    if (job.header(Headers.POLL_DEADLINE) != null) {
      JsonNode set = job.variable(Vars.WAIT_DEADLINE);
      deadline = set.isTextual() ? Instant.parse(set.asText()) : now.plus(Duration.parse(job.header(Headers.POLL_DEADLINE)));
    }
    String max = job.header(Headers.MAX_POLLS);
    boolean exhausted = deadline != null ? !now.isBefore(deadline) : max != null && polls >= Integer.parseInt(max);
    if (exhausted) {
      JsonNode ran = AslBinding.json(job.header(Headers.EXHAUSTED));
      throw new JobFailure(ran.path("error").asText(), Acceptors.message(ran.path("cause").asText(null), response));
    }
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(Vars.WAIT_STATE, "pending");
    vars.put(Vars.POLL_COUNT, polls);
    if (deadline != null) {
      vars.put(Vars.WAIT_DEADLINE, deadline.toString());
    }
    Duration backoff = pokeBackoff(job, polls, now, vars);
    if (watch != null) {
      Optional<Duration> fallback = tracking.watch(watch);
      vars.put(Vars.WAIT_KEY, watch.key());
      // The fallback poll comes no later than the deadline, so a wait ends when its source's would.
      Instant until = deadline;
      Duration next = fallback.map(d -> until == null || now.plus(d).isBefore(until) ? d : Duration.between(now, until))
          .orElse(null);
      // Nor later than the sensor's own back-off would poke again.
      if (backoff != null && (next == null || backoff.compareTo(next) < 0)) {
        next = backoff;
      }
      vars.put(Vars.WAIT_DELAY, next == null ? null : next.toString());
    } else if (backoff != null) {
      vars.put(Vars.WAIT_DELAY, backoff.toString());
    }
    return new Outcome.Complete(vars);
  }

  /**
   * A sensor's next interval with exponential_backoff (Airflow's _get_next_poke_interval after poke
   * {@code pokes}), or null without it. Airflow hashes the sensor's start, which only its worker
   * knows (time.monotonic() in poke mode): flowport hashes the first poll's time (FP428).
   */
  private Duration pokeBackoff(Job job, int pokes, Instant now, Map<String, Object> vars) {
    String header = job.header(Headers.AIRFLOW_POKE_BACKOFF);
    if (header == null) {
      return null;
    }
    JsonNode spec = AslBinding.json(header);
    JsonNode set = job.variable(Vars.POKE_START);
    Instant start = set.isTextual() ? Instant.parse(set.asText()) : now;
    vars.put(Vars.POKE_START, start.toString());
    double ran = Duration.between(start, now).toNanos() / 1e9;
    JsonNode maxWait = spec.path("max_wait");
    double seconds = io.flowport.runtime.airflow.Backoff.pokeInterval(job.header(Headers.AIRFLOW_DAG_ID),
        job.header(Headers.AIRFLOW_TASK_ID), io.flowport.runtime.airflow.Backoff.pythonStr(start), pokes,
        spec.path("poke_interval").asDouble(), spec.path("timeout").asDouble(), ran,
        maxWait.isNumber() ? maxWait.asDouble() : null);
    return Duration.ofNanos(Math.round(Math.max(0, seconds) * 1e9));
  }

  /** A mocked task: Return is the result before ResultSelector; Throw fails the task. */
  private Outcome mocked(Job job, Binding binding, Mocks.Response response) {
    if (Callbacks.isCall(job)) {
      return callbacks.answerWithMock(job, response);
    }
    if (response.isThrow()) {
      throw new JobFailure(response.error(), response.cause());
    }
    Map<String, Object> vars = new LinkedHashMap<>(binding.finish(job, response.result()));
    if (job.header(Headers.WAIT_ROLE) != null) {
      vars.put(Vars.WAIT_STATE, "success");
    }
    return new Outcome.Complete(vars);
  }

  private static JsonNode call(Binding binding, String service, String api, Supplier<JsonNode> call) {
    try {
      return call.get();
    } catch (EmrCall.ServiceException e) {
      if (e.retryable()) {
        throw e;
      }
      throw binding.serviceError(service, api, e);
    }
  }

  /** The service's calls, with the names the source language uses (Step Functions': ApplicationId). */
  private EmrCall service(String service, Binding binding) {
    EmrCall call = services.get(service);
    if (call == null) {
      throw new IllegalStateException("this worker has no client for AWS service " + service);
    }
    return binding.capitalizedNames() ? call.capitalizedNames() : call;
  }

  /** A job run the reaper cancels after its instance (docs/cleanup.md): it gets flowport's tags. */
  private static boolean startsJobRun(String service, String api) {
    return "StartJobRun".equals(api) && (JobTypes.EMR_SERVERLESS.equals(service) || JobTypes.EMR_CONTAINERS.equals(service));
  }

  /**
   * The idempotency token of a creating call that has one (StartJobRun, CreateApplication): the
   * task's activation, the same for every delivery and retry of its job, as CreateOnce's run key.
   */
  static String clientToken(Job job) {
    return "flowport-" + job.elementInstanceKey();
  }

  /** The result adapter reads the response as {@code $} and the request as {@code $$.Request}. */
  private JsonNode adapt(Job job, JsonNode request, JsonNode raw) {
    JsonNode template = AslBinding.json(job.header(Headers.RESULT));
    if (template == null) {
      return raw;
    }
    try {
      return Templates.apply(flow, template, raw, request);
    } catch (AslRuntimeException e) {
      throw new IllegalStateException("the catalog's result adapter " + template + " does not fit the response: " + e.cause(), e);
    }
  }

  private Binding binding(Job job) {
    String dialect = job.header(Headers.DIALECT);
    if ("asl".equals(dialect)) {
      return asl;
    }
    if ("airflow".equals(dialect)) {
      return airflow;
    }
    if (ElementTemplates.DIALECT.equals(dialect)) {
      return template;
    }
    throw new IllegalStateException("job " + job.type() + " at " + job.elementId() + " has unknown dialect '" + dialect + "'");
  }
}
