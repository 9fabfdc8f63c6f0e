package io.flowport.runtime;

import com.fasterxml.jackson.databind.JsonNode;

/** Calls one EMR API with a request given as JSON and returns the response as JSON. */
@FunctionalInterface
public interface EmrCall {

  /**
   * @throws ServiceException when EMR answers with an error
   */
  JsonNode call(String api, JsonNode request);

  /** An error answer of the service, e.g. InvalidRequestException, ThrottlingException. */
  class ServiceException extends RuntimeException {
    private final String code;
    private final boolean retryable;

    public ServiceException(String code, String message, boolean retryable, Throwable cause) {
      super(message, cause);
      this.code = code;
      this.retryable = retryable;
    }

    public String code() {
      return code;
    }

    /** Throttling and server-side errors: retry the job later rather than fail the task. */
    public boolean retryable() {
      return retryable;
    }
  }
}
