package io.flowport.worker.reaper;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Instance states from a Camunda 8.8 cluster's REST API ({@code GET /v2/process-instances/{key}}),
 * which reads the secondary storage Operate uses. Not found means not exported yet, or another
 * cluster's key: unknown, so never reaped. A gateway without the REST API (flowport dev) answers
 * nothing, and the reaper then terminates nothing.
 */
final class CamundaInstanceStates implements InstanceStates {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final java.util.function.Supplier<CamundaClient> client;
  private final Consumer<String> log;
  private volatile boolean warned;

  CamundaInstanceStates(java.util.function.Supplier<CamundaClient> client, Consumer<String> log) {
    this.client = client;
    this.log = log;
  }

  @Override
  public Map<Long, State> of(Collection<Long> keys) {
    Map<Long, State> out = new HashMap<>();
    for (long key : keys) {
      try {
        ProcessInstanceState s = client.get().newProcessInstanceGetRequest(key).requestTimeout(TIMEOUT).send().join().getState();
        out.put(key, s == ProcessInstanceState.COMPLETED || s == ProcessInstanceState.TERMINATED ? State.ENDED
            : s == ProcessInstanceState.ACTIVE ? State.ACTIVE : State.UNKNOWN);
      } catch (ClientHttpException e) {
        if (e.code() != 404) {
          warnOnce("the Camunda REST API answered " + e.code() + " for process instance " + key + ": " + e.getMessage());
        }
      } catch (RuntimeException e) {
        warnOnce("the Camunda REST API is not reachable (" + e.getMessage() + "); clusters of ended instances are not "
            + "terminated until it is (camunda.client.rest-address)");
        return out; // the same for every key: do not wait out a timeout per cluster
      }
    }
    return out;
  }

  private void warnOnce(String message) {
    if (!warned) {
      warned = true;
      log.accept("flowport reaper: " + message);
    }
  }
}
