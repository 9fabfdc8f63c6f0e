package io.flowport.simulator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The scenario's throttle and fault rules for one API of the simulator, with the call counts they
 * need. Each API has its own counts and fault draws, so EMR's stay as they were when another API
 * is called too; the rate buckets of {@code perSecond} rules are shared by all APIs.
 */
final class CallRules {

  private final String service;
  private final SimulatorConfig config;
  private final Random faultRandom;
  private final List<RateBucket> buckets;
  private final Map<String, Integer> calls = new HashMap<>();
  private final Map<String, Integer> answers = new HashMap<>();
  private final Map<String, CallCounts> counts = new HashMap<>();

  /**
   * @param service the service name rules may give ({@link ThrottleRule#SERVICES})
   * @param buckets per throttle rule of the config, its rate bucket (null for an {@code every} rule)
   */
  CallRules(String service, SimulatorConfig config, Random faultRandom, List<RateBucket> buckets) {
    this.service = service;
    this.config = config;
    this.faultRandom = faultRandom;
    this.buckets = buckets;
  }

  /** Counts a call; true when a throttle rule refuses it. */
  synchronized boolean throttled(String operation) {
    int count = calls.merge(operation, 1, Integer::sum);
    boolean throttled = false;
    for (int i = 0; i < config.throttles().size() && !throttled; i++) {
      ThrottleRule rule = config.throttles().get(i);
      if (rule.matches(service, operation)) {
        throttled = rule.every() != null ? count % rule.every() == 0 : !buckets.get(i).take();
      }
    }
    count(operation, new CallCounts(1, throttled ? 1 : 0, 0, 0));
    return throttled;
  }

  /** The rule that loses this answer of the operation (already performed), or null. */
  synchronized FaultRule fault(String operation) {
    int count = answers.merge(operation, 1, Integer::sum);
    for (FaultRule rule : config.faults()) {
      if (!rule.matches(service, operation)) {
        continue;
      }
      boolean hit =
          rule.first() != null
              ? count <= rule.first()
              : rule.fraction() == null || faultRandom.nextDouble() < rule.fraction();
      if (hit) {
        boolean drop = rule.answer() == FaultRule.Answer.DROP;
        count(operation, new CallCounts(0, 0, drop ? 0 : 1, drop ? 1 : 0));
        return rule;
      }
    }
    return null;
  }

  private void count(String operation, CallCounts more) {
    counts.merge(operation, more, CallCounts::plus);
  }

  synchronized Map<String, Integer> calls() {
    return new HashMap<>(calls);
  }

  synchronized Map<String, CallCounts> counts() {
    return new HashMap<>(counts);
  }
}
