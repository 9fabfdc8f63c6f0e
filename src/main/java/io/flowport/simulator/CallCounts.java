package io.flowport.simulator;

/**
 * What the simulator answered to one operation: calls received, and of those the ones refused with
 * ThrottlingException, answered 500 by a fault rule, and dropped by a fault rule. The rest were
 * answered as EMR would (successes and EMR's own errors such as ValidationException).
 */
public record CallCounts(int calls, int throttled, int errors, int dropped) {

  public static final CallCounts NONE = new CallCounts(0, 0, 0, 0);

  CallCounts plus(CallCounts o) {
    return new CallCounts(calls + o.calls, throttled + o.throttled, errors + o.errors, dropped + o.dropped);
  }
}
