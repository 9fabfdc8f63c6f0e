package io.flowport.simulator;

/** An error answer in the AWS JSON 1.1 shape: HTTP status, {@code __type} and {@code message}. */
final class AwsError extends RuntimeException {

  private final String type;
  private final int status;

  AwsError(String type, String message, int status) {
    super(message);
    this.type = type;
    this.status = status;
  }

  /** EMR's modeled client error; the SDK raises {@code InvalidRequestException}. */
  static AwsError invalidRequest(String message) {
    return new AwsError("InvalidRequestException", message, 400);
  }

  /** Coral's input validation error (not modeled by EMR: the SDK raises EmrException). */
  static AwsError validation(String message) {
    return new AwsError("ValidationException", message, 400);
  }

  String type() {
    return type;
  }

  int status() {
    return status;
  }
}
