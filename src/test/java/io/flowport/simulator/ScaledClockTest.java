package io.flowport.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The clock of {@code flowport simulator}, on a hand-moved nano counter. */
class ScaledClockTest {

  static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");
  final AtomicLong nanos = new AtomicLong(123_456_789L);

  @Test
  void realTimeAtScaleOne() {
    ScaledClock clock = new ScaledClock(T0, nanos::get, 1);
    nanos.addAndGet(2_500_000_000L);

    assertThat(clock.now()).isEqualTo(T0.plusMillis(2500));
  }

  @Test
  void aSixtiethPassesAMinuteInASecond() {
    ScaledClock clock = new ScaledClock(T0, nanos::get, 1.0 / 60);
    nanos.addAndGet(4_000_000_000L);

    assertThat(clock.now()).isEqualTo(T0.plusSeconds(240));
  }

  @Test
  void scaleOutsideZeroToOneIsRefused() {
    assertThatThrownBy(() -> new ScaledClock(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ScaledClock(1.5)).isInstanceOf(IllegalArgumentException.class);
  }
}
