package io.flowport.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.emr.EmrClient;
import software.amazon.awssdk.services.emr.model.EmrException;
import software.amazon.awssdk.services.emrserverless.EmrServerlessClient;
import software.amazon.awssdk.services.emrserverless.model.EmrServerlessException;

/** The rate throttle, latency and answer counts of fault injection (issue #4 item 6). */
class RateAndLatencyTest {

  private EmrSimulator simulator;

  @AfterEach
  void stop() {
    if (simulator != null) {
      simulator.close();
    }
  }

  @Test
  void theBucketAllowsItsBurstThenItsRateOfWallClockTime() {
    AtomicLong nanos = new AtomicLong();
    RateBucket bucket = new RateBucket(2, 2, nanos::get);

    assertThat(bucket.take()).isTrue();
    assertThat(bucket.take()).isTrue();
    assertThat(bucket.take()).as("burst of 2 used up").isFalse();
    nanos.addAndGet(Duration.ofMillis(499).toNanos());
    assertThat(bucket.take()).as("2 a second: a token after 500 ms, not before").isFalse();
    nanos.addAndGet(Duration.ofMillis(1).toNanos());
    assertThat(bucket.take()).isTrue();
    nanos.addAndGet(Duration.ofSeconds(60).toNanos());
    assertThat(bucket.take()).isTrue();
    assertThat(bucket.take()).isTrue();
    assertThat(bucket.take()).as("a long pause refills only up to the burst").isFalse();
  }

  @Test
  void aRateRuleOverAGlobThrottlesEveryMatchingCallAsEmrDoes() {
    // One request every 100 s: the first call passes, the next ones, of any EMR operation, are throttled.
    simulator = EmrSimulator.start(() -> Instant.EPOCH,
        SimulatorConfig.builder().throttle(ThrottleRule.perSecond("emr", "*", 0.01)).build());
    try (EmrClient emr = noRetries()) {
      emr.listClusters();
      assertThatThrownBy(() -> emr.describeCluster(r -> r.clusterId("j-1")))
          .isInstanceOfSatisfying(EmrException.class, e -> {
            // EMR's JSON 1.1 answer: 400 with __type ThrottlingException, which the SDK's retry
            // policy treats as throttling (its throttling back-off applies).
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
            assertThat(e.isThrottlingException()).isTrue();
          });
      assertThatThrownBy(emr::listClusters).isInstanceOf(EmrException.class);
    }
    assertThat(simulator.counts().get("ListClusters")).isEqualTo(new CallCounts(2, 1, 0, 0));
    assertThat(simulator.counts().get("DescribeCluster")).isEqualTo(new CallCounts(1, 1, 0, 0));
    assertThat(simulator.totals()).isEqualTo(new CallCounts(3, 2, 0, 0));
  }

  @Test
  void aRuleOfOneServiceLeavesTheOthersAlone() {
    simulator = EmrSimulator.start(() -> Instant.EPOCH,
        SimulatorConfig.builder().throttle(ThrottleRule.perSecond("emr-serverless", "*", 0.01)).build());
    try (EmrClient emr = noRetries();
        EmrServerlessClient serverless = EmrServerlessClient.builder().endpointOverride(simulator.endpoint())
            .region(software.amazon.awssdk.regions.Region.US_EAST_1)
            .credentialsProvider(software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider.create())
            .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build()) {
      serverless.listApplications(r -> {});
      assertThatThrownBy(() -> serverless.listApplications(r -> {}))
          .isInstanceOfSatisfying(EmrServerlessException.class, e -> assertThat(e.isThrottlingException()).isTrue());
      for (int i = 0; i < 5; i++) {
        emr.listClusters();
      }
    }
    assertThat(simulator.counts().get("ListClusters").throttled()).isZero();
    assertThat(simulator.counts().get("ListApplications").throttled()).isEqualTo(1);
  }

  @Test
  void countsKeepThrottledFailedAndDroppedAnswersApart() {
    simulator = EmrSimulator.start(() -> Instant.EPOCH, SimulatorConfig.builder()
        .throttle(new ThrottleRule(null, "List*", 3, null, null))
        .fault(new FaultRule("emr", "ListClusters", FaultRule.Answer.ERROR, 1, null))
        .fault(new FaultRule("emr", "List*", FaultRule.Answer.DROP, 2, null))
        .build());
    try (EmrClient emr = noRetries()) {
      assertThatThrownBy(emr::listClusters)
          .isInstanceOfSatisfying(EmrException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
      assertThatThrownBy(emr::listClusters).hasMessageContaining("Unable to execute HTTP request");
      assertThatThrownBy(emr::listClusters)
          .isInstanceOfSatisfying(EmrException.class, e -> assertThat(e.isThrottlingException()).isTrue());
      emr.listClusters();
      // A call that fails on its own (unknown cluster) is answered as EMR would: not a fault.
      assertThatThrownBy(() -> emr.describeCluster(r -> r.clusterId("j-1")))
          .isInstanceOfSatisfying(EmrException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    }
    assertThat(simulator.counts().get("ListClusters")).isEqualTo(new CallCounts(4, 1, 1, 1));
    assertThat(simulator.counts().get("DescribeCluster")).isEqualTo(new CallCounts(1, 0, 0, 0));
  }

  @Test
  void latencyIsFixedOrDrawnFromTheSeedWithinItsRange() {
    SimulatorConfig config = SimulatorConfig.builder().seed(5)
        .latency(LatencyRule.fixed("RunJobFlow", Duration.ofMillis(250)))
        .latency(new LatencyRule("emr", "Describe*", Duration.ofMillis(10), Duration.ofMillis(50)))
        .build();
    Latencies a = new Latencies(config);
    Latencies b = new Latencies(config);

    assertThat(a.delay("emr", "RunJobFlow")).isEqualTo(Duration.ofMillis(250));
    assertThat(a.delay("emr", "ListClusters")).isZero();
    assertThat(a.delay("emr-serverless", "DescribeApplication")).as("another service").isZero();
    List<Duration> drawn = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      Duration d = a.delay("emr", "DescribeCluster");
      assertThat(d).isBetween(Duration.ofMillis(10), Duration.ofMillis(50));
      assertThat(b.delay("emr", "DescribeStep")).as("same seed, same draws").isEqualTo(d);
      drawn.add(d);
    }
    assertThat(drawn.stream().distinct().count()).as("drawn, not fixed").isGreaterThan(10);
  }

  @Test
  void aDelayedCallHoldsUpNoOtherCall() throws Exception {
    simulator = EmrSimulator.start(() -> Instant.EPOCH, SimulatorConfig.builder()
        .latency(LatencyRule.fixed("DescribeCluster", Duration.ofSeconds(2))).build());
    try (EmrClient emr = noRetries()) {
      long t0 = System.nanoTime();
      Thread slow = new Thread(() -> {
        try {
          emr.describeCluster(r -> r.clusterId("j-1"));
        } catch (EmrException expected) {
          // unknown cluster: answered after the delay
        }
      });
      slow.start();
      Thread.sleep(200);
      emr.listClusters();
      long fast = System.nanoTime() - t0;
      slow.join();
      long slowTook = System.nanoTime() - t0;

      assertThat(Duration.ofNanos(slowTook)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
      assertThat(Duration.ofNanos(fast)).as("ListClusters answered while DescribeCluster waited").isLessThan(Duration.ofSeconds(2));
    }
  }

  private EmrClient noRetries() {
    return EmrClients.builderFor(simulator.endpoint())
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
  }
}
