package io.flowport.runtime;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Calls one API of an AWS service (EMR, EMR Serverless) with a request given as JSON and returns
 * the response as JSON, with the service's own member names (as boto3).
 */
@FunctionalInterface
public interface EmrCall {

  /**
   * @throws ServiceException when the service answers with an error
   */
  JsonNode call(String api, JsonNode request);

  /**
   * The same, with {@code token} as the request's idempotency token (ClientToken) when the API
   * has one and the request leaves it out, so that a repeated job makes nothing twice.
   */
  default JsonNode call(String api, JsonNode request, String token) {
    return call(api, request);
  }

  /**
   * This service with Step Functions' names: members with an upper-case first letter
   * ({@code ApplicationId}). EMR's own names already are, so by default the same calls.
   */
  default EmrCall capitalizedNames() {
    return this;
  }

  /** An error answer of the service, e.g. InvalidRequestException, ThrottlingException. */
  class ServiceException extends RuntimeException {
    private final String code;
    private final boolean retryable;
    private final boolean throttled;

    /** A failure; throttled when it wraps a throttled one. */
    public ServiceException(String code, String message, boolean retryable, Throwable cause) {
      this(code, message, retryable, cause instanceof ServiceException e && e.throttled(), cause);
    }

    public ServiceException(String code, String message, boolean retryable, boolean throttled, Throwable cause) {
      super(message, cause);
      this.code = code;
      this.retryable = retryable;
      this.throttled = throttled;
    }

    public String code() {
      return code;
    }

    /** Throttling and server-side errors: retry the job later rather than fail the task. */
    public boolean retryable() {
      return retryable;
    }

    /** The service refused the call for its rate (ThrottlingException): it was not performed. */
    public boolean throttled() {
      return throttled;
    }
  }
}
