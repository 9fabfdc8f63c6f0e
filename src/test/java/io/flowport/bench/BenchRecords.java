package io.flowport.bench;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.JobBatchIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.MessageIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.JobBatchRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.MessageRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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

  /**
   * Where the time goes after a listing showed each cluster ended, per instance (ms from that
   * listing): the wake message published, the next poll job created, activated (handed to the
   * worker) and completed, the
   * instance completed. A hop not found is left out of its list.
   */
  static Map<String, List<Long>> hops(ZeebeTestEngine engine, Map<Long, String> instances, Map<String, Instant> seenEnded) {
    Map<String, Long> byCluster = new HashMap<>();
    instances.forEach((key, cluster) -> byCluster.put(cluster, key));
    Map<Long, Long> published = new HashMap<>();
    Map<Long, Long> created = new HashMap<>();
    Map<Long, Long> jobOf = new HashMap<>();
    Map<Long, Long> jobDone = new HashMap<>();
    Map<Long, Long> done = new HashMap<>();
    Map<Long, Long> jobCompletions = new HashMap<>();
    Map<Long, Long> jobActivations = new HashMap<>();
    for (Record<?> r : engine.getRecordStreamSource().getRecords()) {
      long at = r.getTimestamp();
      if (r.getValueType() == ValueType.MESSAGE && r.getIntent() == MessageIntent.PUBLISHED) {
        String key = ((MessageRecordValue) r.getValue()).getCorrelationKey();
        String cluster = key.contains("#") ? key.substring(0, key.indexOf('#')) : key;
        Long instance = byCluster.get(cluster);
        Instant seen = seenEnded.get(cluster);
        if (instance != null && seen != null && at >= seen.toEpochMilli()) {
          published.putIfAbsent(instance, at);
        }
      } else if (r.getValueType() == ValueType.JOB && r.getIntent() == JobIntent.CREATED) {
        long instance = ((JobRecordValue) r.getValue()).getProcessInstanceKey();
        Long after = published.get(instance);
        if (after != null && at >= after && !created.containsKey(instance)) {
          created.put(instance, at);
          jobOf.put(instance, r.getKey());
        }
      } else if (r.getValueType() == ValueType.JOB_BATCH && r.getIntent() == JobBatchIntent.ACTIVATED) {
        ((JobBatchRecordValue) r.getValue()).getJobKeys().forEach(job -> jobActivations.putIfAbsent(job, at));
      } else if (r.getValueType() == ValueType.JOB && r.getIntent() == JobIntent.COMPLETED) {
        jobCompletions.put(r.getKey(), at);
      } else if (r.getValueType() == ValueType.PROCESS_INSTANCE && r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
          && ((ProcessInstanceRecordValue) r.getValue()).getBpmnElementType() == BpmnElementType.PROCESS) {
        done.put(r.getKey(), at);
      }
    }
    Map<Long, Long> activated = new HashMap<>();
    jobOf.forEach((instance, job) -> {
      if (jobActivations.containsKey(job)) {
        activated.put(instance, jobActivations.get(job));
      }
      Long at = jobCompletions.get(job);
      if (at != null) {
        jobDone.put(instance, at);
      }
    });
    Map<String, List<Long>> hops = new LinkedHashMap<>();
    hops.put("published", since(published, instances, seenEnded));
    hops.put("poll job created", since(created, instances, seenEnded));
    hops.put("poll job activated", since(activated, instances, seenEnded));
    hops.put("poll job completed", since(jobDone, instances, seenEnded));
    hops.put("instance completed", since(done, instances, seenEnded));
    return hops;
  }

  private static List<Long> since(Map<Long, Long> at, Map<Long, String> instances, Map<String, Instant> seenEnded) {
    List<Long> out = new ArrayList<>();
    at.forEach((instance, ms) -> {
      String cluster = instances.get(instance);
      if (cluster != null && seenEnded.get(cluster) != null) {
        out.add(ms - seenEnded.get(cluster).toEpochMilli());
      }
    });
    out.sort(null);
    return out;
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
