package io.flowport.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Where the simulator listens, and its health path for containers. */
class ListenAddressTest {

  final ManualClock clock = new ManualClock(SimulatorTestBase.T0);

  @Test
  void listensOnTheGivenAddress() {
    try (EmrSimulator sim = EmrSimulator.start(clock, SimulatorConfig.defaults(), new InetSocketAddress("0.0.0.0", 0))) {
      assertThat(sim.endpoint().getHost()).isEqualTo("0.0.0.0");
      assertThat(sim.endpoint().getPort()).isPositive();
    }
  }

  @Test
  void aPortInUseNamesTheAddress() {
    try (EmrSimulator first = EmrSimulator.start(clock, SimulatorConfig.defaults())) {
      int port = first.endpoint().getPort();
      assertThatThrownBy(() -> EmrSimulator.start(clock, SimulatorConfig.defaults(), new InetSocketAddress("127.0.0.1", port)))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageStartingWith("cannot listen on 127.0.0.1:" + port + ": ");
    }
  }

  @Test
  void healthAnswersWithoutCountingAsAnEmrCall() throws Exception {
    try (EmrSimulator sim = EmrSimulator.start(clock, SimulatorConfig.defaults());
        HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> health = http.send(
          HttpRequest.newBuilder(sim.endpoint().resolve(EmrSimulator.HEALTH_PATH)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> root = http.send(
          HttpRequest.newBuilder(sim.endpoint().resolve("/")).GET().build(), HttpResponse.BodyHandlers.ofString());

      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
      assertThat(root.statusCode()).as("anything else is still not EMR").isEqualTo(400);
      assertThat(sim.calls()).isEmpty();
    }
  }
}
