package io.flowport.worker;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.runtime.EmrCall;

/** A service's calls that each take a token of the worker's {@link CallBudget} first. */
final class BudgetedCall implements EmrCall {

  private final EmrCall calls;
  private final CallBudget budget;

  BudgetedCall(EmrCall calls, CallBudget budget) {
    this.calls = calls;
    this.budget = budget;
  }

  @Override
  public JsonNode call(String api, JsonNode request) {
    budget.take();
    return calls.call(api, request);
  }

  @Override
  public JsonNode call(String api, JsonNode request, String token) {
    budget.take();
    return calls.call(api, request, token);
  }

  @Override
  public EmrCall capitalizedNames() {
    return new BudgetedCall(calls.capitalizedNames(), budget);
  }
}
