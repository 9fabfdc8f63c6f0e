package io.flowport.cli;

import io.camunda.client.CamundaClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/**
 * A Camunda client made by the Camunda Spring SDK from the same properties and environment the
 * worker reads ({@code camunda.client.*}, {@code CAMUNDA_CLIENT_*}, OAuth included), for the
 * commands that talk to a cluster. It opens no workers.
 */
final class ClusterClient implements AutoCloseable {

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class ClientApplication {}

  private final ConfigurableApplicationContext spring;
  final CamundaClient client;
  final String address;

  private ClusterClient(ConfigurableApplicationContext spring) {
    this.spring = spring;
    this.client = spring.getBean(CamundaClient.class);
    this.address = client.getConfiguration().getGrpcAddress().toString();
  }

  /**
   * @param gateway a gRPC address (plaintext for http://) that overrides the configured one, or null
   * @param properties {@code --camunda.client.x=y} arguments
   */
  static ClusterClient open(String gateway, List<String> properties, CommandLine cli) {
    List<String> args = new ArrayList<>(springArguments(properties, cli));
    if (gateway != null) {
      args.add("--camunda.client.mode=self-managed");
      args.add("--camunda.client.grpc-address=" + gateway);
    }
    Map<String, Object> defaults = new LinkedHashMap<>();
    defaults.put("camunda.client.prefer-rest-over-grpc", false);
    defaults.put("camunda.client.worker.defaults.enabled", false);
    defaults.put("camunda.client.deployment.enabled", false);
    defaults.put("logging.level.root", "ERROR");
    SpringApplication app = new SpringApplication(ClientApplication.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    app.setBannerMode(Banner.Mode.OFF);
    app.setLogStartupInfo(false);
    app.setDefaultProperties(defaults);
    return new ClusterClient(app.run(args.toArray(String[]::new)));
  }

  /** {@code --property=value} arguments passed on to Spring, each checked; a usage error otherwise. */
  static List<String> springArguments(List<String> properties, CommandLine cli) {
    for (String p : properties) {
      if (!p.startsWith("--") || !p.contains("=")) {
        throw new CommandLine.ParameterException(cli, "expected --property=value, got '" + p + "'");
      }
    }
    return properties;
  }

  /** One line for a failed call: gRPC status, message and the root cause (e.g. connection refused), no stack. */
  static String reason(Throwable e) {
    Throwable t = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
    StringBuilder line = new StringBuilder();
    if (t instanceof io.camunda.client.api.command.ClientStatusException s) {
      line.append(s.getStatusCode()).append(": ");
    }
    line.append(firstLine(t));
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root != t && !firstLine(t).contains(firstLine(root))) {
      line.append(" (").append(firstLine(root)).append(')');
    }
    return line.toString();
  }

  private static String firstLine(Throwable t) {
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return m.lines().findFirst().orElse(m);
  }

  @Override
  public void close() {
    spring.close();
  }
}
