package io.flowport.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CallBudgetTest {

  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

  private void advanceMillis(long ms) {
    nanos.addAndGet(ms * 1_000_000);
  }

  @Test
  void oneTokenAtATimeOnePerTenthOfASecond() {
    CallBudget budget = new CallBudget(10, nanos::get);
    assertThat(budget.available()).isTrue();
    assertThat(budget.reserve()).isZero();
    assertThat(budget.available()).isFalse();
    advanceMillis(99);
    assertThat(budget.available()).isFalse();
    advanceMillis(1);
    assertThat(budget.available()).isTrue();
  }

  @Test
  void takersBeyondTheBucketQueueBehindEachOther() {
    CallBudget budget = new CallBudget(10, nanos::get);
    budget.reserve();
    assertThat(budget.reserve()).isEqualTo(100_000_000L);
    assertThat(budget.reserve()).isEqualTo(200_000_000L);
    advanceMillis(200);
    assertThat(budget.available()).as("both reservations used the refill").isFalse();
    advanceMillis(100);
    assertThat(budget.available()).isTrue();
  }

  @Test
  void anIdleTimeRefillsOneTokenOnlySoNoSecondSeesMoreThanTheRatePlusOne() {
    CallBudget budget = new CallBudget(2, nanos::get);
    advanceMillis(60_000);
    assertThat(budget.reserve()).isZero();
    assertThat(budget.reserve()).isEqualTo(500_000_000L);
    assertThat(budget.reserve()).isEqualTo(1_000_000_000L);
  }

  @Test
  void zeroIsNoBudgetAndANegativeRateIsRefused() {
    CallBudget none = new CallBudget(0, nanos::get);
    for (int i = 0; i < 1000; i++) {
      assertThat(none.reserve()).isZero();
    }
    assertThat(none.available()).isTrue();
    assertThat(none.limited()).isFalse();
    assertThatThrownBy(() -> new CallBudget(-1)).hasMessageContaining("flowport.emr.max-rate");
  }

  @Test
  void aFractionalRateHasABucketOfOne() {
    CallBudget budget = new CallBudget(0.5, nanos::get);
    assertThat(budget.reserve()).isZero();
    assertThat(budget.available()).isFalse();
    advanceMillis(2000);
    assertThat(budget.available()).isTrue();
  }
}
