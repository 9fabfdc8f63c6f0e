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
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
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

  /** A runtime without workers of its own: someone else's worker takes the jobs. */
  private EmbeddedRuntime(ZeebeTestEngine engine, RunClock clock, EmrSimulator simulator, CamundaClient client) {
    this.engine = engine;
    this.clock = clock;
    this.simulator = simulator;
    this.spring = null;
    this.client = client;
  }

  /**
   * The engine's gateway on {@code port} (all interfaces: the test engine has no bind address),
   * the simulator and, if {@code workers}, flowport's workers: {@code flowport dev}.
   */
  public static EmbeddedRuntime serve(int port, int emrPort, double timeScale, SimulatorConfig simulatorConfig,
      boolean workers) {
    return serve(EngineFactory.create(port), port, emrPort, timeScale, simulatorConfig, workers);
  }

  /** As {@link #serve(int, int, double, SimulatorConfig, boolean)}, with an engine made elsewhere, serving on {@code port}. */
  public static EmbeddedRuntime serve(ZeebeTestEngine engine, int port, int emrPort, double timeScale,
      SimulatorConfig simulatorConfig, boolean workers) {
    engine.start();
    java.net.InetSocketAddress emr = new java.net.InetSocketAddress("127.0.0.1", emrPort);
    if (workers) {
      try {
        return start(() -> engine, port, timeScale, simulatorConfig, Mocks.NONE, Map.of(), emr);
      } catch (RuntimeException e) {
        engine.stop();
        throw e;
      }
    }
    RunClock clock = new RunClock(engine, timeScale);
    EmrSimulator simulator = EmrSimulator.start(clock, simulatorConfig, emr);
    CamundaClient client = CamundaClient.newClientBuilder().grpcAddress(java.net.URI.create("http://localhost:" + port))
        .preferRestOverGrpc(false).build();
    return new EmbeddedRuntime(engine, clock, simulator, client);
  }

  /**
   * Starts a runtime with its own engine. The engine starts on another thread while Spring reads
   * its configuration; the workers' client is made once the engine's gateway is up.
   */
  public static EmbeddedRuntime start(double timeScale, SimulatorConfig simulatorConfig, Mocks mocks) {
    long t0 = System.nanoTime();
    int port = freePort();
    CompletableFuture<ZeebeTestEngine> starting = CompletableFuture.supplyAsync(() -> {
      ZeebeTestEngine engine = EngineFactory.create(port);
      engine.start();
      Timing.log("engine started", t0);
      return engine;
    });
    try {
      return start(starting::join, port, timeScale, simulatorConfig, mocks);
    } catch (RuntimeException e) {
      starting.thenAccept(ZeebeTestEngine::stop);
      throw e;
    }
  }

  /** Starts the simulator and workers around an engine someone else owns (ZPT tests). */
  public static EmbeddedRuntime start(ZeebeTestEngine engine, double timeScale, SimulatorConfig simulatorConfig, Mocks mocks) {
    return start(engine, timeScale, simulatorConfig, mocks, Map.of());
  }

  /** The same, with Spring properties for the workers, e.g. {@code flowport.idempotency.lookup}. */
  public static EmbeddedRuntime start(ZeebeTestEngine engine, double timeScale, SimulatorConfig simulatorConfig, Mocks mocks,
      Map<String, String> properties) {
    String address = engine.getGatewayAddress();
    return start(() -> engine, Integer.parseInt(address.substring(address.lastIndexOf(':') + 1)), timeScale,
        simulatorConfig, mocks, properties);
  }

  private static EmbeddedRuntime start(Supplier<ZeebeTestEngine> engine, int port, double timeScale,
      SimulatorConfig simulatorConfig, Mocks mocks) {
    return start(engine, port, timeScale, simulatorConfig, mocks, Map.of());
  }

  private static EmbeddedRuntime start(Supplier<ZeebeTestEngine> engine, int port, double timeScale,
      SimulatorConfig simulatorConfig, Mocks mocks, Map<String, String> properties) {
    return start(engine, port, timeScale, simulatorConfig, mocks, properties, new java.net.InetSocketAddress("127.0.0.1", 0));
  }

  private static EmbeddedRuntime start(Supplier<ZeebeTestEngine> engine, int port, double timeScale,
      SimulatorConfig simulatorConfig, Mocks mocks, Map<String, String> properties, java.net.InetSocketAddress emrAddress) {
    long t0 = System.nanoTime();
    RunClock clock = new RunClock(engine, timeScale);
    EmrSimulator simulator = EmrSimulator.start(clock, simulatorConfig, emrAddress);
    // The workers' retry strategy, as `flowport worker` has it (WorkerConfiguration).
    EmrCall emr = new EmrOperations(EmrClients.workersFor(simulator.endpoint()));
    EmrCall serverless = new io.flowport.emr.EmrServerlessOperations(EmrClients.serverlessForEndpoint(simulator.endpoint()));
    EmrCall containers = new io.flowport.emr.EmrContainersOperations(EmrClients.containersForEndpoint(simulator.endpoint()));
    // The engine listens on 0.0.0.0:<port>; the client connects over loopback.
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
    props.putAll(properties);
    ConfigurableApplicationContext spring = new SpringApplicationBuilder(EmbeddedWorkers.class)
        .web(WebApplicationType.NONE)
        .bannerMode(Banner.Mode.OFF)
        .logStartupInfo(false)
        .initializers(ctx -> {
          // After Spring has read its configuration (the slow part), wait for the engine before
          // any bean, the Camunda client among them, is made.
          ctx.addBeanFactoryPostProcessor(new EngineReady(engine));
          var beans = ctx.getBeanFactory();
          beans.registerSingleton("emrCall", emr);
          beans.registerSingleton("emrServerlessCall", serverless);
          beans.registerSingleton("emrContainersCall", containers);
          beans.registerSingleton("mocks", mocks);
          beans.registerSingleton("engineClock", (WorkerConfiguration.EngineClock) clock::now);
          beans.registerSingleton("instanceStates", new EngineInstanceStates(engine));
        })
        // As arguments, so they win over the defaults the Camunda starter sets for its modes.
        .run(props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    Timing.log("workers started", t0);
    return new EmbeddedRuntime(engine.get(), clock, simulator, spring);
  }

  /** Answers the tasks of these job types, which flowport has no worker for, from the run's mocks. */
  public void openMockedWorkers(java.util.Collection<String> jobTypes) {
    if (spring == null) {
      throw new IllegalStateException("this runtime has no workers");
    }
    io.flowport.worker.MockedTasks.open(client, jobTypes, spring.getBean(io.flowport.runtime.JobPipeline.class),
        Duration.ofMillis(50));
  }

  /** The workers' pipeline, for a test's own worker of a resource flowport has none for. */
  public io.flowport.runtime.JobPipeline pipeline() {
    return spring.getBean(io.flowport.runtime.JobPipeline.class);
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
    if (spring != null) {
      spring.close();
    } else {
      client.close();
    }
    simulator.close();
  }

  /**
   * Stops the engine too (its timer thread keeps the JVM alive otherwise), first: a worker closed
   * before it cancels its job-activation call, and the engine then logs an ERROR with a stack trace
   * when it answers the cancelled call.
   */
  public void closeWithEngine() {
    clock.close();
    engine.stop();
    close();
  }

  /** Blocks the context's refresh until the engine is up, after configuration classes are parsed. */
  private record EngineReady(Supplier<ZeebeTestEngine> engine)
      implements org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor, org.springframework.core.Ordered {
    @Override
    public void postProcessBeanDefinitionRegistry(org.springframework.beans.factory.support.BeanDefinitionRegistry registry) {}

    @Override
    public void postProcessBeanFactory(org.springframework.beans.factory.config.ConfigurableListableBeanFactory factory) {
      engine.get();
    }

    @Override
    public int getOrder() {
      return LOWEST_PRECEDENCE;
    }
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port for the embedded engine", e);
    }
  }
}
