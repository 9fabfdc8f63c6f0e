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
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local Amazon EMR endpoint speaking AWS JSON 1.1, for the real {@code EmrClient}: {@code POST /}
 * with {@code X-Amz-Target: ElasticMapReduce.<Operation>}. Signatures are not checked.
 */
public final class EmrSimulator implements AutoCloseable {

  static {
    // Without TCP_NODELAY a response of more than one segment (a ListClusters page) waits ~40 ms
    // for the client's delayed ACK. The JDK server reads this once, when it first starts one.
    System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
  }

  private static final String TARGET_PREFIX = "ElasticMapReduce.";
  private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

  private final HttpServer server;
  private final EmrApi api;
  private final ObjectMapper mapper = new ObjectMapper();
  private final long seed;
  private final AtomicLong requests = new AtomicLong();

  private EmrSimulator(HttpServer server, EmrApi api, long seed) {
    this.server = server;
    this.api = api;
    this.seed = seed;
  }

  /** Listens on 127.0.0.1 at a free port. */
  public static EmrSimulator start(SimClock clock, SimulatorConfig config) {
    HttpServer server;
    try {
      InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
      server = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1", e);
    }
    EmrSimulator simulator = new EmrSimulator(server, new EmrApi(clock, config), config.seed());
    server.createContext("/", simulator::handle);
    server.start();
    return simulator;
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Calls received per operation (known operations only), for tests and measurements. */
  public java.util.Map<String, Integer> calls() {
    return api.calls();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
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
