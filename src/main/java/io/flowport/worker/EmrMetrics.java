package io.flowport.worker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import software.amazon.awssdk.core.internal.metrics.SdkErrorType;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;

/**
 * The AWS SDK's own per-call metrics as Micrometer counters: EMR calls by API and outcome, and
 * throttled attempts (which the SDK retries before flowport sees them, so only its metrics show them).
 */
public final class EmrMetrics implements MetricPublisher {

  static final String CALLS = "flowport.emr.calls";
  static final String THROTTLES = "flowport.emr.throttles";

  private final MeterRegistry registry;

  public EmrMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void publish(MetricCollection call) {
    String api = call.metricValues(CoreMetric.OPERATION_NAME).stream().findFirst().orElse("unknown");
    boolean ok = call.metricValues(CoreMetric.API_CALL_SUCCESSFUL).stream().findFirst().orElse(false);
    Counter.builder(CALLS).description("EMR API calls made by the workers").tag("api", api)
        .tag("outcome", ok ? "success" : "failure").register(registry).increment();
    long throttled = call.children().stream()
        .flatMap(attempt -> attempt.metricValues(CoreMetric.ERROR_TYPE).stream())
        .filter(SdkErrorType.THROTTLING.toString()::equals)
        .count();
    if (throttled > 0) {
      Counter.builder(THROTTLES).description("EMR call attempts refused with a throttling error").tag("api", api)
          .register(registry).increment(throttled);
    }
  }

  @Override
  public void close() {}
}
