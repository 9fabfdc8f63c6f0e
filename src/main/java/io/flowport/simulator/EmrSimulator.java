package io.flowport.simulator;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local Amazon EMR endpoint speaking AWS JSON 1.1, for the real {@code EmrClient}: {@code POST /}
 * with {@code X-Amz-Target: ElasticMapReduce.<Operation>}. The same endpoint serves EMR Serverless
 * (REST-JSON, paths under {@code /applications}) for the real {@code EmrServerlessClient} and EMR on
 * EKS (REST-JSON, paths under {@code /virtualclusters}) for the real {@code EmrContainersClient}.
 * Signatures are not checked.
 */
public final class EmrSimulator implements AutoCloseable {

  static {
    // Without TCP_NODELAY a response of more than one segment (a ListClusters page) waits ~40 ms
    // for the client's delayed ACK. The JDK server reads this once, when it first starts one.
    System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
  }

  /** GET here answers 200 while the simulator runs (container health checks). */
  public static final String HEALTH_PATH = "/health";

  private static final String TARGET_PREFIX = "ElasticMapReduce.";
  private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

  private final HttpServer server;
  /** As asked for: the JDK reports a 0.0.0.0 server as the IPv6 wildcard. */
  private final String host;
  private final EmrApi api;
  private final ServerlessApi serverless;
  private final ContainersApi containers;
  private final ObjectMapper mapper = new ObjectMapper();
  private final long seed;
  private final AtomicLong requests = new AtomicLong();
  private final Latencies latencies;
  private final java.util.concurrent.ExecutorService executor;
  private volatile java.util.function.Consumer<String> requestLog = line -> {};

  private EmrSimulator(HttpServer server, String host, EmrApi api, ServerlessApi serverless, ContainersApi containers,
      SimulatorConfig config, java.util.concurrent.ExecutorService executor) {
    this.server = server;
    this.latencies = new Latencies(config);
    this.executor = executor;
    this.host = host;
    this.api = api;
    this.serverless = serverless;
    this.containers = containers;
    this.seed = config.seed();
  }

  /** Listens on 127.0.0.1 at a free port. */
  public static EmrSimulator start(SimClock clock, SimulatorConfig config) {
    return start(clock, config, new InetSocketAddress("127.0.0.1", 0));
  }

  /**
   * Listens on {@code address} (port 0: a free one). {@code flowport simulator} binds 0.0.0.0 in
   * a container so that other containers reach it; an address in use is an UncheckedIOException.
   */
  public static EmrSimulator start(SimClock clock, SimulatorConfig config, InetSocketAddress address) {
    HttpServer server;
    try {
      server = HttpServer.create(address, 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + host(address) + ":" + address.getPort() + ": " + e.getMessage(), e);
    }
    // Rates are wall-clock rates, whatever the lifecycle clock does.
    java.util.List<RateBucket> buckets = RateBuckets.of(config, System::nanoTime);
    // Calls are answered concurrently, as by EMR: a delayed answer holds up no other call.
    java.util.concurrent.atomic.AtomicInteger threads = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "emr-simulator-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    EmrSimulator simulator = new EmrSimulator(server, host(address), new EmrApi(clock, config, buckets),
        new ServerlessApi(clock, config, buckets), new ContainersApi(clock, config, buckets), config, executor);
    server.createContext("/", simulator::handle);
    server.setExecutor(executor);
    server.start();
    return simulator;
  }

  /** The address it listens on, e.g. http://127.0.0.1:4566 (http://0.0.0.0:4566 on all interfaces). */
  public URI endpoint() {
    return URI.create("http://" + host + ":" + server.getAddress().getPort());
  }

  private static String host(InetSocketAddress address) {
    String host = address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress();
    return host.contains(":") ? "[" + host + "]" : host;
  }

  /** Calls received per operation (known operations only, EMR's and EMR Serverless's), for tests and measurements. */
  public java.util.Map<String, Integer> calls() {
    java.util.Map<String, Integer> all = new java.util.TreeMap<>(api.calls());
    serverless.calls().forEach((op, n) -> all.merge(op, n, Integer::sum));
    containers.calls().forEach((op, n) -> all.merge(op, n, Integer::sum));
    return all;
  }

  /**
   * What was answered per operation (known operations only, all services): calls, and of those the
   * throttled ones, the 500s and the dropped connections of fault rules.
   */
  public java.util.Map<String, CallCounts> counts() {
    java.util.Map<String, CallCounts> all = new java.util.TreeMap<>(api.counts());
    serverless.counts().forEach((op, n) -> all.merge(op, n, CallCounts::plus));
    containers.counts().forEach((op, n) -> all.merge(op, n, CallCounts::plus));
    return all;
  }

  /**
   * Every EMR cluster's tags by cluster id, read past the scenario's throttling and faults (no call
   * is counted): for tests that count the clusters each process instance made.
   */
  public java.util.Map<String, java.util.Map<String, String>> clusterTags() {
    return api.clusterTags();
  }

  /** The sum of {@link #counts()} over all operations. */
  public CallCounts totals() {
    return counts().values().stream().reduce(CallCounts.NONE, CallCounts::plus);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /**
   * Writes one line per answered call to {@code log}: wall time, service, operation, HTTP status
   * (or "dropped") and milliseconds. {@code flowport simulator} prints them; health checks are left out.
   */
  public EmrSimulator requestLog(java.util.function.Consumer<String> log) {
    this.requestLog = java.util.Objects.requireNonNull(log);
    return this;
  }

  private void handle(HttpExchange exchange) throws IOException {
    if ("GET".equals(exchange.getRequestMethod()) && HEALTH_PATH.equals(exchange.getRequestURI().getPath())) {
      try (exchange) {
        health(exchange);
      }
      return;
    }
    long start = System.nanoTime();
    try {
      answerCall(exchange);
    } finally {
      int status = exchange.getResponseCode();
      long ms = (System.nanoTime() - start) / 1_000_000;
      requestLog.accept(java.time.LocalTime.now().withNano(0) + " " + operation(exchange) + " "
          + (status < 0 ? "dropped" : Integer.toString(status)) + " " + ms + " ms");
    }
  }

  /** The call's service and operation as the log names them, e.g. "emr RunJobFlow". */
  private String operation(HttpExchange exchange) {
    String method = exchange.getRequestMethod();
    String raw = exchange.getRequestURI().getRawPath();
    if (ServerlessApi.serves(exchange.getRequestURI().getPath())) {
      return "emr-serverless " + serverless.operation(method, raw);
    }
    if (ContainersApi.serves(exchange.getRequestURI().getPath())) {
      return "emr-containers " + containers.operation(method, raw);
    }
    String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    return "emr " + (target != null && target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : "?");
  }

  private void answerCall(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      if (ServerlessApi.serves(path)) {
        latencies.await("emr-serverless", serverless.operation(method, exchange.getRequestURI().getRawPath()));
        rest(exchange, body, serverless::handle);
        return;
      }
      if (ContainersApi.serves(path)) {
        latencies.await("emr-containers", containers.operation(method, exchange.getRequestURI().getRawPath()));
        rest(exchange, body, containers::handle);
        return;
      }
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      if (target != null && target.startsWith(TARGET_PREFIX)) {
        latencies.await("emr", target.substring(TARGET_PREFIX.length()));
      }
      int status = 200;
      JsonNode answer;
      try {
        answer = answer(exchange, body);
      } catch (LostAnswer e) {
        if (e.answer() == FaultRule.Answer.DROP) {
          // Closing an exchange that has sent nothing closes its connection: no status line.
          return;
        }
        status = 500;
        answer = error("InternalServerError", "Internal server error");
      } catch (AwsError e) {
        status = e.status();
        answer = error(e.type(), e.getMessage());
      } catch (RuntimeException e) {
        // A simulator bug: say so the way EMR reports its own faults.
        status = 500;
        answer = error("InternalServerException", e.toString());
      }
      byte[] bytes = mapper.writeValueAsBytes(answer);
      exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
      exchange
          .getResponseHeaders()
          .set("x-amzn-RequestId", new UUID(seed, requests.incrementAndGet()).toString());
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /**
   * GET /health for container health checks: not an EMR call (the SDK only sends POST /), so it
   * leaves the call counts, throttling and fault rules of a scenario alone.
   */
  private static void health(HttpExchange exchange) throws IOException {
    byte[] bytes = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** A REST-JSON service of the simulator: the call's method, raw path, query and JSON body. */
  private interface RestApi {
    JsonNode handle(String method, String path, java.util.Map<String, java.util.List<String>> query, JsonNode body);
  }

  /**
   * An EMR Serverless or EMR on EKS call: REST-JSON answers carry the error type in the
   * x-amzn-ErrorType header and {"message": ...} in the body.
   */
  private void rest(HttpExchange exchange, byte[] body, RestApi service) throws IOException {
    int status = 200;
    JsonNode answer;
    String errorType = null;
    try {
      JsonNode json;
      try {
        String text = new String(body, StandardCharsets.UTF_8);
        json = text.isBlank() ? mapper.createObjectNode() : mapper.readTree(text);
      } catch (JacksonException e) {
        throw new AwsError("SerializationException", "Malformed JSON: " + e.getOriginalMessage(), 400);
      }
      answer = service.handle(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
          query(exchange.getRequestURI().getRawQuery()), json);
    } catch (LostAnswer e) {
      if (e.answer() == FaultRule.Answer.DROP) {
        return;
      }
      status = 500;
      errorType = "InternalServerException";
      answer = mapper.createObjectNode().put("message", "Internal server error");
    } catch (AwsError e) {
      status = e.status();
      errorType = e.type();
      answer = mapper.createObjectNode().put("message", e.getMessage());
    } catch (RuntimeException e) {
      status = 500;
      errorType = "InternalServerException";
      answer = mapper.createObjectNode().put("message", e.toString());
    }
    byte[] bytes = mapper.writeValueAsBytes(answer);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("x-amzn-RequestId", new UUID(seed, requests.incrementAndGet()).toString());
    if (errorType != null) {
      exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static java.util.Map<String, java.util.List<String>> query(String raw) {
    java.util.Map<String, java.util.List<String>> out = new java.util.LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(value);
    }
    return out;
  }

  private JsonNode answer(HttpExchange exchange, byte[] body) {
    String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    if (!"POST".equals(exchange.getRequestMethod())
        || target == null
        || !target.startsWith(TARGET_PREFIX)) {
      throw new AwsError(
          "UnknownOperationException",
          "Expected POST / with X-Amz-Target: ElasticMapReduce.<Operation>, got "
              + exchange.getRequestMethod()
              + " with X-Amz-Target "
              + target,
          400);
    }
    JsonNode json;
    try {
      String text = new String(body, StandardCharsets.UTF_8);
      json = text.isBlank() ? mapper.createObjectNode() : mapper.readTree(text);
    } catch (JacksonException e) {
      throw new AwsError(
          "SerializationException", "Malformed JSON: " + e.getOriginalMessage(), 400);
    }
    return api.handle(target.substring(TARGET_PREFIX.length()), json);
  }

  private ObjectNode error(String type, String message) {
    ObjectNode node = mapper.createObjectNode();
    node.put("__type", type);
    node.put("message", message);
    return node;
  }
}
