package io.flowport.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * How a source language binds a job to its data: where the request comes from and where the
 * result goes. ASL reads and writes the state document; Airflow renders templates and pushes XComs.
 */
interface Binding {

  /** The API request for a start (or single) call. */
  default JsonNode request(Job job) {
    return request(job, parameters(job), null);
  }

  /** What the catalog's request adapter reads: ASL's effective parameters, Airflow's rendered arguments. */
  JsonNode parameters(Job job);

  /** The request from {@code parameters}, the adapter reading {@code found} (a lookup's, or null) as {@code $$.Found}. */
  JsonNode request(Job job, JsonNode parameters, JsonNode found);

  /**
   * Variables keeping what a lookup found as arguments ({@code {into: found}}) for the task's later
   * jobs, whose {@link #parameters} include them.
   */
  default Map<String, Object> keepFound(Job job, JsonNode arguments) {
    throw new IllegalStateException("a lookup with 'into' needs a dialect with arguments, not " + job.header(io.flowport.contract.Headers.DIALECT));
  }

  /** The API request for a poll, given the job's variables. */
  JsonNode pollRequest(Job job);

  /** Variables to complete a call with, from its adapted result and its raw response. */
  Map<String, Object> finish(Job job, JsonNode result);

  /** The failure the source platform reports for an error answer of the service. */
  JobFailure serviceError(String service, String api, EmrCall.ServiceException e);

  /** Whether requests and responses use the SDK's member names (Step Functions) rather than the wire's (boto3). */
  default boolean capitalizedNames() {
    return false;
  }

  /** A mocked response for this job, if the run mocks its state. */
  default java.util.Optional<Mocks.Response> mock(Job job) {
    return java.util.Optional.empty();
  }
}
