package io.flowport.embedded;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.flowport.emr.EmrOperations;
import io.flowport.runtime.EmrCall;
import io.flowport.runtime.Mocks;
import io.flowport.simulator.EmrClients;
import io.flowport.simulator.EmrSimulator;
import io.flowport.simulator.SimulatorConfig;
import io.flowport.worker.WorkerConfiguration;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default: Zeebe Process Test's in-memory engine, flowport's EMR simulator and the
 * Spring workers, sharing one {@link RunClock}. For trying and testing only: the engine's log
 * grows without bound and its gateway listens on all interfaces.
 */
public final class EmbeddedRuntime implements AutoCloseable {

  private final ZeebeTestEngine engine;
  private final RunClock clock;
  private final EmrSimulator simulator;
  private final ConfigurableApplicationContext spring;
  private final CamundaClient client;

  private EmbeddedRuntime(ZeebeTestEngine engine, RunClock clock, EmrSimulator simulator,
      ConfigurableApplicationContext spring) {
    this.engine = engine;
    this.clock = clock;
    this.simulator = simulator;
    this.spring = spring;
    this.client = spring.getBean(CamundaClient.class);
  }

  /** Starts a runtime with its own engine. */
  public static EmbeddedRuntime start(double timeScale, SimulatorConfig simulatorConfig, Mocks mocks) {
    ZeebeTestEngine engine = EngineFactory.create(freePort());
    engine.start();
    return start(engine, timeScale, simulatorConfig, mocks);
  }

  /** Starts the simulator and workers around an engine someone else owns (ZPT tests). */
  public static EmbeddedRuntime start(ZeebeTestEngine engine, double timeScale, SimulatorConfig simulatorConfig, Mocks mocks) {
    RunClock clock = new RunClock(engine, timeScale);
    EmrSimulator simulator = EmrSimulator.start(clock, simulatorConfig);
    EmrCall emr = new EmrOperations(EmrClients.forEndpoint(simulator.endpoint()));
    // The engine reports 0.0.0.0:<port>; the client connects over loopback.
    String address = engine.getGatewayAddress();
    String port = address.substring(address.lastIndexOf(':') + 1);
    Map<String, Object> props = new HashMap<>();
    props.put("camunda.client.mode", "self-managed");
    props.put("camunda.client.grpc-address", "http://localhost:" + port);
    props.put("camunda.client.prefer-rest-over-grpc", "false");
    props.put("camunda.client.deployment.enabled", "false");
    // Jobs never take long here, but source time runs fast: keep the activation timeout far away.
    props.put("camunda.client.worker.defaults.timeout", Duration.ofDays(3650).toString());
    props.put("camunda.client.worker.defaults.poll-interval", "PT0.05S");
    props.put("spring.main.banner-mode", "off");
    props.put("logging.level.root", "ERROR");
    props.put("logging.level.io.camunda.client.jobhandling", "OFF");
    ConfigurableApplicationContext spring = new SpringApplicationBuilder(EmbeddedWorkers.class)
        .web(WebApplicationType.NONE)
        .bannerMode(Banner.Mode.OFF)
        .logStartupInfo(false)
        .initializers(ctx -> {
          var beans = ctx.getBeanFactory();
          beans.registerSingleton("emrCall", emr);
          beans.registerSingleton("mocks", mocks);
          beans.registerSingleton("engineClock", (WorkerConfiguration.EngineClock) clock::now);
        })
        // As arguments, so they win over the defaults the Camunda starter sets for its modes.
        .run(props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    return new EmbeddedRuntime(engine, clock, simulator, spring);
  }

  public ZeebeTestEngine engine() {
    return engine;
  }

  public RunClock clock() {
    return clock;
  }

  public EmrSimulator simulator() {
    return simulator;
  }

  public CamundaClient client() {
    return client;
  }

  @Override
  public void close() {
    clock.close();
    spring.close();
    simulator.close();
  }

  /** Stops the engine too (its timer thread keeps the JVM alive otherwise). */
  public void closeWithEngine() {
    close();
    engine.stop();
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port for the embedded engine", e);
    }
  }
}
