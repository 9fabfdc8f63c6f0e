package io.flowport.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

/** {@code flowport worker} in a JVM of its own, as production runs it. */
final class BenchProcesses {

  /** A running worker; closing it stops it with SIGTERM. */
  record Worker(Process process, URI actuator) implements AutoCloseable {
    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  /** Starts the worker against the engine's gateway and the simulator; returns once Spring has started it. */
  static Worker worker(int gatewayPort, String emrEndpoint, Duration interval, double rate) throws Exception {
    int http = freePort();
    List<String> cmd = List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m",
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "io.flowport.cli.Main", "worker",
        "--camunda.client.grpc-address=http://localhost:" + gatewayPort, "--flowport.emr.endpoint=" + emrEndpoint,
        "--flowport.emr.region=us-east-1", "--server.port=" + http, "--flowport.tracker.interval=" + interval,
        "--flowport.emr.max-rate=" + rate, "--flowport.reaper.enabled=false",
        // Only the bench's job type polls: every activation makes the in-memory engine copy its state.
        "--camunda.client.worker.defaults.enabled=false",
        "--camunda.client.worker.override[flowport.emr.DescribeCluster].enabled=true", "--logging.level.root=WARN", "--logging.level.io.flowport.worker.EmrTracker=" + System.getProperty("bench.trackerLog", "WARN"));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("AWS_ACCESS_KEY_ID", "flowport");
    pb.environment().put("AWS_SECRET_ACCESS_KEY", "simulator");
    Process p = pb.start();
    Thread.ofPlatform().daemon().start(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String l; (l = r.readLine()) != null; ) {
          System.out.println("worker: " + l);
        }
      } catch (IOException ignored) {
        // the worker ended
      }
    });
    URI health = URI.create("http://localhost:" + http + "/actuator/health");
    HttpClient client = HttpClient.newHttpClient();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < end && p.isAlive()) {
      try {
        if (client.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
          return new Worker(p, URI.create("http://localhost:" + http + "/actuator/metrics/"));
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    p.destroyForcibly();
    throw new IllegalStateException("the worker was not healthy within 120 s");
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private BenchProcesses() {}
}
