package io.flowport.runtime;

/**
 * A failure no retry of the job can help (a local run reaches a callback nobody answers): the job
 * fails at once and the incident shows this message, without a stack trace.
 */
public class NoRetry extends RuntimeException {

  public NoRetry(String message) {
    super(message);
  }
}
