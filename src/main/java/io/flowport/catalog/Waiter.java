package io.flowport.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A declarative wait, in the AWS SDK waiter format: poll {@code api} every {@code delay} seconds
 * until an acceptor says success or failure.
 *
 * @param service the AWS service of {@code api}: {@code emr} or {@code emr-serverless}
 * @param request an ASL payload template over the start call's result (or the arguments), or null
 * @param slowDelay a longer delay after {@code slowAfter} polls, or 0 for none
 * @param exhausted how an operator's wait fails when its attempts run out, or null
 * @param review how the wait differs from the source's, for the conversion report, or null
 * @param output what the wait answers with: {@code start} (the start call's result),
 *     {@code response} (the last poll's: Step Functions' addStep.sync answers with DescribeStep) or
 *     {@code empty} (an empty object: terminateCluster.sync)
 */
public record Waiter(
    String name,
    String service,
    String api,
    JsonNode request,
    int delay,
    int slowDelay,
    int slowAfter,
    List<Acceptor> acceptors,
    Failure failure,
    Failure exhausted,
    String review,
    String output) {

  public Waiter(String name, String service, String api, JsonNode request, int delay, int slowDelay, int slowAfter,
      List<Acceptor> acceptors, Failure failure, Failure exhausted) {
    this(name, service, api, request, delay, slowDelay, slowAfter, acceptors, failure, exhausted, null, "start");
  }
}
