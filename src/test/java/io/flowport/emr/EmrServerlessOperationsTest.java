package io.flowport.emr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowport.runtime.EmrCall;
import io.flowport.simulator.EmrClients;
import io.flowport.simulator.EmrSimulator;
import io.flowport.simulator.SimulatorConfig;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.emrserverless.EmrServerlessClient;

/** The generic SDK call for EMR Serverless (REST-JSON), against the simulator over HTTP. */
class EmrServerlessOperationsTest {

  static final ObjectMapper JSON = new ObjectMapper();

  private EmrSimulator simulator;
  private EmrServerlessClient client;
  private EmrCall serverless;
  private volatile Instant now = Instant.parse("2025-03-01T08:00:00Z");

  @BeforeEach
  void start() {
    // An application is CREATED 5 s after it is made; time moves only there.
    simulator = EmrSimulator.start(() -> now, SimulatorConfig.defaults());
    client = EmrClients.serverlessForEndpoint(simulator.endpoint());
    serverless = new EmrServerlessOperations(client);
  }

  @AfterEach
  void stop() {
    client.close();
    simulator.close();
  }

  private String application() throws Exception {
    String app = serverless.call("CreateApplication", JSON.readTree("""
        {"name": "etl", "releaseLabel": "emr-7.1.0", "type": "SPARK"}""")).path("applicationId").asText();
    now = now.plusSeconds(5);
    return app;
  }

  @Test
  void stepFunctionsNamesAreTheSdkMemberNamesAndMapKeysStayAsGiven() throws Exception {
    String app = application();
    EmrCall sfn = serverless.capitalizedNames();
    JsonNode started = sfn.call("StartJobRun", JSON.readTree("""
        {"ApplicationId": "%s", "Name": "load", "ExecutionRoleArn": "arn:aws:iam::123456789012:role/r",
         "JobDriver": {"SparkSubmit": {"EntryPoint": "s3://code/load.py", "EntryPointArguments": ["2025-03-01"]}},
         "Tags": {"team": "data"}}""".formatted(app)), "flowport-7");

    assertThat(started.fieldNames()).toIterable().containsExactlyInAnyOrder("ApplicationId", "JobRunId", "Arn");
    JsonNode run = sfn.call("GetJobRun", JSON.createObjectNode().put("ApplicationId", app)
        .put("JobRunId", started.get("JobRunId").asText())).get("JobRun");
    assertThat(run.path("State").asText()).isEqualTo("SUBMITTED");
    assertThat(run.path("Tags").path("team").asText()).isEqualTo("data");
    assertThat(run.path("JobDriver").path("SparkSubmit").path("EntryPointArguments").get(0).asText()).isEqualTo("2025-03-01");
    assertThat(run.path("CreatedAt").asText()).isEqualTo("2025-03-01T08:00:05Z");
  }

  @Test
  void theRunKeyTokenMakesARepeatedStartAnswerTheFirstRun() throws Exception {
    String app = application();
    JsonNode request = JSON.readTree("""
        {"applicationId": "%s", "executionRoleArn": "arn:aws:iam::123456789012:role/r",
         "jobDriver": {"sparkSubmit": {"entryPoint": "s3://code/load.py"}}}""".formatted(app));

    String first = serverless.call("StartJobRun", request, "flowport-42").path("jobRunId").asText();
    String again = serverless.call("StartJobRun", request, "flowport-42").path("jobRunId").asText();
    String next = serverless.call("StartJobRun", request, "flowport-43").path("jobRunId").asText();
    String own = serverless.call("StartJobRun", ((com.fasterxml.jackson.databind.node.ObjectNode) request.deepCopy())
        .put("clientToken", "mine"), "flowport-44").path("jobRunId").asText();

    assertThat(again).isEqualTo(first);
    assertThat(next).isNotEqualTo(first);
    assertThat(own).isNotIn(first, next);
    assertThat(client.listJobRuns(r -> r.applicationId(app)).jobRuns()).hasSize(3);
  }

  @Test
  void anUnknownFieldIsAValidationErrorNamingItAndServiceErrorsKeepTheirCode() throws Exception {
    assertThatThrownBy(() -> serverless.call("CreateApplication", JSON.readTree("""
        {"name": "etl", "releaseLabel": "emr-7.1.0", "tpye": "SPARK"}""")))
        .isInstanceOfSatisfying(EmrCall.ServiceException.class, e -> {
          assertThat(e.code()).isEqualTo("ValidationException");
          assertThat(e.getMessage()).contains("'tpye'");
          assertThat(e.retryable()).isFalse();
        });
    assertThatThrownBy(() -> serverless.capitalizedNames().call("GetApplication", JSON.readTree("{\"applicationId\": \"x\"}")))
        .isInstanceOfSatisfying(EmrCall.ServiceException.class, e -> assertThat(e.getMessage()).contains("(did you mean 'ApplicationId'?)"));
    assertThatThrownBy(() -> serverless.call("GetApplication", JSON.readTree("{\"applicationId\": \"00none\"}")))
        .isInstanceOfSatisfying(EmrCall.ServiceException.class, e -> {
          assertThat(e.code()).isEqualTo("ResourceNotFoundException");
          assertThat(e.retryable()).isFalse();
        });
    assertThatThrownBy(() -> serverless.call("RunJobFlow", JSON.createObjectNode()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("emr-serverless has no API RunJobFlow");
  }
}
