package io.flowport.runtime.airflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Airflow's back-off delays. Every expected value was computed with Python 3 running Airflow's own
 * formulas (TaskInstance.next_retry_datetime of Airflow 3 / 2.10 and the task SDK's
 * BaseSensorOperator._get_next_poke_interval) on the sha1 input strings written here, e.g.
 * {@code int(hashlib.sha1(b"retry_backoff#fetch#2024-01-01 00:00:00+00:00#3").hexdigest(), 16) % 80}.
 */
class BackoffTest {

  static final Instant LOGICAL = Instant.parse("2024-01-01T00:00:00Z");

  @Test
  void pythonsStrOfAnAwareUtcDatetimeShowsMicrosecondsOnlyWhenThereAreSome() {
    assertThat(Backoff.pythonStr(LOGICAL)).isEqualTo("2024-01-01 00:00:00+00:00");
    assertThat(Backoff.pythonStr(Instant.parse("2026-12-05T07:15:09.661Z"))).isEqualTo("2026-12-05 07:15:09.661000+00:00");
    // Python keeps microseconds: nanoseconds are cut, not rounded.
    assertThat(Backoff.pythonStr(Instant.parse("2024-01-01T00:00:00.250000999Z"))).isEqualTo("2024-01-01 00:00:00.250000+00:00");
  }

  @Test
  void retryDelaysDoubleFromRetryDelayWithTheTaskInstancesJitter() {
    // retry_delay 20 s: minimum back-off 20, 40, 80, 160, 320, 640 s for failed tries 1..6.
    long[] expected = {22, 45, 113, 164, 463, 843};
    for (int tryNumber = 1; tryNumber <= expected.length; tryNumber++) {
      assertThat(Backoff.retryDelay("retry_backoff", "fetch", LOGICAL, tryNumber, Duration.ofSeconds(20), 2, null))
          .as("try %d", tryNumber).isEqualTo(Duration.ofSeconds(expected[tryNumber - 1]));
    }
  }

  @Test
  void maxRetryDelayCapsTheDelayAndZeroMeansNoCap() {
    Duration max = Duration.ofMinutes(5);
    assertThat(Backoff.retryDelay("retry_backoff", "fetch", LOGICAL, 4, Duration.ofSeconds(20), 2, max)).isEqualTo(Duration.ofSeconds(164));
    assertThat(Backoff.retryDelay("retry_backoff", "fetch", LOGICAL, 5, Duration.ofSeconds(20), 2, max)).isEqualTo(max);
    assertThat(Backoff.retryDelay("retry_backoff", "fetch", LOGICAL, 6, Duration.ofSeconds(20), 2, max)).isEqualTo(max);
    assertThat(Backoff.retryDelay("retry_backoff", "fetch", LOGICAL, 6, Duration.ofSeconds(20), 2, Duration.ZERO))
        .isEqualTo(Duration.ofSeconds(843));
  }

  @Test
  void theMinimumBackoffIsAtLeastOneSecondAndRoundsUp() {
    for (int tryNumber = 1; tryNumber <= 3; tryNumber++) {
      assertThat(Backoff.retryDelay("d", "t", LOGICAL, tryNumber, Duration.ZERO, 2, null)).isEqualTo(Duration.ofSeconds(1));
    }
    // 0.3 s: ceil(0.3), ceil(0.6), ceil(1.2) = 1, 1, 2.
    long[] fractional = {1, 1, 2};
    for (int tryNumber = 1; tryNumber <= 3; tryNumber++) {
      assertThat(Backoff.retryDelay("d", "t", LOGICAL, tryNumber, Duration.ofMillis(300), 2, null))
          .isEqualTo(Duration.ofSeconds(fractional[tryNumber - 1]));
    }
  }

  @Test
  void aHugeBackoffStopsAtAirflowsMaxTaskRetryDelay() {
    assertThat(Backoff.retryDelay("d", "t", LOGICAL, 30, Duration.ofHours(1), 2, null)).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void aNumericMultiplierIsTheBase() {
    long[] expected = {11, 22, 23};
    for (int tryNumber = 1; tryNumber <= 3; tryNumber++) {
      assertThat(Backoff.retryDelay("d", "t", LOGICAL, tryNumber, Duration.ofSeconds(10), 1.5, null))
          .isEqualTo(Duration.ofSeconds(expected[tryNumber - 1]));
    }
  }

  static final String STARTED = "2024-01-01 00:00:00.250000+00:00";

  @Test
  void pokeIntervalsGrowFromHalfThePokeIntervalWithTheSensorsJitter() {
    // poke_interval 120 s: minimum back-off 60, 120, 240, 480, 960 s after pokes 1..5; timeout 1200 s caps the fifth.
    double[] expected = {83, 166, 314, 629, 1200};
    for (int poke = 1; poke <= expected.length; poke++) {
      assertThat(Backoff.pokeInterval("sensor_timeout_alert", "wait_terminated", STARTED, poke, 120, 1200, 0, null))
          .as("poke %d", poke).isEqualTo(expected[poke - 1]);
    }
  }

  @Test
  void maxWaitAndTheTimeLeftCapThePokeInterval() {
    assertThat(Backoff.pokeInterval("sensor_timeout_alert", "wait_terminated", STARTED, 2, 120, 1200, 0, 300.0)).isEqualTo(166);
    assertThat(Backoff.pokeInterval("sensor_timeout_alert", "wait_terminated", STARTED, 3, 120, 1200, 0, 300.0)).isEqualTo(300);
    // 1100.7 s in: int() leaves 1200 - 1100 = 100 s.
    assertThat(Backoff.pokeInterval("sensor_timeout_alert", "wait_terminated", STARTED, 5, 120, 1200, 1100.7, null)).isEqualTo(100);
  }

  @Test
  void thePokeBackoffIsAtLeastOneSecond() {
    double[] expected = {1, 1, 2};
    for (int poke = 1; poke <= 3; poke++) {
      assertThat(Backoff.pokeInterval("d", "t", STARTED, poke, 1, 100, 0, null)).isEqualTo(expected[poke - 1]);
    }
    assertThat(Backoff.pokeInterval("d", "t", STARTED, 1, 0, 100, 0, null)).isEqualTo(1);
    assertThat(Backoff.pokeInterval("d", "t", STARTED, 2, 0, 100, 0, null)).isEqualTo(1);
  }
}
