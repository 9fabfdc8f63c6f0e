package io.flowport.compose;

import static io.flowport.compose.ComposeModel.isFlowport;
import static io.flowport.compose.ComposeModel.ports;
import static io.flowport.compose.ComposeModel.strings;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * What docker-compose.yml must keep true, as one line per broken rule: the services, pinned
 * images, health checks, flowport commands that picocli accepts, environment variables that bind
 * to declared Spring properties, and URLs that reach a service on a port it listens on.
 */
final class ComposeCheck {

  static final Set<String> SERVICES = Set.of("elasticsearch", "camunda", "emr-simulator", "flowport-worker");
  /** Variables our services may set that are not Spring properties: the AWS SDK's own. */
  static final Set<String> AWS_VARIABLES =
      Set.of("AWS_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE");
  static final String WORKER_COMMAND_CLASS = "io.flowport.cli.WorkerCommand";
  /** Spring Boot's server.port when SERVER_PORT is not set. */
  static final int SPRING_DEFAULT_PORT = 8080;

  private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+([-._][0-9A-Za-z._-]+)?");
  private static final Pattern CAMUNDA_VERSION = Pattern.compile("8\\.8\\.\\d+");
  private static final Pattern URL = Pattern.compile("https?://[^\\s'\"]+");

  private final JsonNode services;
  private final SpringMetadata flowport;
  private final SpringMetadata camunda;
  private final List<SpringMetadata> spring;
  private final List<String> problems = new ArrayList<>();

  private ComposeCheck(JsonNode compose, SpringMetadata flowport, SpringMetadata camunda, List<SpringMetadata> spring) {
    this.services = compose.path("services");
    this.flowport = flowport;
    this.camunda = camunda;
    this.spring = spring;
  }

  static List<String> problems(JsonNode compose, SpringMetadata flowport, SpringMetadata camunda,
      List<SpringMetadata> spring) {
    ComposeCheck check = new ComposeCheck(compose, flowport, camunda, spring);
    check.run();
    return check.problems;
  }

  private void run() {
    Set<String> names = new TreeSet<>();
    services.fieldNames().forEachRemaining(names::add);
    if (!names.equals(new TreeSet<>(SERVICES))) {
      problems.add("services are " + names + ", expected " + new TreeSet<>(SERVICES));
    }
    Map<Integer, String> hostPorts = new LinkedHashMap<>();
    services.fields().forEachRemaining(e -> {
      String name = e.getKey();
      JsonNode service = e.getValue();
      image(name, service.path("image").asText(""));
      healthcheck(name, service.path("healthcheck"));
      for (ComposeModel.Port p : ports(service)) {
        String other = hostPorts.put(p.host(), name);
        if (other != null) {
          problems.add(name + ": host port " + p.host() + " is taken by " + other + " too");
        }
      }
      if (isFlowport(service)) {
        flowportService(name, service);
      }
    });
  }

  private void image(String service, String image) {
    int slash = image.lastIndexOf('/');
    int colon = image.indexOf(':', slash + 1);
    String tag = colon < 0 ? "" : image.substring(colon + 1).replaceFirst("@.*", "");
    String repository = colon < 0 ? image : image.substring(0, colon);
    if (image.isEmpty()) {
      problems.add(service + ": no image");
    } else if (!VERSION.matcher(tag).matches()) {
      problems.add(service + ": image " + image + " is not pinned to an exact version");
    } else if (repository.startsWith("camunda/") && !CAMUNDA_VERSION.matcher(tag).matches()) {
      problems.add(service + ": image " + image + " is not Camunda 8.8.<n>");
    } else if (repository.equals("flowport") && !tag.equals(flowportVersion())) {
      problems.add(service + ": image " + image + " is not this flowport, " + flowportVersion());
    }
  }

  private void healthcheck(String service, JsonNode check) {
    List<String> test = strings(check.path("test"));
    if (test.isEmpty() || test.get(0).equals("NONE") || check.path("disable").asBoolean(false)) {
      problems.add(service + ": no health check");
    }
  }

  private void flowportService(String name, JsonNode service) {
    List<String> command = strings(service.path("command"));
    ComposeModel.Environment env = ComposeModel.Environment.of(service.path("environment"));
    for (Map.Entry<String, String> v : env.variables().entrySet()) {
      variable(name, v.getKey());
      url(name, v.getKey(), v.getValue(), service);
    }
    CommandLine.ParseResult parsed = command(name, command);
    if (parsed == null || !parsed.hasSubcommand()) {
      if (!command.isEmpty() && command.get(0).equals("worker")) {
        worker(name, service, env); // also while the worker command is not in this build yet
      }
      return;
    }
    switch (parsed.subcommand().commandSpec().name()) {
      case "simulator" -> simulator(name, service, parsed.subcommand().commandSpec());
      case "worker" -> worker(name, service, env);
      default -> { }
    }
  }

  /** The parse of a flowport command by flowport's own picocli model, or null with a problem. */
  private CommandLine.ParseResult command(String service, List<String> command) {
    CommandLine cli = Main.commandLine();
    String first = command.isEmpty() ? "" : command.get(0);
    if (!cli.getSubcommands().containsKey(first)) {
      // Until the worker command lands, its name is all that can be checked.
      boolean pending = first.equals("worker") && !onClassPath(WORKER_COMMAND_CLASS);
      if (!pending) {
        problems.add(service + ": command " + command + " is not a flowport command (" + cli.getSubcommands().keySet() + ")");
      }
      return null;
    }
    try {
      return cli.parseArgs(command.toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      problems.add(service + ": command " + command + ": " + e.getMessage());
      return null;
    }
  }

  private void simulator(String service, JsonNode compose, CommandLine.Model.CommandSpec spec) {
    InetAddress bind = spec.findOption("--bind").getValue();
    int port = spec.findOption("--port").getValue();
    if (!bind.isAnyLocalAddress()) {
      problems.add(service + ": the simulator listens on " + bind.getHostAddress() + ", other containers need 0.0.0.0");
    }
    healthUrl(service, compose, port, "/health");
  }

  private void worker(String service, JsonNode compose, ComposeModel.Environment env) {
    int port = Integer.parseInt(env.variables().getOrDefault("SERVER_PORT", String.valueOf(SPRING_DEFAULT_PORT)));
    healthUrl(service, compose, port, "/actuator/health/readiness");
    if (ports(compose).stream().noneMatch(p -> p.container() == port)) {
      problems.add(service + ": no published port reaches the worker's port " + port);
    }
    String endpoint = env.variables().get("FLOWPORT_EMR_ENDPOINT");
    String simulator = serviceRunning("simulator");
    Integer simPort = simulator == null ? null : simulatorPort(services.path(simulator));
    if (endpoint != null && simPort != null) {
      URI uri = URI.create(endpoint);
      if (!simulator.equals(uri.getHost()) || uri.getPort() != simPort) {
        problems.add(service + ": FLOWPORT_EMR_ENDPOINT " + endpoint + " is not the simulator, http://" + simulator + ":" + simPort);
      }
    }
  }

  /** A URL to another service must use a port it listens on, and wait for it to be healthy. */
  private void url(String service, String variable, String value, JsonNode compose) {
    Matcher m = URL.matcher(value);
    if (!m.lookingAt()) {
      return;
    }
    URI uri = URI.create(m.group());
    if (!services.has(uri.getHost())) {
      return;
    }
    Set<Integer> listening = listeningPorts(services.path(uri.getHost()));
    if (!listening.contains(uri.getPort())) {
      problems.add(service + ": " + variable + " " + value + ": " + uri.getHost() + " listens on " + listening);
    }
    if (!compose.path("depends_on").path(uri.getHost()).path("condition").asText().equals("service_healthy")) {
      problems.add(service + ": " + variable + " needs " + uri.getHost() + " healthy first (depends_on)");
    }
  }

  private void variable(String service, String name) {
    SpringMetadata.Property property = null;
    String declared;
    if (name.startsWith("FLOWPORT_")) {
      property = flowport.property(name);
      declared = "flowport's metadata";
    } else if (name.startsWith("CAMUNDA_CLIENT_")) {
      property = camunda.property(name);
      declared = "the Camunda starter's metadata";
    } else if (AWS_VARIABLES.contains(name)) {
      return;
    } else {
      for (SpringMetadata m : spring) {
        property = property != null ? property : m.property(name);
      }
      declared = "any Spring metadata on the class path";
    }
    if (property == null) {
      problems.add(service + ": " + name + " is no property declared in " + declared);
    } else if (property.deprecated()) {
      problems.add(service + ": " + name + " sets the deprecated property " + property.name());
    }
  }

  private void healthUrl(String service, JsonNode compose, int port, String path) {
    Matcher m = URL.matcher(String.join(" ", strings(compose.path("healthcheck").path("test"))));
    if (!m.find()) {
      problems.add(service + ": the health check asks no URL");
      return;
    }
    URI uri = URI.create(m.group());
    boolean local = Set.of("localhost", "127.0.0.1", "[::1]").contains(uri.getHost());
    if (!local || uri.getPort() != port || !uri.getPath().equals(path)) {
      problems.add(service + ": health check " + uri + " is not http://localhost:" + port + path);
    }
  }

  /** Ports a service listens on in the network: its command's --port, published or exposed ones. */
  private Set<Integer> listeningPorts(JsonNode service) {
    Set<Integer> ports = new LinkedHashSet<>();
    Integer simulator = simulatorPort(service);
    if (simulator != null) {
      ports.add(simulator);
    }
    ports(service).forEach(p -> ports.add(p.container()));
    service.path("expose").forEach(p -> ports.add(Integer.parseInt(p.asText().replaceFirst("/.*", ""))));
    return ports;
  }

  /** The --port of a service running flowport's simulator (its default if not given), else null. */
  private static Integer simulatorPort(JsonNode service) {
    List<String> command = strings(service.path("command"));
    if (!isFlowport(service) || command.isEmpty() || !command.get(0).equals("simulator")) {
      return null;
    }
    try {
      CommandLine.ParseResult parsed = Main.commandLine().parseArgs(command.toArray(String[]::new));
      return parsed.subcommand().commandSpec().findOption("--port").getValue();
    } catch (CommandLine.ParameterException e) {
      return null; // reported with the command
    }
  }

  private String serviceRunning(String subcommand) {
    for (Map.Entry<String, JsonNode> e : iterable(services)) {
      List<String> command = strings(e.getValue().path("command"));
      if (isFlowport(e.getValue()) && !command.isEmpty() && command.get(0).equals(subcommand)) {
        return e.getKey();
      }
    }
    return null;
  }

  static String flowportVersion() {
    StringWriter out = new StringWriter();
    Main.run(new String[] {"--version"}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
    return out.toString().trim().replaceFirst("^flowport ", "");
  }

  static boolean onClassPath(String className) {
    try {
      Class.forName(className, false, ComposeCheck.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
    return node::fields;
  }
}
