package io.flowport.bench;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** What the engine's record stream says about the bench's instances. */
final class BenchRecords {

  /** When each instance completed (engine time), waiting until all have or the time is up. */
  static Map<Long, Instant> awaitCompleted(ZeebeTestEngine engine, Set<Long> instances, Duration limit)
      throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    Map<Long, Instant> completed = new HashMap<>();
    while (System.nanoTime() < end) {
      completed.clear();
      for (Record<?> r : engine.getRecordStreamSource().getRecords()) {
        if (r.getValueType() == ValueType.PROCESS_INSTANCE && r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
            && ((ProcessInstanceRecordValue) r.getValue()).getBpmnElementType() == BpmnElementType.PROCESS
            && instances.contains(r.getKey())) {
          completed.put(r.getKey(), Instant.ofEpochMilli(r.getTimestamp()));
        }
      }
      if (completed.size() == instances.size()) {
        break;
      }
      System.out.printf("[%s] wait bench: %d of %d instances completed%n", java.time.LocalTime.now().withNano(0),
          completed.size(), instances.size());
      Thread.sleep(5000);
    }
    return completed;
  }

  static int incidents(ZeebeTestEngine engine) {
    int n = 0;
    for (Record<?> r : engine.getRecordStreamSource().getRecords()) {
      if (r.getValueType() == ValueType.INCIDENT && r.getIntent() == IncidentIntent.CREATED) {
        n++;
      }
    }
    return n;
  }

  private BenchRecords() {}
}
