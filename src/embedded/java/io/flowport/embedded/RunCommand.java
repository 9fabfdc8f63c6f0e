package io.flowport.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.flowport.cli.SimulatorOptions;
import io.flowport.convert.Converters;
import io.flowport.json.LocatedJson;
import io.flowport.simulator.SimulatorConfig;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs FILE once on the embedded engine with the local EMR simulator; prints the result.",
      "%nFILE is converted and deployed to the embedded Zeebe engine; one instance runs against the local",
      "EMR simulator (the real AWS SDK over HTTP). The result is JSON: the execution output for a state",
      "machine ({\"error\", \"cause\"} when it fails), {\"dag_id\", \"state\", \"tasks\"} for a DAG.",
      "Progress goes to stderr, one line per element entered or completed, with wall and source time."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the run succeeded", "1:the run failed, hit an incident or timed out", "2:bad input or usage"})
public final class RunCommand implements Callable<Integer> {

  /** 1/240: a source minute passes in a quarter of a wall second, so the reference runs take seconds. */
  static final String DEFAULT_TIME_SCALE = "1/240";

  @Parameters(paramLabel = "FILE", description = "A state machine (.json) or DAG file (.py).")
  Path file;

  @Option(names = "--input", paramLabel = "JSON_FILE", description = "Execution input of a state machine (default: {}).")
  Path input;

  @Option(names = "--output", paramLabel = "FILE", description = "Write the result here instead of stdout.")
  Path output;

  @Option(names = "--time-scale", paramLabel = "F", defaultValue = DEFAULT_TIME_SCALE,
      description = "Wall time per source time for every wait (timers, polls, retries, simulator): 1 is real time (default: ${DEFAULT-VALUE}).")
  String timeScale;

  @Option(names = "--emr-scenario", paramLabel = "FILE", description = "EMR simulator scenario (durations, failures); see docs/emr-simulator.md.")
  Path scenario;

  @Option(names = "--mock-config", paramLabel = "FILE", description = "AWS Step Functions Local MockConfigFile with mocked Task results (for a DAG: keyed by task_id, Return is the task's XCom).")
  Path mockConfig;

  @Option(names = "--test-case", paramLabel = "NAME", description = "Test case of the mock config.")
  String testCase;

  @Option(names = "--state-machine", paramLabel = "NAME", description = "State machine name in the mock config (default: FILE without .asl.json/.json; for a DAG its dag_id).")
  String stateMachine;

  @Option(names = "--trace", paramLabel = "FILE", description = "Write the source states/tasks entered, one per line.")
  Path trace;

  @Option(names = "--timeout-s", paramLabel = "N", defaultValue = "600", description = "Give up after N wall seconds (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Option(names = "--catalog", paramLabel = "FILE", description = "An extra mapping catalog (YAML); repeatable.")
  List<Path> catalogs = new ArrayList<>();

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if ((testCase != null || stateMachine != null) && mockConfig == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--test-case and --state-machine need --mock-config");
    }
    if (mockConfig != null && testCase == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--mock-config needs --test-case");
    }
    if (timeoutSeconds <= 0) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--timeout-s must be positive");
    }
    double scale = parseScale(spec, timeScale);
    JsonNode in = input == null ? null : LocatedJson.parse(input, Converters.read(input)).root();
    SimulatorConfig sim = scenario == null ? SimulatorConfig.defaults() : SimulatorOptions.scenario(scenario);
    PrintWriter err = spec.commandLine().getErr();
    Runner.Result result = Runner.run(new Runner.Options(file, in, scale, sim, mockConfig, testCase, stateMachine,
        Duration.ofSeconds(timeoutSeconds), catalogs), err);
    String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result.output());
    if (output == null) {
      spec.commandLine().getOut().println(json);
    } else {
      Files.writeString(output, json + "\n", StandardCharsets.UTF_8);
    }
    if (trace != null) {
      Files.write(trace, result.trace(), StandardCharsets.UTF_8);
    }
    return result.succeeded() ? 0 : 1;
  }

  /** {@code 1/120}, {@code 0.5} or {@code 1}. */
  static double parseScale(picocli.CommandLine.Model.CommandSpec spec, String s) {
    try {
      return SimulatorOptions.timeScale(s);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
