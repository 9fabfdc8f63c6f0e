package io.flowport.runtime.asl;

/**
 * A state failure as Step Functions reports it: an error name such as {@code States.Runtime} and a
 * cause text. The cause carries no state-name prefix; callers add {@link #statePrefix(String)}.
 */
public final class AslRuntimeException extends RuntimeException {

  public static final String RUNTIME = "States.Runtime";
  public static final String RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure";

  private final String error;
  private final String cause;

  public AslRuntimeException(String error, String cause) {
    super(error + ": " + cause);
    this.error = error;
    this.cause = cause;
  }

  public String error() {
    return error;
  }

  public String cause() {
    return cause;
  }

  /** The prefix AWS puts before a runtime cause, e.g. {@code An error occurred while executing the state 'X'. }. */
  public static String statePrefix(String stateName) {
    return "An error occurred while executing the state '" + stateName + "'. ";
  }

  /** The prefix with the history event id, as AWS writes it when it knows where the state was entered. */
  public static String statePrefix(String stateName, long enteredEventId) {
    return "An error occurred while executing the state '" + stateName + "' (entered at the event id #"
        + enteredEventId + "). ";
  }

  /** The cause with the state prefix in front, as it appears in the execution history. */
  public String causeInState(String stateName) {
    return statePrefix(stateName) + cause;
  }

  static AslRuntimeException runtime(String cause) {
    return new AslRuntimeException(RUNTIME, cause);
  }
}
