package io.flowport.runtime.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The context object that {@code $$} paths read: Execution (Id, Input, Name, StartTime, RoleArn),
 * State (Name, EnteredTime, RetryCount), StateMachine (Id, Name), Task.Token and Map.Item (Index,
 * Value). The caller builds it; this library only reads it.
 */
public record ContextObject(JsonNode json) {

  public ContextObject {
    json = json == null ? JsonNodeFactory.instance.objectNode() : json;
  }

  public static ContextObject empty() {
    return new ContextObject(null);
  }
}
