package io.flowport.runtime.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * What a state's paths read besides its input: the context object of {@code $$} paths (Execution
 * (Id, Input, Name, StartTime, RoleArn), State (Name, EnteredTime, RetryCount), StateMachine (Id,
 * Name), Task.Token, Map.Item) and the workflow variables of {@code $name} paths, as they were when
 * the state was entered. The caller builds it; this library only reads it.
 */
public record ContextObject(JsonNode json, JsonNode variables) {

  public ContextObject {
    json = json == null ? JsonNodeFactory.instance.objectNode() : json;
    variables = variables == null || !variables.isObject() ? JsonNodeFactory.instance.objectNode() : variables;
  }

  public ContextObject(JsonNode json) {
    this(json, null);
  }

  public static ContextObject empty() {
    return new ContextObject(null, null);
  }

  /** This context with other workflow variables in scope. */
  public ContextObject withVariables(JsonNode vars) {
    return new ContextObject(json, vars);
  }
}
