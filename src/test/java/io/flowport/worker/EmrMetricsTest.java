package io.flowport.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowport.simulator.EmrClients;
import io.flowport.simulator.EmrSimulator;
import io.flowport.simulator.SimClock;
import io.flowport.simulator.SimulatorConfig;
import io.flowport.simulator.ThrottleRule;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.emr.EmrClient;
import software.amazon.awssdk.services.emr.model.EmrException;

/** The AWS SDK's metrics of real calls to the simulator, as flowport's counters. */
class EmrMetricsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private double count(String name, String... tags) {
    var found = registry.find(name).tags(tags).counter();
    return found == null ? 0 : found.count();
  }

  @Test
  void countsCallsByApiAndOutcomeAndEveryThrottledAttempt() {
    SimClock clock = Instant::now;
    // Every DescribeCluster call is throttled: the SDK tries it several times, then gives up.
    SimulatorConfig throttled = SimulatorConfig.builder().throttle(new ThrottleRule("DescribeCluster", 1)).build();
    try (EmrSimulator sim = EmrSimulator.start(clock, throttled);
        EmrClient emr = EmrClients.builderFor(sim.endpoint())
            .overrideConfiguration(c -> c.addMetricPublisher(new EmrMetrics(registry))).build()) {
      emr.listClusters(r -> {});
      assertThatThrownBy(() -> emr.describeCluster(r -> r.clusterId("j-1"))).isInstanceOf(EmrException.class);
      int attempts = sim.calls().get("DescribeCluster");

      assertThat(count(EmrMetrics.CALLS, "api", "ListClusters", "outcome", "success")).isEqualTo(1);
      assertThat(count(EmrMetrics.CALLS, "api", "DescribeCluster", "outcome", "failure")).isEqualTo(1);
      assertThat(attempts).isGreaterThan(1);
      assertThat(count(EmrMetrics.THROTTLES, "api", "DescribeCluster")).isEqualTo(attempts);
      assertThat(count(EmrMetrics.THROTTLES, "api", "ListClusters")).isZero();
    }
  }
}
