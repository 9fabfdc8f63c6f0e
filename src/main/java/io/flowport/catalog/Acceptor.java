package io.flowport.catalog;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One acceptor of an AWS SDK waiter: when the value at {@code argument} of the poll response
 * matches {@code expected}, the wait ends in {@code state}.
 *
 * @param matcher {@code path} (the value equals one of expected), {@code pathAll}, {@code pathAny}
 * @param argument a dotted path into the response, e.g. {@code Cluster.Status.State}
 * @param expected a value, a list of values, or {"argument": name} (an operator argument's value)
 * @param state {@code success}, {@code failure} or {@code retry}
 */
public record Acceptor(String matcher, String argument, JsonNode expected, String state) {}
