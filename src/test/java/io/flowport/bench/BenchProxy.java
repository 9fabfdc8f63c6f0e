package io.flowport.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.flowport.simulator.SimClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * Between the worker and the simulator: passes EMR's JSON calls through and notes when a
 * ListClusters answer first showed each cluster TERMINATED, so the tracker's detection latency is
 * measured apart from the engine's.
 */
final class BenchProxy implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Headers the JDK's client or server set themselves. */
  private static final java.util.Set<String> RESTRICTED = java.util.Set.of("content-length", "host", "connection", "expect",
      "upgrade", "transfer-encoding", "date");

  private final HttpServer server;
  private final Map<String, Instant> firstSeenEnded = new ConcurrentHashMap<>();

  private BenchProxy(HttpServer server) {
    this.server = server;
  }

  static BenchProxy start(URI simulator, SimClock clock) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    BenchProxy proxy = new BenchProxy(server);
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/", exchange -> {
      try (exchange; InputStream in = exchange.getRequestBody()) {
        byte[] body = in.readAllBytes();
        HttpRequest.Builder forward = HttpRequest.newBuilder(simulator.resolve(exchange.getRequestURI().toString()))
            .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
          if (!RESTRICTED.contains(name.toLowerCase())) {
            values.forEach(v -> forward.header(name, v));
          }
        });
        HttpResponse<byte[]> answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (target != null && target.endsWith(".ListClusters") && answer.statusCode() == 200) {
          Instant now = clock.now();
          for (JsonNode c : JSON.readTree(answer.body()).path("Clusters")) {
            if ("TERMINATED".equals(c.path("Status").path("State").asText())) {
              proxy.firstSeenEnded.putIfAbsent(c.path("Id").asText(), now);
            }
          }
        }
        answer.headers().map().forEach((name, values) -> {
          if (!RESTRICTED.contains(name.toLowerCase()) && !name.startsWith(":")) {
            exchange.getResponseHeaders().put(name, values);
          }
        });
        exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer.body());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    server.start();
    return proxy;
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** When a listing first showed the cluster TERMINATED, or null. */
  Instant firstSeenEnded(String cluster) {
    return firstSeenEnded.get(cluster);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
