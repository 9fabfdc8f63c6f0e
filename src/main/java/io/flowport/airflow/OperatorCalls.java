package io.flowport.airflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.airflow.parse.Arg;
import io.flowport.airflow.parse.TaskDef;
import io.flowport.catalog.Acceptor;
import io.flowport.catalog.AirflowOperator;
import io.flowport.catalog.EmrApis;
import io.flowport.catalog.Lookup;
import io.flowport.catalog.Waiter;
import io.flowport.contract.Headers;
import io.flowport.contract.JobTypes;
import io.flowport.contract.Messages;
import io.flowport.diag.BadInputException;
import io.flowport.ir.Call;
import io.flowport.ir.Wait;
import io.flowport.ir.Work;
import io.flowport.report.Code;
import io.flowport.report.Report;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The EMR calls of a catalog operator's task: its phases and their waits (waiter_delay,
 * waiter_max_attempts, wait_for_completion or a wait policy), its lookup by name, and the
 * acceptors with the task's argument values in place.
 */
final class OperatorCalls {

  private static final ObjectMapper JSON = TaskConversion.JSON;

  private final TaskDef task;
  private final Map<String, Arg> args;
  private final Report report;

  OperatorCalls(TaskDef task, Map<String, Arg> args, Report report) {
    this.task = task;
    this.args = args;
    this.report = report;
  }

  /** The operator's lookup by name (EmrAddStepsOperator's job_flow_name), when the task asks for it. */
  void lookup(AirflowOperator op, ObjectNode values, Map<String, String> h) {
    Lookup l = op.lookup();
    if (l == null || (l.when() != null && (values.path(l.when()).isNull() || values.path(l.when()).isMissingNode()))) {
      return;
    }
    h.put(Headers.LOOKUP, JSON.valueToTree(l).toString());
    report.add(Code.AIRFLOW_LOOKUP, task.location(), task.taskId(), op.simpleName() + " finds "
        + (l.into() == null ? "its target" : l.into()) + " by " + l.when() + " with " + l.api()
        + " (every page) before its first call, as the provider's hook does", null);
  }

  /**
   * An operator of several calls: each phase is its call and, when the operator waits, a poll loop
   * with the operator's waiter_delay; its waiter_max_attempts polls end the wait with the waiter's
   * exhausted error. The XCom comes from the first call; later calls read it as $$.Xcom.
   */
  Work phases(AirflowOperator op, ObjectNode values, Map<String, String> common) {
    Duration delay = op.waiterDelay() == null ? null : Duration.ofSeconds(staticInt(values, op.waiterDelay()));
    // None (EmrContainerOperator's max_polling_attempts default) polls until the run ends.
    boolean unbounded = op.waiterAttempts() != null && values.path(op.waiterAttempts()).isNull();
    Integer attempts = op.waiterAttempts() == null || unbounded ? null : staticInt(values, op.waiterAttempts());
    Work work = null;
    boolean waits = false;
    List<AirflowOperator.Phase> phases = op.phases();
    for (int i = phases.size() - 1; i >= 0; i--) {
      AirflowOperator.Phase p = phases.get(i);
      Map<String, String> h = new LinkedHashMap<>(common);
      if (p.request() != null) {
        h.put(Headers.REQUEST, p.request().toString());
      }
      if (i == 0 && op.xcom() != null) {
        h.put(Headers.AIRFLOW_XCOM, op.xcom().toString());
      }
      if (i == 0) {
        lookup(op, values, h);
      }
      if (i == 0 && op.merge() != null) {
        h.put(Headers.AIRFLOW_MERGE, op.merge());
      }
      Wait wait = null;
      Waiter s = waiter(p, values);
      if (s != null) {
        Map<String, String> ph = new LinkedHashMap<>(common);
        if (s.request() != null) {
          ph.put(Headers.REQUEST, s.request().toString());
        }
        if (i == 0 && op.xcom() != null) {
          ph.put(Headers.AIRFLOW_XCOM, op.xcom().toString());
        }
        ph.put(Headers.WAIT_ROLE, "poll");
        ph.put(Headers.ACCEPTORS, acceptors(s.acceptors(), values).toString());
        ph.put(Headers.FAILURE, JSON.valueToTree(s.failure()).toString());
        if (attempts != null && s.exhausted() != null) {
          // Airflow polls at once after the call, flowport after the first interval: one poll less ends at the same time.
          ph.put(Headers.MAX_POLLS, Integer.toString(Math.max(1, attempts - 1)));
          ph.put(Headers.EXHAUSTED, JSON.valueToTree(s.exhausted()).toString());
          if (Messages.tracked(JobTypes.of(s.service(), s.api()))) {
            // A tracked wait polls on changes, not every waiter_delay: its polls are counted as the time they take.
            int polls = Math.max(1, attempts - 1);
            Duration every0 = delay != null ? delay : Duration.ofSeconds(s.delay());
            ph.put(Headers.POLL_DEADLINE, every0.multipliedBy(polls - 1).toString());
            report.add(Code.EMR_POLLS_AS_DEADLINE, task.location(), task.taskId(), "waiter_max_attempts " + attempts
                + " × waiter_delay " + every0.toSeconds() + " s became a deadline of " + every0.multipliedBy(attempts - 1L).toSeconds()
                + " s after " + p.api() + ": the wait fails with the waiter's error at its first poll from then on, as Airflow's last"
                + " attempt would, but polls woken by the tracker do not count as attempts", null);
          }
        }
        h.put(Headers.WAIT_ROLE, "start");
        Duration every = delay != null ? delay : Duration.ofSeconds(s.delay());
        wait = new Wait(Call.of(JobTypes.of(s.service(), s.api()), EmrApis.label(s.service()) + " " + s.api(), ph), every, null, 0, null);
        waits = true;
        if (Messages.tracked(JobTypes.of(s.service(), s.api()))) {
          report.add(Code.EMR_TRACKED_WAIT, task.location(), task.taskId(), p.api() + ": " + Code.TRACKED_WAIT, null);
        }
        untracked(s);
      }
      work = Work.then(Call.of(JobTypes.of(op.service(), p.api()), EmrApis.label(op.service()) + " " + p.api(), h), wait, work);
    }
    // An operator that waits for nothing (wait_for_completion=False) is one plain call: nothing to say.
    if (waits && (attempts != null || unbounded)) {
      report.add(Code.AIRFLOW_OPERATOR_WAIT, task.location(), task.taskId(), op.simpleName() + " became "
          + op.phases().stream().map(AirflowOperator.Phase::api).collect(java.util.stream.Collectors.joining(", then "))
          + (delay == null ? "" : ", each waited for with a poll every " + delay.toSeconds() + " s, "
              + (unbounded ? "until it ends" : "at most " + attempts + " polls")), null);
    }
    for (AirflowOperator.Phase p : op.phases()) {
      Waiter s = waiter(p, values);
      if (s != null && s.review() != null) {
        report.add(Code.AIRFLOW_NOT_REPRODUCED, task.location(), task.taskId(), op.simpleName() + ": " + s.review(), null);
      }
    }
    return work;
  }

  /**
   * The waiter a phase waits with, or null when it does not wait: the one its policy argument
   * names (which waits even with wait_for_completion=False, as the provider does, with a warning),
   * else its waiter when waitWhen is true or absent.
   */
  private Waiter waiter(AirflowOperator.Phase p, ObjectNode values) {
    if (p.policy() != null && values.path(p.policy().argument()).isTextual()) {
      return p.policy().waiters().get(values.get(p.policy().argument()).asText());
    }
    return p.waiter() != null && (p.waitWhen() == null || staticBool(values, p.waitWhen())) ? p.waiter() : null;
  }

  /** The provider warns (UserWarning) when wait_policy is set and wait_for_completion is False, and waits. */
  void deprecatedWait(AirflowOperator op, ObjectNode values) {
    for (AirflowOperator.Phase p : op.phases()) {
      if (p.policy() != null && p.waitWhen() != null && values.path(p.policy().argument()).isTextual()
          && args.containsKey(p.waitWhen()) && values.path(p.waitWhen()).isBoolean() && !values.get(p.waitWhen()).asBoolean()) {
        report.add(Code.AIRFLOW_DEPRECATED_ARGS, args.get(p.waitWhen()).location(), task.taskId(), op.simpleName() + ": "
            + p.policy().argument() + " with " + p.waitWhen() + "=False still waits (\"Setting wait_policy while"
            + " wait_for_completion is False is deprecated\")", "remove " + p.waitWhen() + "=False, or set it True");
      }
    }
  }

  static AirflowOperator.WaitPolicy policy(AirflowOperator op, String name) {
    return op.phases().stream().map(AirflowOperator.Phase::policy)
        .filter(w -> w != null && w.argument().equals(name)).findFirst().orElse(null);
  }

  void untracked(Waiter s) {
    if (Messages.untracked(JobTypes.of(s.service(), s.api()))) {
      report.add(Code.EMR_UNTRACKED_WAIT, task.location(), task.taskId(), s.api() + " is polled by this instance at every"
          + " interval: the worker's tracker does not list notebook executions, so each wait costs one call per poll", null);
    }
  }

  private int staticInt(ObjectNode values, String name) {
    JsonNode v = values.get(name);
    if (v == null || !v.canConvertToInt()) {
      throw new BadInputException(args.containsKey(name) ? args.get(name).location() : task.location(),
          name + " must be a whole number here (a template is not supported yet)");
    }
    return v.asInt();
  }

  private boolean staticBool(ObjectNode values, String name) {
    JsonNode v = values.get(name);
    if (v == null || !v.isBoolean()) {
      throw new BadInputException(args.containsKey(name) ? args.get(name).location() : task.location(),
          name + " must be True or False here (a template is not supported yet)");
    }
    return v.asBoolean();
  }

  /** Acceptors with argument references replaced by the argument's (static) value. */
  JsonNode acceptors(List<Acceptor> acceptors, ObjectNode values) {
    ArrayNode out = JSON.createArrayNode();
    for (Acceptor a : acceptors) {
      JsonNode expected = a.expected();
      if (expected.has("argument")) {
        String name = expected.get("argument").asText();
        expected = values.get(name);
        if (expected == null) {
          throw new IllegalStateException("catalog acceptor names argument " + name + ", which has no value or default");
        }
        if (expected.toString().contains("{{") || expected.toString().contains("{%")) {
          throw new BadInputException(args.get(name).location(), name + " with a Jinja template is not supported yet");
        }
      }
      ObjectNode n = out.addObject();
      n.put("matcher", a.matcher());
      n.put("argument", a.argument());
      n.set("expected", expected);
      n.put("state", a.state());
    }
    return out;
  }
}
