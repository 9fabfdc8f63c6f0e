package io.flowport.embedded;

import io.camunda.client.api.response.DeploymentEvent;
import io.flowport.simulator.SimulatorConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code flowport dev}: the embedded engine, the EMR simulator and the workers as one local
 * stand-in for a Camunda 8 cluster, reachable over gRPC until Ctrl-C.
 */
@Command(
    name = "dev",
    mixinStandardHelpOptions = true,
    description = {
        "Runs a local stand-in for a Camunda 8 cluster: the embedded Zeebe engine with its gRPC gateway, the EMR simulator and flowport's workers, deploying DIR's BPMN at start, until Ctrl-C.",
        "Apps, Zeebe clients in any language and 'flowport deploy/start' talk to it as to a cluster.",
        "It has no REST API, Operate or Tasklist: use docker-compose.yml for those."})
public final class DevCommand implements Callable<Integer> {

  @Option(names = "--port", paramLabel = "N", defaultValue = "26500", description = "gRPC gateway port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--emr-port", paramLabel = "N", defaultValue = "0",
      description = "EMR simulator port on 127.0.0.1 (default: any free port; the endpoint is printed).")
  int emrPort;

  @Option(names = "--time-scale", paramLabel = "F", defaultValue = RunCommand.DEFAULT_TIME_SCALE,
      description = "Wall seconds per source second, for timers and the simulator (default: ${DEFAULT-VALUE}; 1 is real time).")
  String timeScale;

  @Option(names = "--emr-scenario", paramLabel = "FILE", description = "EMR simulator scenario (durations, failures); see docs/emr-simulator.md.")
  Path scenario;

  @Option(names = "--deploy", paramLabel = "DIR", description = "Deploy the .bpmn files of DIR at start (default: bpmn, if it exists).")
  Path deploy;

  @Option(names = "--no-workers", description = "Open no workers here: a separate 'flowport worker' takes the jobs.")
  boolean noWorkers;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (port < 1 || port > 65535) {
      throw new ParameterException(spec.commandLine(), "--port must be in 1..65535, got " + port);
    }
    if (emrPort < 0 || emrPort > 65535 || emrPort == port) {
      throw new ParameterException(spec.commandLine(), "--emr-port must be in 0..65535 and differ from --port, got " + emrPort);
    }
    double scale = RunCommand.parseScale(spec, timeScale);
    SimulatorConfig sim = scenario == null ? SimulatorConfig.defaults() : io.flowport.cli.SimulatorOptions.scenario(scenario);
    List<Path> files = bpmnFiles();
    requireFree(port, "--port");
    if (emrPort != 0) {
      requireFree(emrPort, "--emr-port");
    }
    PrintWriter err = spec.commandLine().getErr();
    EmbeddedRuntime runtime = EmbeddedRuntime.serve(port, emrPort, scale, sim, !noWorkers);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      runtime.closeWithEngine();
      stopped.countDown();
    }, "flowport-dev-stop"));
    runtime.clock().go();
    for (Path file : files) {
      try {
        DeploymentEvent d = runtime.client().newDeployResourceCommand().addResourceFile(file.toString()).send().join();
        d.getProcesses().forEach(p -> err.printf("flowport dev: deployed %s version %d (key %d) from %s%n",
            p.getBpmnProcessId(), p.getVersion(), p.getProcessDefinitionKey(), file));
      } catch (RuntimeException e) {
        // One bad file must not keep the others (or the server) from coming up.
        err.printf("flowport dev: %s: not deployed: %s%n", file, firstLine(e.getMessage()));
      }
    }
    err.printf("flowport dev: Zeebe gRPC gateway on localhost:%d (plaintext, listening on all interfaces), time scale %s%n",
        port, timeScale);
    err.printf("flowport dev: EMR simulator on %s%n", runtime.simulator().endpoint());
    if (noWorkers) {
      err.printf("flowport dev: no workers here; start them with: flowport worker --camunda.client.grpc-address=http://localhost:%d"
          + " --camunda.client.prefer-rest-over-grpc=false --flowport.emr.endpoint=%s --flowport.emr.region=us-east-1%s%n",
          port, runtime.simulator().endpoint(), trackerInterval(scale));
    } else {
      err.println("flowport dev: flowport's workers are running here");
    }
    err.println("flowport dev: no REST API, Operate or Tasklist (see docker-compose.yml); Ctrl-C stops");
    err.flush();
    stopped.await();
    return 0;
  }

  /**
   * The worker's tracker refreshes on the worker's clock, which is wall time: at a time scale it
   * must refresh as much faster as source time runs, or it would miss states the source's polls see.
   */
  static String trackerInterval(double scale) {
    if (scale >= 1) {
      return "";
    }
    return " --flowport.tracker.interval=" + java.time.Duration.ofMillis(Math.max(1, Math.round(30_000 * scale)));
  }

  private void requireFree(int p, String option) {
    try (ServerSocket probe = new ServerSocket(p)) {
      probe.setReuseAddress(true);
    } catch (IOException e) {
      throw new ParameterException(spec.commandLine(), "port " + p + " is in use (choose another with " + option + ")");
    }
  }

  static String firstLine(String message) {
    return message == null ? "unknown error" : message.lines().findFirst().orElse("");
  }

  private List<Path> bpmnFiles() throws IOException {
    Path dir = deploy == null ? Path.of("bpmn") : deploy;
    if (!Files.isDirectory(dir)) {
      if (deploy != null) {
        throw new ParameterException(spec.commandLine(), "--deploy: " + dir + " is not a directory");
      }
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".bpmn")).sorted().toList();
    }
  }
}
