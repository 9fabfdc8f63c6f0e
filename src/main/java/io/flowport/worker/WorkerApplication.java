package io.flowport.worker;

import io.camunda.client.jobhandling.JobWorkerManager;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * {@code flowport worker}: every flowport job worker against a Camunda 8 cluster, configured the
 * Camunda Spring SDK way ({@code camunda.client.*}, {@code CAMUNDA_CLIENT_*}), with Actuator
 * health, readiness and metrics over HTTP and a graceful shutdown.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({WorkerConfiguration.class, EmrJobWorkers.class, EmrServerlessJobWorkers.class, EmrContainersJobWorkers.class, AslJobWorkers.class, AirflowJobWorkers.class,
    io.flowport.worker.reaper.ReaperConfiguration.class})
public class WorkerApplication {

  /**
   * Threads that run jobs ({@code camunda.client.execution-threads}; the SDK's default is 1): an
   * EMR call that the SDK backs off after a ThrottlingException holds its thread, and with one
   * thread every other job waits behind it.
   */
  public static final int EXECUTION_THREADS = 8;

  /** Defaults a user's properties, environment or arguments override. */
  static Map<String, Object> defaults() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("spring.application.name", "flowport-worker");
    d.put("server.port", 8080);
    d.put("server.shutdown", "graceful");
    d.put("management.endpoints.web.exposure.include", "health,info,metrics,prometheus");
    d.put("management.endpoint.health.probes.enabled", true);
    d.put("management.endpoint.health.show-details", "always");
    d.put("logging.level.root", "INFO");
    d.put("spring.main.banner-mode", "off");
    // gRPC, which every Zeebe gateway (and flowport dev, which has no REST API) speaks.
    d.put("camunda.client.prefer-rest-over-grpc", false);
    d.put("camunda.client.execution-threads", EXECUTION_THREADS);
    // Jobs pushed as they are made, not at the next poll: a wait the tracker wakes polls at once.
    d.put("camunda.client.worker.defaults.stream-enabled", true);
    return d;
  }

  public static ConfigurableApplicationContext start(String... args) {
    SpringApplication app = new SpringApplication(WorkerApplication.class);
    app.setDefaultProperties(defaults());
    return app.run(args);
  }

  @Bean
  WaitTracker waitTracker(MeterRegistry registry, @Value("${flowport.worker.wait-stale:PT30M}") Duration stale) {
    return new WaitTracker(registry, stale, Instant::now);
  }

  @Bean
  ShutdownDrain shutdownDrain(JobWorkerManager workers, MeterRegistry registry,
      @Value("${flowport.worker.shutdown-grace:PT30S}") Duration grace) {
    return new ShutdownDrain(workers, registry, grace);
  }
}
