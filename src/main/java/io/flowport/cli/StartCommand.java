package io.flowport.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.camunda.client.api.command.CreateProcessInstanceCommandStep1.CreateProcessInstanceCommandStep3;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.response.ProcessInstanceResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code flowport start}: starts an instance of a deployed process over gRPC, optionally awaiting its result. */
@Command(
    name = "start",
    mixinStandardHelpOptions = true,
    description = {
        "Starts an instance of the latest version of PROCESS_ID on a Camunda 8 cluster over gRPC and prints its key; with --await, waits for it to end and prints its variables as JSON.",
        "A converted state machine takes its execution input as the variable 'input' and ends with 'output', or 'error' and 'cause' (exit 1).",
        "The cluster is configured as for 'flowport deploy'."})
final class StartCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Parameters(paramLabel = "PROCESS_ID", description = "BPMN process id (a state machine's file name, a DAG's dag_id).")
  String processId;

  @Option(names = "--variables", paramLabel = "JSON|@FILE", description = "Start variables: a JSON object, or @file.json.")
  String variables;

  @Option(names = "--await", paramLabel = "SECONDS", arity = "0..1", fallbackValue = "600",
      description = "Wait for the instance to end, up to SECONDS (default when given: ${FALLBACK-VALUE}).")
  Long await;

  @Option(names = "--gateway", paramLabel = "URL", description = "gRPC address, e.g. http://localhost:26500 (plaintext).")
  String gateway;

  @Unmatched
  List<String> properties = new ArrayList<>();

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    JsonNode vars = variables();
    if (await != null && await <= 0) {
      throw new ParameterException(spec.commandLine(), "--await must be a positive number of seconds");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (ClusterClient cluster = ClusterClient.open(gateway, properties, spec.commandLine())) {
      CreateProcessInstanceCommandStep3 create = cluster.client.newCreateInstanceCommand().bpmnProcessId(processId)
          .latestVersion().variables(JSON.convertValue(vars, java.util.Map.class));
      try {
        if (await == null) {
          ProcessInstanceEvent started = create.send().join();
          out.println(started.getProcessInstanceKey());
          return Main.OK;
        }
        ProcessInstanceResult result = create.withResult().requestTimeout(Duration.ofSeconds(await)).send().join();
        JsonNode ended = JSON.readTree(result.getVariables());
        out.println(JSON.enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(ended));
        if (ended.hasNonNull("error")) {
          err.printf("flowport: %s instance %d failed: %s: %s%n", processId, result.getProcessInstanceKey(),
              ended.get("error").asText(), ended.path("cause").asText(""));
          return Main.RUN_FAILED;
        }
        return Main.OK;
      } catch (RuntimeException e) {
        err.printf("flowport: %s: not started on %s: %s%n", processId, cluster.address, ClusterClient.reason(e));
        return Main.RUN_FAILED;
      }
    }
  }

  private JsonNode variables() throws IOException {
    if (variables == null) {
      return JSON.createObjectNode();
    }
    String text = variables;
    if (variables.startsWith("@")) {
      Path file = Path.of(variables.substring(1));
      if (!Files.isRegularFile(file)) {
        throw new ParameterException(spec.commandLine(), "--variables: " + file + ": no such file");
      }
      text = Files.readString(file);
    }
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new ParameterException(spec.commandLine(), "--variables: not JSON: "
          + e.getOriginalMessage().replaceAll("\\s*\\(start marker at \\[Source.*$", "") + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
    }
    if (node == null || !node.isObject()) {
      throw new ParameterException(spec.commandLine(), "--variables must be a JSON object");
    }
    return node;
  }
}
