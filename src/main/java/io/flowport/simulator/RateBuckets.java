package io.flowport.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.LongSupplier;

/** One wall-clock token bucket per {@code perSecond} throttle rule, shared by the simulator's APIs. */
final class RateBuckets {

  private RateBuckets() {}

  /** Per throttle rule of {@code config}, in order: its bucket, or null for an {@code every} rule. */
  static List<RateBucket> of(SimulatorConfig config, LongSupplier nanos) {
    List<RateBucket> out = new ArrayList<>();
    for (ThrottleRule rule : config.throttles()) {
      out.add(rule.perSecond() == null ? null : new RateBucket(rule.perSecond(), rule.capacity(), nanos));
    }
    return Collections.unmodifiableList(out);
  }
}
