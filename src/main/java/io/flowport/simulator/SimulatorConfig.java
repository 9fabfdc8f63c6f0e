package io.flowport.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How long each phase takes (in source time, before any clock scaling), the seed that makes ids
 * repeatable, and the scenario rules. Build one in code or read it with {@link #fromFile(Path)}.
 */
public final class SimulatorConfig {

  private final long seed;
  private final Duration starting;
  private final Duration bootstrapping;
  private final Duration step;
  private final Duration terminating;
  private final List<ClusterRule> clusterRules;
  private final List<StepRule> stepRules;
  private final List<ThrottleRule> throttles;
  private final List<FaultRule> faults;
  private final List<LatencyRule> latencies;
  private final ServerlessConfig serverless;
  private final ContainersConfig containers;
  private final NotebooksConfig notebooks;

  private SimulatorConfig(Builder b) {
    this.seed = b.seed;
    this.starting = b.starting;
    this.bootstrapping = b.bootstrapping;
    this.step = b.step;
    this.terminating = b.terminating;
    this.clusterRules = List.copyOf(b.clusterRules);
    this.stepRules = List.copyOf(b.stepRules);
    this.throttles = List.copyOf(b.throttles);
    this.faults = List.copyOf(b.faults);
    this.latencies = List.copyOf(b.latencies);
    this.serverless = b.serverless;
    this.containers = b.containers;
    this.notebooks = b.notebooks;
  }

  public static SimulatorConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Reads a scenario file (JSON, or YAML for any other extension); see docs/emr-simulator.md. */
  public static SimulatorConfig fromFile(Path file) {
    return ScenarioFile.read(file);
  }

  public long seed() {
    return seed;
  }

  public Duration starting() {
    return starting;
  }

  public Duration bootstrapping() {
    return bootstrapping;
  }

  public Duration step() {
    return step;
  }

  public Duration terminating() {
    return terminating;
  }

  public List<ClusterRule> clusterRules() {
    return clusterRules;
  }

  public List<StepRule> stepRules() {
    return stepRules;
  }

  public List<ThrottleRule> throttles() {
    return throttles;
  }

  public List<FaultRule> faults() {
    return faults;
  }

  public List<LatencyRule> latencies() {
    return latencies;
  }

  public ServerlessConfig serverless() {
    return serverless;
  }

  public ContainersConfig containers() {
    return containers;
  }

  public NotebooksConfig notebooks() {
    return notebooks;
  }

  public static final class Builder {
    private long seed = 1;
    private Duration starting = Duration.ofSeconds(240);
    private Duration bootstrapping = Duration.ofSeconds(120);
    private Duration step = Duration.ofSeconds(120);
    private Duration terminating = Duration.ofSeconds(60);
    private final List<ClusterRule> clusterRules = new ArrayList<>();
    private final List<StepRule> stepRules = new ArrayList<>();
    private final List<ThrottleRule> throttles = new ArrayList<>();
    private final List<FaultRule> faults = new ArrayList<>();
    private final List<LatencyRule> latencies = new ArrayList<>();
    private ServerlessConfig serverless = ServerlessConfig.DEFAULT;
    private ContainersConfig containers = ContainersConfig.DEFAULT;
    private NotebooksConfig notebooks = NotebooksConfig.DEFAULT;

    private Builder() {}

    public Builder notebooks(NotebooksConfig notebooks) {
      this.notebooks = Objects.requireNonNull(notebooks);
      return this;
    }

    public Builder containers(ContainersConfig containers) {
      this.containers = Objects.requireNonNull(containers);
      return this;
    }

    public Builder serverless(ServerlessConfig serverless) {
      this.serverless = Objects.requireNonNull(serverless);
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder starting(Duration d) {
      this.starting = positive("starting", d);
      return this;
    }

    public Builder bootstrapping(Duration d) {
      this.bootstrapping = positive("bootstrapping", d);
      return this;
    }

    public Builder step(Duration d) {
      this.step = positive("step", d);
      return this;
    }

    public Builder terminating(Duration d) {
      this.terminating = positive("terminating", d);
      return this;
    }

    public Builder clusterRule(ClusterRule rule) {
      clusterRules.add(Objects.requireNonNull(rule));
      return this;
    }

    public Builder stepRule(StepRule rule) {
      stepRules.add(Objects.requireNonNull(rule));
      return this;
    }

    /** Rules are tried in order; the first that matches a call decides whether it is throttled. */
    public Builder throttle(ThrottleRule rule) {
      throttles.add(Objects.requireNonNull(rule));
      return this;
    }

    /** Rules are tried in order; the first that hits an answer loses it. */
    public Builder fault(FaultRule rule) {
      faults.add(Objects.requireNonNull(rule));
      return this;
    }

    /** Rules are tried in order; the first that matches a call delays it. */
    public Builder latency(LatencyRule rule) {
      latencies.add(Objects.requireNonNull(rule));
      return this;
    }

    public SimulatorConfig build() {
      return new SimulatorConfig(this);
    }

    private static Duration positive(String name, Duration d) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
      }
      return d;
    }
  }
}
