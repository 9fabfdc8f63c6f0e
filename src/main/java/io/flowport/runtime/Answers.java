package io.flowport.runtime;

import java.util.Map;

/**
 * Publishes the answer to a callback Task state (the {@code flowport.task-token} message), as an
 * app would: in flowport's pipeline only a mocked callback needs it.
 */
public interface Answers {

  Answers NONE = (token, variables) -> {
    throw new IllegalStateException("this runtime cannot publish the answer to a callback");
  };

  /** Publishes the message with correlation key {@code token} and these variables. */
  void publish(String token, Map<String, Object> variables);
}
