package io.flowport.runtime.asl;

/**
 * A path or intrinsic function call that cannot be parsed. Thrown by the {@code validate} methods
 * so a converter can reject a definition before it runs; {@link #position()} is the 0-based index
 * in {@link #expression()} where the problem was found.
 */
public final class AslSyntaxException extends IllegalArgumentException {

  private final String expression;
  private final int position;

  public AslSyntaxException(String expression, int position, String problem) {
    super(problem + " at position " + position + " in '" + expression + "'");
    this.expression = expression;
    this.position = position;
  }

  public String expression() {
    return expression;
  }

  public int position() {
    return position;
  }
}
