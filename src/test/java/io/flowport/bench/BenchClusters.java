package io.flowport.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.emr.EmrClient;

/** The bench's clusters, made and ended by the bench itself (not the worker). */
public final class BenchClusters {

  public static List<String> create(EmrClient emr, int n) throws Exception {
    List<String> ids = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      List<Future<String>> made = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String name = "bench-" + i;
        made.add(pool.submit(() -> emr.runJobFlow(r -> r.name(name).releaseLabel("emr-7.1.0")
            .instances(x -> x.keepJobFlowAliveWhenNoSteps(true).instanceCount(1).masterInstanceType("m5.xlarge"))).jobFlowId()));
      }
      for (Future<String> f : made) {
        ids.add(f.get());
      }
    }
    return ids;
  }

  /** Terminates the clusters at a steady rate over {@code seconds}, in batches each 100 ms. */
  public static void terminateSteadily(EmrClient emr, List<String> ids, int seconds) throws InterruptedException {
    int ticks = seconds * 10;
    long t0 = System.nanoTime();
    int done = 0;
    for (int tick = 1; tick <= ticks; tick++) {
      int upTo = (int) ((long) ids.size() * tick / ticks);
      for (int from = done; from < upTo; from += 100) {
        List<String> batch = ids.subList(from, Math.min(upTo, from + 100));
        emr.terminateJobFlows(r -> r.jobFlowIds(batch));
      }
      done = upTo;
      long next = t0 + tick * 100_000_000L;
      long sleep = next - System.nanoTime();
      if (sleep > 0) {
        Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
      }
    }
  }

  /** When each cluster reached TERMINATED, as EMR's timeline says. */
  static Map<String, Instant> ends(EmrClient emr, List<String> ids) throws Exception {
    Map<String, Instant> ends = new ConcurrentHashMap<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      List<Future<?>> asked = new ArrayList<>();
      for (String id : ids) {
        asked.add(pool.submit(() -> ends.put(id, emr.describeCluster(r -> r.clusterId(id)).cluster().status().timeline()
            .endDateTime())));
      }
      for (Future<?> f : asked) {
        f.get();
      }
    }
    return ends;
  }

  private BenchClusters() {}
}
