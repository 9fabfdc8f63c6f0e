package io.flowport.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.flowport.bench.BenchClusters;
import io.flowport.bench.Measurements;
import io.flowport.emr.EmrOperations;
import io.flowport.runtime.Tracking;
import io.flowport.simulator.CallCounts;
import io.flowport.simulator.EmrClients;
import io.flowport.simulator.EmrSimulator;
import io.flowport.simulator.SimulatorConfig;
import io.flowport.simulator.ThrottleRule;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.emr.EmrClient;

/**
 * Issue #4 item 8 on the worker's side alone: 10,000 cluster waits held by one {@link EmrTracker}
 * on the worker's EMR call budget, against the simulator over HTTP (throttling ListClusters above
 * 10 a second), in real time. What a woken wait's poll does is done here as the poll does it: it
 * takes what the tracker listed ({@link Tracking#seen}) and either ends or is watched again. So
 * the figures are the worker's (heap per wait, threads, calls a second, how long after a cluster
 * ended its wait was woken and decided), without the in-memory engine, which cannot hold 10,000
 * instances at once on this machine ({@code WaitBench} measures the whole path at 1,000).
 * {@code ./mvnw -q test -Dtest=TrackerBench -Dbench [-Dbench.watches=10000]}.
 */
class TrackerBench {

  @Test
  void tenThousandWaits() throws Exception {
    assumeTrue(System.getProperty("bench") != null, "benchmark: run with -Dbench");
    int n = Integer.parseInt(System.getProperty("bench.watches", "10000"));
    Duration interval = Duration.parse(System.getProperty("bench.interval", "PT30S"));
    double rate = Double.parseDouble(System.getProperty("bench.rate", "9"));
    int window = Integer.parseInt(System.getProperty("bench.window", "120"));
    SimulatorConfig config = SimulatorConfig.builder()
        .starting(Duration.ofSeconds(10)).bootstrapping(Duration.ofSeconds(10)).step(Duration.ofSeconds(10))
        .terminating(Duration.ofSeconds(5))
        .throttle(ThrottleRule.perSecond("emr", "ListClusters", 10)).build();
    try (EmrSimulator sim = EmrSimulator.start(Instant::now, config); EmrClient emr = EmrClients.forEndpoint(sim.endpoint())) {
      List<String> ids = BenchClusters.create(emr, n);
      Map<String, Instant> created = new ConcurrentHashMap<>();
      Thread.sleep(21_000); // all WAITING
      for (String id : ids) {
        created.put(id, emr.describeCluster(r -> r.clusterId(id)).cluster().status().timeline().creationDateTime());
      }

      CallBudget budget = new CallBudget(rate);
      BlockingQueue<String> wakes = new LinkedBlockingQueue<>();
      EmrTracker tracker = new EmrTracker(new BudgetedCall(new EmrOperations(EmrClients.forEndpoint(sim.endpoint())), budget),
          key -> {
            wakes.add(key);
            return CompletableFuture.completedFuture(null);
          }, Instant::now, interval, Duration.ofMinutes(10), budget);
      int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
      long heapBefore = usedAfterGc();
      AtomicInteger generation = new AtomicInteger();
      for (String id : ids) {
        tracker.watch(new Tracking.Watch(id + "#0", id, null, "WAITING", created.get(id)));
      }
      tracker.start();
      Map<String, Instant> decided = new ConcurrentHashMap<>();
      Thread polls = Thread.ofPlatform().daemon().start(() -> poll(tracker, wakes, decided, created, generation));
      Thread.sleep(interval.toMillis() + 5_000); // one full listing with every wait watched
      long heapWatching = usedAfterGc();
      int threadsWatching = ManagementFactory.getThreadMXBean().getThreadCount();

      long t0 = System.nanoTime();
      List<int[]> perSecond = new ArrayList<>();
      int before = workerCalls(sim);
      Thread terminating = Thread.ofPlatform().start(() -> {
        try {
          BenchClusters.terminateSteadily(emr, ids, window);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      while (decided.size() < n && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(window + 180)) {
        Thread.sleep(1000);
        int now = workerCalls(sim);
        perSecond.add(new int[] {now - before});
        before = now;
      }
      terminating.join();
      polls.interrupt();
      tracker.close();

      List<Long> latencies = new ArrayList<>();
      for (String id : ids) {
        Instant end = emr.describeCluster(r -> r.clusterId(id)).cluster().status().timeline().endDateTime();
        latencies.add(Duration.between(end, decided.get(id)).toMillis());
      }
      latencies.sort(null);
      CallCounts list = sim.counts().get("ListClusters");
      int max = perSecond.stream().mapToInt(a -> a[0]).max().orElse(0);
      double mean = perSecond.stream().mapToInt(a -> a[0]).average().orElse(0);
      String line = ("tracker waits %d: heap %.0f bytes a wait (%d MB for all), threads %+d (one tracker thread, none per wait); ListClusters %d (%d throttled), "
          + "DescribeCluster 0, max %d/s, mean %.1f/s while clusters ended; woken and decided after the cluster ended "
          + "p50 %d ms, p99 %d ms, max %d ms; interval %s, budget %.0f/s")
          .formatted(n, (double) (heapWatching - heapBefore) / n, (heapWatching - heapBefore) >> 20,
              threadsWatching - threadsBefore, list.calls(), list.throttled(), max, mean, Measurements.percentile(latencies, 50),
              Measurements.percentile(latencies, 99), latencies.get(latencies.size() - 1), interval, rate);
      System.out.println(line);
      Measurements.record("tracker-bench.txt", line);
      assertThat(decided).hasSize(n);
      assertThat(list.throttled()).isZero();
    }
  }

  /** As a woken wait's poll: decide from the listing, or watch again with the state it shows. */
  private static void poll(EmrTracker tracker, BlockingQueue<String> wakes, Map<String, Instant> decided,
      Map<String, Instant> created, AtomicInteger generation) {
    try {
      while (true) {
        String key = wakes.take();
        String id = key.substring(0, key.indexOf('#'));
        String state = tracker.seen(new Tracking.Resource(id, null))
            .map(seen -> seen.path("Cluster").path("Status").path("State").asText()).orElse(null);
        if ("TERMINATED".equals(state)) {
          decided.put(id, Instant.now());
        } else {
          // A poll with nothing listed would describe; the bench counts on the listing (state null: wake at the next).
          tracker.watch(new Tracking.Watch(id + "#" + generation.incrementAndGet(), id, null, state, created.get(id)));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int workerCalls(EmrSimulator sim) {
    return sim.calls().getOrDefault("ListClusters", 0) + sim.calls().getOrDefault("DescribeCluster", 0);
  }

  private static long usedAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }
}
