package io.flowport.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowport.simulator.EmrSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Once a second: the worker's heap and threads (its actuator) and the EMR calls the simulator
 * answered, so calls a second are measured where they arrive.
 */
final class BenchSampler {

  /** The calls the worker makes in the bench; the bench's own are RunJobFlow and TerminateJobFlows. */
  static final List<String> WORKER_CALLS = List.of("ListClusters", "DescribeCluster", "ListSteps", "DescribeStep");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final EmrSimulator simulator;
  private final URI actuator;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Thread thread;
  private volatile boolean running = true;
  private long maxHeap;
  private long maxLive;
  private int minThreads = Integer.MAX_VALUE;
  private int maxThreads;
  private int maxPerSecond;
  private int seconds;
  private int first = -1;
  private int last;

  private BenchSampler(EmrSimulator simulator, URI actuator) {
    this.simulator = simulator;
    this.actuator = actuator;
    this.thread = Thread.ofPlatform().daemon().name("bench-sampler").unstarted(this::loop);
  }

  static BenchSampler start(EmrSimulator simulator, URI actuator) {
    BenchSampler s = new BenchSampler(simulator, actuator);
    s.thread.start();
    return s;
  }

  private void loop() {
    int previous = workerCalls();
    while (running) {
      try {
        Thread.sleep(1000);
        int now = workerCalls();
        synchronized (this) {
          if (first < 0) {
            first = previous;
          }
          maxPerSecond = Math.max(maxPerSecond, now - previous);
          seconds++;
          last = now;
          maxHeap = Math.max(maxHeap, (long) metric("jvm.memory.used?tag=area:heap"));
          maxLive = Math.max(maxLive, (long) metric("jvm.gc.live.data.size"));
          int threads = (int) metric("jvm.threads.live");
          minThreads = Math.min(minThreads, threads);
          maxThreads = Math.max(maxThreads, threads);
        }
        previous = now;
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        System.out.println("bench sampler: " + e);
      }
    }
  }

  double metric(String name) throws Exception {
    String body = http.send(HttpRequest.newBuilder(actuator.resolve(name)).build(), HttpResponse.BodyHandlers.ofString()).body();
    return JSON.readTree(body).path("measurements").path(0).path("value").asDouble();
  }

  /** Waits until the worker's gauge reaches {@code value}. */
  void awaitGauge(String name, int value, Duration limit) throws Exception {
    long end = System.nanoTime() + limit.toNanos();
    double seen = 0;
    while (System.nanoTime() < end) {
      seen = metric(name);
      if (seen >= value) {
        return;
      }
      Thread.sleep(1000);
    }
    throw new IllegalStateException(name + " reached " + seen + ", not " + value + ", within " + limit);
  }

  private int workerCalls() {
    Map<String, Integer> calls = simulator.calls();
    return WORKER_CALLS.stream().mapToInt(c -> calls.getOrDefault(c, 0)).sum();
  }

  int calls(String api) {
    return simulator.calls().getOrDefault(api, 0);
  }

  Map<String, Integer> totals() {
    Map<String, Integer> calls = simulator.calls();
    Map<String, Integer> out = new TreeMap<>();
    WORKER_CALLS.forEach(c -> out.put(c, calls.getOrDefault(c, 0)));
    return out;
  }

  void stop() throws InterruptedException {
    running = false;
    thread.interrupt();
    thread.join();
  }

  synchronized long maxHeapMb() {
    return maxHeap >> 20;
  }

  /** The most live data a major collection left, 0 when none ran. */
  synchronized long maxLiveMb() {
    return maxLive >> 20;
  }

  synchronized int minThreads() {
    return minThreads;
  }

  synchronized int maxThreads() {
    return maxThreads;
  }

  synchronized int maxPerSecond() {
    return maxPerSecond;
  }

  synchronized int seconds() {
    return seconds;
  }

  synchronized double meanPerSecond() {
    return seconds == 0 ? 0 : (double) (last - first) / seconds;
  }
}
