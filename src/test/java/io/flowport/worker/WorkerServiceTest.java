package io.flowport.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.flowport.embedded.RunClock;
import io.flowport.simulator.EmrSimulator;
import io.flowport.simulator.SimulatorConfig;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The worker service as a user runs it: its own Spring application against a gateway it reaches
 * only over gRPC, EMR through the endpoint override, health and metrics over HTTP.
 */
class WorkerServiceTest {

  private ZeebeTestEngine engine;
  private RunClock clock;
  private EmrSimulator simulator;
  private CamundaClient client;
  private int port;

  @BeforeEach
  void startCluster() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    engine = EngineFactory.create(port);
    engine.start();
    clock = new RunClock(engine, 1.0 / 240);
    clock.go();
    simulator = EmrSimulator.start(clock, SimulatorConfig.defaults());
    client = CamundaClient.newClientBuilder().grpcAddress(URI.create("http://localhost:" + port))
        .preferRestOverGrpc(false).build();
    System.setProperty("aws.accessKeyId", "flowport");
    System.setProperty("aws.secretAccessKey", "simulator");
  }

  @AfterEach
  void stopCluster() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    client.close();
    simulator.close();
    clock.close();
    engine.stop();
  }

  private ConfigurableApplicationContext worker() {
    return WorkerApplication.start(
        "--camunda.client.mode=self-managed",
        "--camunda.client.grpc-address=" + "http://localhost:" + port,
        "--camunda.client.prefer-rest-over-grpc=false",
        "--flowport.emr.endpoint=" + simulator.endpoint(),
        "--flowport.emr.region=us-east-1",
        "--server.port=0",
        // The worker's wall clock runs 240 times slower than the engine's: 30 s of source time.
        "--flowport.tracker.interval=PT0.125S",
        "--logging.level.root=ERROR");
  }

  @Test
  void runsTheReferenceMachineAndReportsHealthAndMetrics() throws Exception {
    client.newDeployResourceCommand().addResourceFile(Path.of("bpmn/emr_job_fixed.bpmn").toString()).send().join();
    try (ConfigurableApplicationContext worker = worker()) {
      ProcessInstanceResult result = client.newCreateInstanceCommand().bpmnProcessId("emr_job_fixed").latestVersion()
          .variables(Map.of()).withResult().requestTimeout(Duration.ofSeconds(60)).send().join();
      Map<String, Object> vars = result.getVariablesAsMap();
      assertThat(vars).containsKey("output").doesNotContainKey("error");
      assertThat(String.valueOf(((Map<?, ?>) vars.get("output")).get("ClusterId"))).startsWith("j-");

      int http = ((WebServerApplicationContext) worker).getWebServer().getPort();
      assertThat(get(http, "/actuator/health/readiness")).contains("\"status\":\"UP\"");
      assertThat(get(http, "/actuator/health/liveness")).contains("\"status\":\"UP\"");
      String metrics = get(http, "/actuator/prometheus");
      assertThat(metrics).containsPattern("flowport_emr_calls_total\\{api=\"RunJobFlow\",[^}]*outcome=\"success\"[^}]*} 1\\.0")
          .containsPattern("flowport_emr_calls_total\\{api=\"DescribeCluster\",[^}]*outcome=\"success\"")
          .containsPattern("camunda_job_invocations_total\\{action=\"completed\",[^}]*type=\"flowport.emr.RunJobFlow\"")
          .contains("flowport_waits_active").contains("flowport_tracker_resources");
    }
  }

  private static String get(int port, String path) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
          HttpResponse.BodyHandlers.ofString());
      return r.statusCode() + " " + r.body();
    }
  }
}
