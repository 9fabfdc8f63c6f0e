package io.flowport.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows one process instance through the engine's record stream: prints a progress line per
 * named element entered or completed (wall time and source time), keeps the process-level
 * variables, and stops at the end of the instance, at the first incident, or at the deadline.
 */
final class RunWatcher {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** How the watch ended. */
  sealed interface End {
    /** The instance completed; {@code endEvent} is the id of the process-level end event reached. */
    record Completed(String endEvent) implements End {}

    record Incident(String message, String elementId, String source) implements End {}

    record TimedOut(Duration after) implements End {}
  }

  private final ZeebeTestEngine engine;
  private final RunClock clock;
  private final Map<String, ElementInfo> elements;
  private final PrintWriter progress;
  private final Map<String, JsonNode> variables = new LinkedHashMap<>();
  private final List<String> trace = new ArrayList<>();
  private int seen;
  /** Jobs of the instance a worker has or is about to take; source time runs at wall speed meanwhile. */
  private final java.util.Set<Long> openJobs = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private volatile long lastActivity = System.nanoTime();
  private volatile boolean watching;
  private JsonNode lastError;
  private String lastRaised;

  RunWatcher(ZeebeTestEngine engine, RunClock clock, Map<String, ElementInfo> elements, PrintWriter progress) {
    this.engine = engine;
    this.clock = clock;
    this.elements = elements;
    this.progress = progress;
  }

  /**
   * Whether the instance only waits: no job open, and no record of the engine's work (job polling
   * aside) for {@link #QUIET_MS}; false until the engine has started the instance.
   */
  boolean idle() {
    return watching && openJobs.isEmpty() && System.nanoTime() - lastActivity > QUIET_MS * 1_000_000;
  }

  private static final long QUIET_MS = 30;

  End await(long instance, Duration wallTimeout) throws InterruptedException {
    long deadline = System.nanoTime() + wallTimeout.toNanos();
    String lastEnd = null;
    while (true) {
      List<Record<?>> records = records();
      while (seen < records.size()) {
        Record<?> r = records.get(seen++);
        activity(r, instance);
        if (r.getValueType() == ValueType.PROCESS_INSTANCE && r.getValue() instanceof ProcessInstanceRecordValue v
            && v.getProcessInstanceKey() == instance) {
          // Time runs fast only once the engine has taken the instance up (its clock is then current).
          watching = true;
          if (v.getBpmnElementType() == BpmnElementType.PROCESS && r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED) {
            return new End.Completed(lastEnd);
          }
          if (v.getBpmnElementType() == BpmnElementType.END_EVENT && v.getFlowScopeKey() == instance
              && r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED) {
            lastEnd = v.getElementId();
          }
          element(r, v);
        } else if (r.getValueType() == ValueType.VARIABLE && r.getValue() instanceof VariableRecordValue v
            && v.getProcessInstanceKey() == instance) {
          if (v.getScopeKey() == instance) {
            variables.put(v.getName(), parse(v.getValue()));
          }
          raised(v);
        } else if (r.getValueType() == ValueType.INCIDENT && r.getIntent() == IncidentIntent.CREATED
            && r.getValue() instanceof IncidentRecordValue v && v.getProcessInstanceKey() == instance) {
          ElementInfo info = elements.get(v.getElementId());
          return new End.Incident(v.getErrorType() + ": " + v.getErrorMessage(), v.getElementId(), info == null ? null : info.source());
        }
      }
      if (System.nanoTime() > deadline) {
        return new End.TimedOut(wallTimeout);
      }
      Thread.sleep(10);
    }
  }

  /** Keeps {@link #idle} current: the engine's own work and the instance's open jobs. */
  private void activity(Record<?> r, long instance) {
    if (r.getValueType() == ValueType.JOB_BATCH) {
      return;
    }
    lastActivity = System.nanoTime();
    if (r.getValueType() != ValueType.JOB || r.getRecordType() != RecordType.EVENT
        || !(r.getValue() instanceof JobRecordValue v) || v.getProcessInstanceKey() != instance) {
      return;
    }
    switch ((JobIntent) r.getIntent()) {
      case CREATED, RECURRED_AFTER_BACKOFF, TIMED_OUT, YIELDED -> openJobs.add(r.getKey());
      // A job failed with a back-off waits like a timer; one failed without comes back at once.
      case FAILED -> {
        if (v.getRetries() > 0 && v.getRetryBackoff() <= 0) {
          openJobs.add(r.getKey());
        } else {
          openJobs.remove(r.getKey());
        }
      }
      case RETRIES_UPDATED -> {
        if (v.getRetries() > 0) {
          openJobs.add(r.getKey());
        }
      }
      case COMPLETED, ERROR_THROWN, CANCELED -> openJobs.remove(r.getKey());
      default -> { }
    }
  }

  /** Prints the error and cause a failure carries, once, where the error is caught. */
  private void raised(VariableRecordValue v) {
    if (v.getName().equals(io.flowport.contract.Vars.ERROR)) {
      lastError = parse(v.getValue());
    } else if (v.getName().equals(io.flowport.contract.Vars.CAUSE) && lastError != null && !lastError.isNull()) {
      JsonNode cause = parse(v.getValue());
      String key = lastError.asText() + ": " + (cause.isNull() ? "" : cause.asText());
      if (!key.equals(lastRaised)) {
        progress.println(prefix() + "raised    " + key);
        lastRaised = key;
      }
    }
  }

  @SuppressWarnings("unchecked")
  private List<Record<?>> records() {
    Iterable<Record<?>> all = engine.getRecordStreamSource().getRecords();
    if (all instanceof List<?> list) {
      return (List<Record<?>>) list;
    }
    List<Record<?>> copy = new ArrayList<>();
    all.forEach(copy::add);
    return copy;
  }

  private void element(Record<?> r, ProcessInstanceRecordValue v) {
    ElementInfo info = elements.get(v.getElementId());
    if (info == null) {
      return;
    }
    String verb;
    if (r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED) {
      verb = "entered  ";
      if (info.primary()) {
        trace.add(info.source());
      }
    } else if (r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED) {
      verb = "completed";
    } else if (r.getIntent() == ProcessInstanceIntent.ELEMENT_TERMINATED) {
      verb = "stopped  ";
    } else {
      return;
    }
    if (info.name() == null || info.name().isBlank()) {
      return;
    }
    progress.println(prefix() + verb + " " + info.name() + (info.source() == null ? "" : "  [" + info.source() + "]"));
  }

  /** {@code   1.23s  +00:06:00}: wall seconds since the command started, source time since the instance started. */
  String prefix() {
    double wall = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
    long s = clock.sourceElapsed().toSeconds();
    return String.format("%7.2fs  +%02d:%02d:%02d  ", wall, s / 3600, s / 60 % 60, s % 60);
  }

  Map<String, JsonNode> variables() {
    return variables;
  }

  List<String> trace() {
    return trace;
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("variable value is not JSON: " + json, e);
    }
  }
}
