package io.flowport.diag;

/**
 * Input the tool cannot work with: a missing file, malformed JSON or Python, a reference to a
 * state that does not exist. The CLI prints {@link #getMessage()} as one line and exits with 2.
 */
public class BadInputException extends RuntimeException {

  private final SourceLocation location;

  public BadInputException(SourceLocation location, String message) {
    super(location + ": " + message);
    this.location = location;
  }

  public BadInputException(SourceLocation location, String message, Throwable cause) {
    super(location + ": " + message, cause);
    this.location = location;
  }

  public SourceLocation location() {
    return location;
  }
}
