package io.flowport.worker.reaper;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.camunda.client.CamundaClient;
import io.flowport.worker.reaper.InstanceStates.State;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The REST port with the real Camunda Java client, against a stand-in for the 8.8 REST API's
 * {@code GET /v2/process-instances/{key}} that answers in the documented shape (ProcessInstanceResult,
 * and an RFC 9457 problem for an unknown key). A full cluster is not available in the build.
 */
class CamundaInstanceStatesTest {

  private HttpServer server;
  private CamundaClient client;
  private final List<String> log = new ArrayList<>();
  private final List<String> paths = new ArrayList<>();

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.stop(0);
    }
  }

  private CamundaClient clientFor(URI rest) {
    client = CamundaClient.newClientBuilder().restAddress(rest).grpcAddress(URI.create("http://127.0.0.1:1")).build();
    return client;
  }

  private URI serve(Map<Long, String> states) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v2/process-instances/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      synchronized (paths) {
        paths.add(exchange.getRequestMethod() + " " + path);
      }
      long key = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
      String state = states.get(key);
      int status = state == null ? 404 : 200;
      String body = state == null
          ? "{\"type\":\"about:blank\",\"title\":\"NOT_FOUND\",\"status\":404,\"detail\":\"Process instance with key '" + key
              + "' not found\",\"instance\":\"" + path + "\"}"
          : "{\"processDefinitionId\":\"reaper_wait\",\"processDefinitionName\":null,\"processDefinitionVersion\":1,"
              + "\"startDate\":\"2025-03-01T08:00:00.000Z\",\"state\":\"" + state + "\",\"hasIncident\":false,"
              + "\"tenantId\":\"<default>\",\"processInstanceKey\":\"" + key + "\",\"processDefinitionKey\":\"2251799813685249\"}";
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", state == null ? "application/problem+json" : "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Test
  void completedAndTerminatedAreEndedActiveIsNotAndNotFoundIsUnknown() throws IOException {
    URI rest = serve(Map.of(11L, "ACTIVE", 12L, "COMPLETED", 13L, "TERMINATED"));
    CamundaClient c = clientFor(rest);
    CamundaInstanceStates states = new CamundaInstanceStates(() -> c, log::add);

    Map<Long, State> answer = states.of(List.of(11L, 12L, 13L, 14L));

    assertThat(answer).containsEntry(11L, State.ACTIVE).containsEntry(12L, State.ENDED).containsEntry(13L, State.ENDED)
        .doesNotContainKey(14L);
    assertThat(paths).contains("GET /v2/process-instances/12");
    assertThat(log).as("a 404 is the normal answer for an instance not exported yet").isEmpty();
  }

  @Test
  void anUnreachableRestApiAnswersNothingAndSaysSoOnce() throws IOException {
    URI nowhere;
    try (var s = new java.net.ServerSocket(0)) {
      nowhere = URI.create("http://127.0.0.1:" + s.getLocalPort());
    }
    CamundaClient c = clientFor(nowhere);
    CamundaInstanceStates states = new CamundaInstanceStates(() -> c, log::add);

    assertThat(states.of(List.of(1L, 2L))).isEmpty();
    assertThat(states.of(List.of(3L))).isEmpty();
    assertThat(log).singleElement().asString().contains("REST API is not reachable");
  }
}
