package io.flowport.embedded;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import io.flowport.bpmn.BpmnGenerator;
import io.flowport.catalog.Catalog;
import io.flowport.convert.Converters;
import io.flowport.ir.Workflow;
import io.flowport.runtime.Mocks;
import io.flowport.simulator.SimulatorConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs generated processes on the Zeebe Process Test engine with flowport's real workers and EMR
 * simulator, driving source time by hand: each step advances the shared clock and then waits
 * until every job created so far has been handled and the engine is idle, so runs are repeatable
 * and never wait in real time.
 */
final class Harness implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();

  final ZeebeTestEngine engine;
  final EmbeddedRuntime runtime;

  Harness(ZeebeTestEngine engine, SimulatorConfig simulator, Mocks mocks) {
    this(engine, simulator, mocks, Map.of());
  }

  /** @param properties Spring properties for the workers */
  Harness(ZeebeTestEngine engine, SimulatorConfig simulator, Mocks mocks, Map<String, String> properties) {
    this.engine = engine;
    this.runtime = EmbeddedRuntime.start(engine, 1.0, simulator, mocks, properties);
  }

  static Workflow convert(Path file) {
    return new Converters(Catalog.builtIn()).convert(file).get(0).workflow();
  }

  long start(Workflow workflow, Map<String, Object> variables) {
    String xml = new BpmnGenerator().toXml(workflow);
    runtime.client().newDeployResourceCommand().addResourceStringUtf8(xml, workflow.id() + ".bpmn").send().join();
    return runtime.client().newCreateInstanceCommand().bpmnProcessId(workflow.id()).latestVersion()
        .variables(variables).send().join().getProcessInstanceKey();
  }

  /** Advances source time in steps until the instance ends; fails past {@code limit}. Returns the source time used. */
  Duration runToEnd(long instance, Duration step, Duration limit) throws Exception {
    Duration used = Duration.ZERO;
    settle(instance);
    while (!ended(instance) && incident(instance) == null) {
      if (used.compareTo(limit) >= 0) {
        throw new AssertionError("instance " + instance + " did not end within " + limit + " of source time; "
            + "its last records:\n" + tail(instance, 40));
      }
      runtime.clock().advance(step);
      used = used.plus(step);
      settle(instance);
      String stuck = overdueTimer(instance, Duration.ofMinutes(5).plus(step));
      if (stuck != null) {
        // Seen on loaded machines: zeebe-process-test's due-date checker stops triggering timers
        // (camunda/camunda#17258); the instance would wait forever. Fail now, with the evidence.
        throw new AssertionError("the engine did not trigger " + stuck + " of instance " + instance
            + " (zeebe-process-test's timer checker stalled); its last records:\n" + tail(instance, 20));
      }
    }
    return used;
  }

  /**
   * Waits (polling the records, up to 30 s wall) until no job of the instance is open and no new
   * record of the instance has appeared for a while. The engine itself never looks idle here:
   * the workers' job polling writes commands all the time.
   */
  void settle(long instance) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    long last = -1;
    int quiet = 0;
    while (System.nanoTime() < deadline) {
      Thread.sleep(40);
      long count = instanceRecords(instance);
      if (count == last && openJobs(instance) == 0) {
        if (++quiet >= 3) {
          return;
        }
      } else {
        quiet = 0;
      }
      last = count;
    }
    throw new AssertionError("instance " + instance + " did not settle within 30 s; its last records:\n" + tail(instance, 40));
  }

  /**
   * Advances source time by {@code step} until every instance ended or has an incident; fails past
   * {@code limit}. Returns the source time used.
   */
  Duration runAll(List<Long> instances, Duration step, Duration limit) throws Exception {
    Duration used = Duration.ZERO;
    settleAll();
    while (!instances.stream().allMatch(i -> ended(i) || incident(i) != null)) {
      if (used.compareTo(limit) >= 0) {
        throw new AssertionError("instances still running after " + limit + " of source time");
      }
      runtime.clock().advance(step);
      used = used.plus(step);
      settleAll();
    }
    return used;
  }

  /** The simulator's count of calls of this operation so far. */
  int calls(String api) {
    return runtime.simulator().calls().getOrDefault(api, 0);
  }

  /** {@link #settle} for all instances at once, for tests that run many. */
  void settleAll() throws Exception {
    settleAll(Duration.ofSeconds(30));
  }

  /** The same, waiting up to {@code limit} of wall time (throttled runs take long to settle). */
  void settleAll(Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    long last = -1;
    int quiet = 0;
    while (System.nanoTime() < deadline) {
      Thread.sleep(40);
      List<Record<?>> records = records();
      long count = records.stream()
          .filter(r -> r.getValue() instanceof io.camunda.zeebe.protocol.record.value.ProcessInstanceRelated).count();
      int open = openJobs(records, null);
      if (count == last && open == 0) {
        if (++quiet >= 3) {
          return;
        }
      } else {
        quiet = 0;
      }
      last = count;
    }
    throw new AssertionError("instances did not settle within " + limit);
  }

  private long instanceRecords(long instance) {
    long n = 0;
    for (Record<?> r : records()) {
      if (r.getValue() instanceof io.camunda.zeebe.protocol.record.value.ProcessInstanceRelated v && v.getProcessInstanceKey() == instance) {
        n++;
      }
    }
    return n;
  }

  private long openJobs(long instance) {
    return openJobs(records(), instance);
  }

  /**
   * Jobs a worker may hold or is about to take: created, recurred after a back-off, timed out,
   * or failed with retries left and no back-off. A job waiting out a back-off is not open: only
   * advancing the clock brings it back.
   */
  private static int openJobs(List<Record<?>> records, Long instance) {
    Map<Long, Boolean> open = new LinkedHashMap<>();
    for (Record<?> r : records) {
      if (r.getValueType() != ValueType.JOB || r.getRecordType() != io.camunda.zeebe.protocol.record.RecordType.EVENT
          || !(r.getValue() instanceof JobRecordValue v) || (instance != null && v.getProcessInstanceKey() != instance)) {
        continue;
      }
      JobIntent intent = (JobIntent) r.getIntent();
      switch (intent) {
        case CREATED, RECURRED_AFTER_BACKOFF, TIMED_OUT, YIELDED -> open.put(r.getKey(), true);
        case FAILED -> {
          if (v.getRetries() > 0 && v.getRetryBackoff() <= 0) {
            open.put(r.getKey(), true);
          } else {
            open.remove(r.getKey());
          }
        }
        case RETRIES_UPDATED -> {
          if (v.getRetries() > 0) {
            open.put(r.getKey(), true);
          }
        }
        case COMPLETED, ERROR_THROWN, CANCELED -> open.remove(r.getKey());
        default -> { }
      }
    }
    return open.size();
  }

  /** A timer of the instance still waiting although its due date is {@code late} or more in the past, or null. */
  String overdueTimer(long instance, Duration late) {
    Map<Long, io.camunda.zeebe.protocol.record.value.TimerRecordValue> waiting = new LinkedHashMap<>();
    for (Record<?> r : records()) {
      if (r.getValueType() == ValueType.TIMER && r.getRecordType() == io.camunda.zeebe.protocol.record.RecordType.EVENT
          && r.getValue() instanceof io.camunda.zeebe.protocol.record.value.TimerRecordValue t && t.getProcessInstanceKey() == instance) {
        if (r.getIntent() == io.camunda.zeebe.protocol.record.intent.TimerIntent.CREATED) {
          waiting.put(r.getKey(), t);
        } else {
          waiting.remove(r.getKey());
        }
      }
    }
    long now = runtime.clock().now().toEpochMilli();
    return waiting.values().stream().filter(t -> t.getDueDate() < now - late.toMillis()).findFirst()
        .map(t -> "timer " + t.getTargetElementId() + " due " + java.time.Instant.ofEpochMilli(t.getDueDate())
            + " (now " + runtime.clock().now() + ")")
        .orElse(null);
  }

  /** The instance's last records, one line each, for a failure message. */
  String tail(long instance, int n) {
    List<String> lines = new ArrayList<>();
    for (Record<?> r : records()) {
      if (r.getValue() instanceof io.camunda.zeebe.protocol.record.value.ProcessInstanceRelated v && v.getProcessInstanceKey() == instance) {
        String what = switch (r.getValue()) {
          case ProcessInstanceRecordValue p -> p.getElementId();
          case JobRecordValue j -> j.getType() + " retries=" + j.getRetries() + " backoff=" + j.getRetryBackoff()
              + (j.getErrorMessage().isEmpty() ? "" : " msg=" + j.getErrorMessage().lines().findFirst().orElse(""));
          case io.camunda.zeebe.protocol.record.value.TimerRecordValue t -> t.getTargetElementId() + " due=" + java.time.Instant.ofEpochMilli(t.getDueDate());
          case VariableRecordValue var -> var.getName();
          default -> "";
        };
        lines.add(java.time.Instant.ofEpochMilli(r.getTimestamp()) + " " + r.getRecordType() + " " + r.getValueType() + " "
            + r.getIntent() + " " + what);
      }
    }
    return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()))
        + "\nclock now: " + runtime.clock().now();
  }

  boolean ended(long instance) {
    for (Record<?> r : records()) {
      if (r.getValueType() == ValueType.PROCESS_INSTANCE && r.getValue() instanceof ProcessInstanceRecordValue v
          && v.getProcessInstanceKey() == instance && v.getBpmnElementType() == BpmnElementType.PROCESS
          && (r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED || r.getIntent() == ProcessInstanceIntent.ELEMENT_TERMINATED)) {
        return true;
      }
    }
    return false;
  }

  /** The message of the instance's first incident, or null. */
  String incident(long instance) {
    for (Record<?> r : records()) {
      if (r.getValueType() == ValueType.INCIDENT && r.getIntent() == io.camunda.zeebe.protocol.record.intent.IncidentIntent.CREATED
          && r.getValue() instanceof io.camunda.zeebe.protocol.record.value.IncidentRecordValue v && v.getProcessInstanceKey() == instance) {
        return v.getErrorType() + ": " + v.getErrorMessage();
      }
    }
    return null;
  }

  /** Engine-clock times (ms) at which an element of the instance was activated, in order. */
  List<Long> activations(long instance, String elementId) {
    List<Long> out = new ArrayList<>();
    for (Record<?> r : records()) {
      if (r.getValueType() == ValueType.PROCESS_INSTANCE && r.getValue() instanceof ProcessInstanceRecordValue v
          && v.getProcessInstanceKey() == instance && v.getElementId().equals(elementId)
          && r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED) {
        out.add(r.getTimestamp());
      }
    }
    return out;
  }

  /** Ids of the elements of the instance that completed, in order. */
  List<String> completed(long instance) {
    List<String> out = new ArrayList<>();
    for (Record<?> r : records()) {
      if (r.getValueType() == ValueType.PROCESS_INSTANCE && r.getValue() instanceof ProcessInstanceRecordValue v
          && v.getProcessInstanceKey() == instance && r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED) {
        out.add(v.getElementId());
      }
    }
    return out;
  }

  /** The latest value of each process-level variable. */
  Map<String, JsonNode> variables(long instance) throws Exception {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (Record<?> r : records()) {
      if (r.getValueType() == ValueType.VARIABLE && r.getValue() instanceof VariableRecordValue v
          && v.getProcessInstanceKey() == instance && v.getScopeKey() == instance) {
        out.put(v.getName(), JSON.readTree(v.getValue()));
      }
    }
    return out;
  }

  List<Record<?>> records() {
    List<Record<?>> out = new ArrayList<>();
    engine.getRecordStreamSource().getRecords().forEach(out::add);
    return out;
  }

  @Override
  public void close() {
    runtime.close();
  }
}
