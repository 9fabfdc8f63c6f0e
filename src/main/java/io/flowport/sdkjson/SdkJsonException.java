package io.flowport.sdkjson;

/** JSON that does not fit an AWS SDK model; the message names the JSON path and the type. */
public class SdkJsonException extends RuntimeException {

  public SdkJsonException(String message) {
    super(message);
  }

  public SdkJsonException(String message, Throwable cause) {
    super(message, cause);
  }
}
