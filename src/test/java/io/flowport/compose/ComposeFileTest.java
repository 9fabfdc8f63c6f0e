package io.flowport.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.camunda.client.spring.properties.CamundaClientProperties;
import io.flowport.cli.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docker-compose.yml, read as data (no Docker engine on the build machines): {@link ComposeCheck}
 * finds nothing wrong in it, and finds each fault put into a copy of it.
 */
class ComposeFileTest {

  static final Path FILE = Path.of("docker-compose.yml");

  static SpringMetadata flowport;
  static SpringMetadata camunda;
  static List<SpringMetadata> spring;
  static String text;

  @BeforeAll
  static void load() throws IOException {
    flowport = SpringMetadata.of(Main.class, "META-INF/additional-spring-configuration-metadata.json");
    camunda = SpringMetadata.of(CamundaClientProperties.class, "META-INF/spring-configuration-metadata.json");
    spring = SpringMetadata.all(ComposeFileTest.class.getClassLoader());
    text = Files.readString(FILE, StandardCharsets.UTF_8);
  }

  static List<String> problems(String yaml) throws IOException {
    return ComposeCheck.problems(new YAMLMapper().readTree(yaml), flowport, camunda, spring);
  }

  @Test
  void theComposeFileKeepsEveryRule() throws IOException {
    assertThat(problems(text)).isEmpty();
  }

  @Test
  void theStackIsCamundaWithFlowport() throws IOException {
    JsonNode services = new YAMLMapper().readTree(text).path("services");

    assertThat(services.path("camunda").path("image").asText()).matches("camunda/camunda:8\\.8\\.\\d+");
    assertThat(services.path("elasticsearch").path("image").asText())
        .startsWith("docker.elastic.co/elasticsearch/elasticsearch:8.");
    assertThat(ComposeModel.ports(services.path("camunda")))
        .extracting(ComposeModel.Port::container).contains(26500, 8080);
    assertThat(ComposeModel.ports(services.path("flowport-worker"))).containsExactly(new ComposeModel.Port(8088, 8080));
    assertThat(ComposeModel.ports(services.path("emr-simulator"))).containsExactly(new ComposeModel.Port(4566, 4566));
    assertThat(ComposeModel.strings(services.path("flowport-worker").path("command"))).containsExactly("worker");
    assertThat(ComposeModel.strings(services.path("emr-simulator").path("command"))).startsWith("simulator");
    assertThat(ComposeModel.Environment.of(services.path("flowport-worker").path("environment")).variables())
        .containsEntry("CAMUNDA_CLIENT_MODE", "self-managed")
        .containsEntry("CAMUNDA_CLIENT_GRPCADDRESS", "http://camunda:26500")
        .containsEntry("CAMUNDA_CLIENT_RESTADDRESS", "http://camunda:8080")
        .containsEntry("FLOWPORT_EMR_ENDPOINT", "http://emr-simulator:4566")
        .containsKeys("AWS_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
  }

  @Test
  void theMetadataIsFoundWhereItIsLookedFor() {
    assertThat(flowport.property("FLOWPORT_IDEMPOTENCY_DEADLINEGUARD").name()).isEqualTo("flowport.idempotency.deadline-guard");
    assertThat(camunda.property("CAMUNDA_CLIENT_GRPCADDRESS").name()).isEqualTo("camunda.client.grpc-address");
    assertThat(camunda.property("CAMUNDA_CLIENT_ZEEBE_GRPCADDRESS").deprecated()).isTrue();
    assertThat(camunda.property("CAMUNDA_CLIENT_GRPC_ADDRESS")).isNull();
    assertThat(flowport.property("CAMUNDA_CLIENT_GRPCADDRESS")).isNull();
  }

  /** One fault each, put into the real file: the checker must name it. */
  static Stream<Arguments> faults() {
    return Stream.of(
        Arguments.of("image: camunda/camunda:8.8.", "image: camunda/camunda:latest # 8.8.", "camunda: image camunda/camunda:latest is not pinned"),
        Arguments.of("camunda/camunda:8.8.", "camunda/camunda:8.9.", "is not Camunda 8.8.<n>"),
        Arguments.of("elasticsearch/elasticsearch:8.17.10", "elasticsearch/elasticsearch", "is not pinned to an exact version"),
        Arguments.of("image: flowport:0.1.0\n    command: [\"worker\"]", "image: flowport:0.2.0\n    command: [\"worker\"]", "is not this flowport, 0.1.0"),
        Arguments.of("FLOWPORT_EMR_ENDPOINT:", "FLOWPORT_EMR_ENDPIONT:", "FLOWPORT_EMR_ENDPIONT is no property declared in flowport's metadata"),
        Arguments.of("CAMUNDA_CLIENT_GRPCADDRESS:", "CAMUNDA_CLIENT_GRPC_ADDRESS:", "CAMUNDA_CLIENT_GRPC_ADDRESS is no property declared in the Camunda starter's metadata"),
        Arguments.of("CAMUNDA_CLIENT_RESTADDRESS:", "CAMUNDA_CLIENT_ZEEBE_BASEURL:", "sets the deprecated property camunda.client.zeebe.base-url"),
        Arguments.of("      AWS_REGION:", "      AWS_REGOIN:", "AWS_REGOIN is no property declared in any Spring metadata"),
        Arguments.of("http://emr-simulator:4566", "http://emr-simulator:4567", "FLOWPORT_EMR_ENDPOINT http://emr-simulator:4567 is not the simulator, http://emr-simulator:4566"),
        Arguments.of("http://emr-simulator:4566", "http://camunda:8080", "is not the simulator"),
        Arguments.of("http://camunda:26500", "http://camunda:26501", "CAMUNDA_CLIENT_GRPCADDRESS http://camunda:26501: camunda listens on"),
        Arguments.of("command: [\"simulator\"", "command: [\"simulate\"", "command [simulate, --bind, 0.0.0.0, --port, 4566] is not a flowport command"),
        Arguments.of("\"--bind\", \"0.0.0.0\"", "\"--bnd\", \"0.0.0.0\"", "Unknown options: '--bnd', '0.0.0.0'"),
        Arguments.of("\"--bind\", \"0.0.0.0\", ", "", "the simulator listens on 127.0.0.1, other containers need 0.0.0.0"),
        Arguments.of("command: [\"worker\"]", "command: [\"workers\"]", "command [workers] is not a flowport command"),
        Arguments.of("http://localhost:8080/actuator/health/readiness", "http://localhost:8081/actuator/health/readiness", "health check http://localhost:8081/actuator/health/readiness is not http://localhost:8080/actuator/health/readiness"),
        Arguments.of("http://127.0.0.1:4566/health", "http://127.0.0.1:4566/", "is not http://localhost:4566/health"),
        Arguments.of("\"127.0.0.1:8088:8080\"", "\"127.0.0.1:8088:8081\"", "no published port reaches the worker's port 8080"),
        Arguments.of("\"127.0.0.1:4566:4566\"", "\"127.0.0.1:8088:4566\"", "host port 8088 is taken by"),
        Arguments.of("      emr-simulator:\n        condition: service_healthy", "      emr-simulator:\n        condition: service_started", "FLOWPORT_EMR_ENDPOINT needs emr-simulator healthy first"),
        Arguments.of("test: [\"CMD\", \"curl\", \"-fsS\", \"http://127.0.0.1:4566/health\"]", "test: [\"NONE\"]", "emr-simulator: no health check"),
        Arguments.of("  flowport-worker:", "  worker:", "services are [camunda, elasticsearch, emr-simulator, worker]"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("faults")
  void aFaultIsNamed(String find, String replace, String problem) throws IOException {
    assertThat(text).as("the fault's anchor is in the file").contains(find);

    assertThat(problems(text.replaceFirst(java.util.regex.Pattern.quote(find), java.util.regex.Matcher.quoteReplacement(replace))))
        .anySatisfy(p -> assertThat(p).contains(problem));
  }
}
