package io.flowport.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.camunda.client.CamundaClient;
import io.flowport.bpmn.BpmnGenerator;
import io.flowport.catalog.Catalog;
import io.flowport.convert.Converters;
import io.flowport.embedded.EmbeddedRuntime;
import io.flowport.ir.Workflow;
import io.flowport.simulator.EmrClients;
import io.flowport.simulator.SimulatorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.process.test.engine.RocksDbEngines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.emr.EmrClient;

/**
 * Issue #4 item 8: N EmrJobFlowSensor waits on N running clusters in one worker JVM of its own
 * ({@code flowport worker}, -Xmx512m), the engine and the EMR simulator in this JVM, talking gRPC
 * and HTTP. The clusters are made and later terminated by this JVM, at a steady rate, so only the
 * waits' EMR calls are the worker's. Prints the worker's heap and threads, its EMR calls a second,
 * and the latency from each cluster's end to its instance's end. A benchmark, not a test:
 * {@code ./mvnw -q test -Dtest=WaitBench -Dbench [-Dbench.waits=1000,10000]}; the figures land in
 * target/measurements/wait-bench.txt.
 */
class WaitBench {

  static final String DAG = """
      from datetime import datetime
      from airflow import DAG
      from airflow.providers.amazon.aws.sensors.emr import EmrJobFlowSensor

      with DAG("wait_bench", start_date=datetime(2026, 1, 1), schedule=None, catchup=False,
               params={"cluster_id": ""}):
          EmrJobFlowSensor(task_id="wait_cluster", job_flow_id="{{ params.cluster_id }}",
                           poke_interval=60, timeout=7200)
      """;
  /** Clusters up within 20 s; terminating takes 5 s. */
  static final String SCENARIO = """
      {"seed": 8, "durations": {"starting": 10, "bootstrapping": 10, "step": 10, "terminating": 5}}
      """;

  /**
   * The engine's state: {@code rocksdb} (default; Zeebe's own state store, as a broker keeps it) or
   * {@code memory} (Zeebe Process Test's in-memory DB, which copies its whole state for every
   * iterator and cannot hold 10,000 waiting instances).
   */
  static final String ENGINE = System.getProperty("bench.engine", "rocksdb");

  /** Instance creations in flight: the in-memory engine slows down as its state grows. */
  static final int IN_FLIGHT = 16;

  @TempDir
  Path tmp;

  @Test
  void waits() throws Exception {
    assumeTrue(System.getProperty("bench") != null, "benchmark: run with -Dbench");
    int[] sizes = Arrays.stream(System.getProperty("bench.waits", "1000,10000").split(",")).mapToInt(Integer::parseInt).toArray();
    Duration interval = Duration.parse(System.getProperty("bench.interval", "PT30S"));
    double rate = Double.parseDouble(System.getProperty("bench.rate", "9"));
    int window = Integer.parseInt(System.getProperty("bench.window", "120"));
    for (int n : sizes) {
      String line = run(n, interval, rate, window);
      System.out.println(line);
      Measurements.record("wait-bench.txt", line);
    }
  }

  private String run(int n, Duration interval, double rate, int windowSeconds) throws Exception {
    Path scenario = Files.writeString(tmp.resolve("scenario.json"), SCENARIO);
    SimulatorConfig config = SimulatorConfig.fromFile(scenario);
    int port = BenchProcesses.freePort();
    ZeebeTestEngine engine = "memory".equals(ENGINE)
        ? EngineFactory.create(port)
        : RocksDbEngines.create(port, Files.createDirectory(tmp.resolve("engine-state-" + n)));
    EmbeddedRuntime runtime = EmbeddedRuntime.serve(engine, port, 0, 1.0, config, false);
    runtime.clock().go();
    try (runtime; EmrClient emr = EmrClients.forEndpoint(runtime.simulator().endpoint());
        BenchProxy proxy = BenchProxy.start(runtime.simulator().endpoint(), runtime.clock());
        BenchProcesses.Worker worker = BenchProcesses.worker(port, proxy.endpoint().toString(), interval, rate)) {
      List<String> clusters = BenchClusters.create(emr, n);
      progress("%d clusters made, worker up", n);
      Workflow wf = new Converters(Catalog.builtIn()).convert(Files.writeString(tmp.resolve("wait_bench.py"), DAG)).get(0).workflow();
      CamundaClient client = runtime.client();
      client.newDeployResourceCommand().addResourceStringUtf8(new BpmnGenerator().toXml(wf), "wait_bench.bpmn").send().join();
      BenchSampler sampler = BenchSampler.start(runtime.simulator(), worker.actuator());

      long t0 = System.nanoTime();
      Map<Long, String> instances = start(client, clusters);
      long startMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      progress("%d instances started in %d ms", n, startMs);
      // Every wait watched, and one more interval for the listing to see them all.
      sampler.awaitGauge("flowport.tracker.resources", n, Duration.ofMinutes(10));
      Thread.sleep(interval.toMillis());
      int describesBefore = sampler.calls("DescribeCluster");
      progress("all %d waits watched; terminating the clusters over %d s", n, windowSeconds);
      BenchClusters.terminateSteadily(emr, clusters, windowSeconds);
      Map<Long, Instant> completed = BenchRecords.awaitCompleted(runtime.engine(), instances.keySet(), Duration.ofMinutes(15));
      sampler.stop();
      int describesWaiting = sampler.calls("DescribeCluster") - describesBefore;
      Map<String, Integer> totals = sampler.totals();

      Map<String, Instant> ended = BenchClusters.ends(emr, clusters);
      List<Long> latencies = new ArrayList<>();
      List<Long> detections = new ArrayList<>();
      instances.forEach((key, cluster) -> {
        latencies.add(Duration.between(ended.get(cluster), completed.get(key)).toMillis());
        detections.add(Duration.between(ended.get(cluster), proxy.firstSeenEnded(cluster)).toMillis());
      });
      latencies.sort(null);
      detections.sort(null);
      Map<String, Instant> seenEnded = new java.util.HashMap<>();
      clusters.forEach(c -> {
        if (proxy.firstSeenEnded(c) != null) {
          seenEnded.put(c, proxy.firstSeenEnded(c));
        }
      });
      StringBuilder hops = new StringBuilder();
      BenchRecords.hops(runtime.engine(), instances, seenEnded).forEach((hop, ms) -> hops.append(hops.isEmpty() ? "" : ", ")
          .append(ms.isEmpty() ? hop + " none" : "%s p50 %d ms, p99 %d ms (%d)".formatted(hop, Measurements.percentile(ms, 50),
              Measurements.percentile(ms, 99), ms.size())));
      int incidents = BenchRecords.incidents(runtime.engine());
      assertThat(completed).as("instances completed").hasSize(n);
      assertThat(incidents).isZero();
      System.gc();
      Runtime jvm = Runtime.getRuntime();
      long engineHeap = (jvm.totalMemory() - jvm.freeMemory()) >> 20;
      return ("waits %d: start %d ms; worker heap max %d MB used, %d MB live after a major GC (-Xmx512m), threads %d..%d; EMR calls by the worker %s, "
          + "max %d/s, mean %.1f/s over %d s; DescribeCluster while waiting %d; tracker %s, budget %.0f/s; "
          + "a listing showed the cluster ended after p50 %d ms, p99 %d ms, max %d ms; "
          + "the instance ended after the cluster p50 %d ms, p99 %d ms, max %d ms; after that listing: %s; incidents %d; "
          + "engine (%s state) JVM heap after GC %d MB")
          .formatted(n, startMs, sampler.maxHeapMb(), sampler.maxLiveMb(), sampler.minThreads(), sampler.maxThreads(), totals,
              sampler.maxPerSecond(), sampler.meanPerSecond(), sampler.seconds(),
              describesWaiting, interval, rate, Measurements.percentile(detections, 50), Measurements.percentile(detections, 99),
              detections.get(detections.size() - 1),
              Measurements.percentile(latencies, 50), Measurements.percentile(latencies, 99),
              latencies.get(latencies.size() - 1), hops, incidents, ENGINE, engineHeap);
    }
  }

  private static void progress(String format, Object... args) {
    System.out.printf("[%s] wait bench: %s%n", java.time.LocalTime.now().withNano(0), format.formatted(args));
  }

  /** Starts one instance per cluster, its id in the run's conf; a bounded number of requests in flight. */
  private static Map<Long, String> start(CamundaClient client, List<String> clusters) throws InterruptedException {
    Map<Long, String> instances = new ConcurrentHashMap<>();
    Semaphore inFlight = new Semaphore(IN_FLIGHT);
    List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (String cluster : clusters) {
      inFlight.acquire();
      client.newCreateInstanceCommand().bpmnProcessId("wait_bench").latestVersion()
          .variables(Map.of("conf", Map.of("cluster_id", cluster))).requestTimeout(Duration.ofMinutes(2)).send()
          .whenComplete((r, e) -> {
            if (e != null) {
              failures.add(e);
            } else {
              instances.put(r.getProcessInstanceKey(), cluster);
            }
            inFlight.release();
          });
    }
    inFlight.acquire(IN_FLIGHT);
    assertThat(failures).isEmpty();
    return instances;
  }
}
