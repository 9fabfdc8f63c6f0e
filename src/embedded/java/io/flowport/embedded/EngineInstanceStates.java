package io.flowport.embedded;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.flowport.worker.reaper.InstanceStates;
import java.util.Collection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Instance states of the embedded engine, read from its record stream (the test engine has no
 * REST API): an instance is active once its process element is activated, ended once it is
 * completed or terminated. Reads only the records added since the last call.
 */
final class EngineInstanceStates implements InstanceStates {

  private final Supplier<ZeebeTestEngine> engine;
  private final Map<Long, State> seen = new HashMap<>();
  private int read;

  EngineInstanceStates(Supplier<ZeebeTestEngine> engine) {
    this.engine = engine;
  }

  @SuppressWarnings("unchecked")
  private List<Record<?>> records() {
    Iterable<Record<?>> all = engine.get().getRecordStreamSource().getRecords();
    if (all instanceof List<?> list) {
      return (List<Record<?>>) list;
    }
    List<Record<?>> copy = new ArrayList<>();
    all.forEach(copy::add);
    return copy;
  }

  @Override
  public synchronized Map<Long, State> of(Collection<Long> keys) {
    List<Record<?>> records = records();
    // By index, as RunWatcher reads it: the engine appends while we read, and an iterator would throw.
    int size = records.size();
    for (int i = read; i < size; i++) {
      Record<?> r = records.get(i);
      if (r == null) { // appended but not yet visible to this thread: read it next time
        size = i;
        break;
      }
      if (r.getRecordType() == RecordType.EVENT && r.getValueType() == ValueType.PROCESS_INSTANCE
          && r.getValue() instanceof ProcessInstanceRecordValue v && v.getBpmnElementType() == BpmnElementType.PROCESS
          && r.getKey() == v.getProcessInstanceKey()) {
        if (r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED) {
          seen.putIfAbsent(r.getKey(), State.ACTIVE);
        } else if (r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
            || r.getIntent() == ProcessInstanceIntent.ELEMENT_TERMINATED) {
          seen.put(r.getKey(), State.ENDED);
        }
      }
    }
    read = size;
    Map<Long, State> out = new HashMap<>();
    for (long key : keys) {
      State s = seen.get(key);
      if (s != null) {
        out.put(key, s);
      }
    }
    return out;
  }
}
