package io.flowport.simulator;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * The scenario's throttle and fault rules for one API of the simulator, with the call counts they
 * need. Each API has its own counts and fault draws, so EMR's stay as they were when another API
 * is called too.
 */
final class CallRules {

  private final SimulatorConfig config;
  private final Random faultRandom;
  private final Map<String, Integer> calls = new HashMap<>();
  private final Map<String, Integer> answers = new HashMap<>();

  CallRules(SimulatorConfig config, Random faultRandom) {
    this.config = config;
    this.faultRandom = faultRandom;
  }

  /** Counts a call; true when a throttle rule refuses it. */
  synchronized boolean throttled(String operation) {
    int count = calls.merge(operation, 1, Integer::sum);
    for (ThrottleRule rule : config.throttles()) {
      if (rule.operation().equals(operation) && count % rule.every() == 0) {
        return true;
      }
    }
    return false;
  }

  /** The rule that loses this answer of the operation (already performed), or null. */
  synchronized FaultRule fault(String operation) {
    int count = answers.merge(operation, 1, Integer::sum);
    for (FaultRule rule : config.faults()) {
      if (!rule.operation().equals(operation)) {
        continue;
      }
      boolean hit =
          rule.first() != null
              ? count <= rule.first()
              : rule.fraction() == null || faultRandom.nextDouble() < rule.fraction();
      if (hit) {
        return rule;
      }
    }
    return null;
  }

  synchronized Map<String, Integer> calls() {
    return new HashMap<>(calls);
  }
}
