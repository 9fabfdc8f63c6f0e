package io.flowport.cli;

import io.flowport.simulator.EmrSimulator;
import io.flowport.simulator.ScaledClock;
import io.flowport.simulator.SimulatorConfig;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The EMR simulator as a service of its own, e.g. next to a worker in docker-compose. */
@Command(
    name = "simulator",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the local EMR simulator alone until Ctrl-C or SIGTERM.",
      "%nThe real AWS SDK reaches it by endpoint override (worker: FLOWPORT_EMR_ENDPOINT)",
      "with any credentials. It prints one line with its endpoint once it listens.",
      "--time-scale makes the simulated EMR phases pass faster; the engine and the",
      "workers keep real time."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:stopped", "2:bad input or usage, or the port cannot be used"})
final class SimulatorCommand implements Callable<Integer> {

  @Option(names = "--port", paramLabel = "N", defaultValue = "4566",
      description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
      description = "Address to listen on; 0.0.0.0 for all interfaces, as in a container (default: ${DEFAULT-VALUE}).")
  InetAddress bind;

  @Option(names = "--emr-scenario", paramLabel = "FILE",
      description = "Simulator scenario (durations, failures), as for run; see docs/emr-simulator.md.")
  Path scenario;

  @Option(names = "--no-request-log", description = "Do not print a line for each call answered.")
  boolean noRequestLog;

  @Option(names = "--time-scale", paramLabel = "F", defaultValue = "1",
      description = "Wall time per source time of the EMR phases, in (0, 1]: 1/60 passes a source minute in a second (default: ${DEFAULT-VALUE}).")
  String timeScale;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (port < 0 || port > 65535) {
      throw new ParameterException(spec.commandLine(), "--port must be 0 to 65535, got " + port);
    }
    double scale;
    try {
      scale = SimulatorOptions.timeScale(timeScale);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    SimulatorConfig config = scenario == null ? SimulatorConfig.defaults() : SimulatorOptions.scenario(scenario);
    EmrSimulator simulator;
    try {
      simulator = EmrSimulator.start(new ScaledClock(scale), config, new InetSocketAddress(bind, port));
    } catch (UncheckedIOException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    // Closed in reverse order: the server stops before the stop signal lets a shutdown go on.
    if (!noRequestLog) {
      java.io.PrintWriter out = spec.commandLine().getOut();
      simulator.requestLog(line -> {
        synchronized (out) {
          out.println(line);
          out.flush();
        }
      });
    }
    try (StopSignal signal = new StopSignal(); simulator) {
      spec.commandLine().getOut().println(
          "flowport: EMR simulator on " + simulator.endpoint() + " (time scale " + timeScale.trim() + ")");
      spec.commandLine().getOut().flush();
      signal.await();
    }
    return Main.OK;
  }

  /** Ctrl-C/SIGTERM (a shutdown hook) or an interrupt of the waiting thread (tests). */
  private static final class StopSignal implements AutoCloseable {
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread hook = new Thread(this::onShutdown, "flowport-simulator-stop");
    private boolean interrupted;

    StopSignal() {
      Runtime.getRuntime().addShutdownHook(hook);
    }

    void await() {
      try {
        stop.await();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }

    private void onShutdown() {
      stop.countDown();
      try {
        // The JVM halts when the hooks end: give the server a moment to close first.
        closed.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void close() {
      closed.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running already.
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
