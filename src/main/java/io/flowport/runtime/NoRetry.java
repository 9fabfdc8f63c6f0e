package io.flowport.runtime;

/**
 * A failure no retry of the job can help (a local run reaches a callback nobody answers, an answer
 * that breaks the contract): the job fails at once and raises an incident with this message.
 */
public class NoRetry extends RuntimeException {

  public NoRetry(String message) {
    super(message);
  }
}
