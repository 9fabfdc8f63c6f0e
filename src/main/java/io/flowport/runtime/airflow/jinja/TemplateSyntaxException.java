package io.flowport.runtime.airflow.jinja;

/**
 * A template Jinja2 would refuse to compile ({@code TemplateSyntaxError}, or
 * {@code TemplateAssertionError} for an unknown filter or test), or one that uses a construct
 * flowport does not support ({@link #unsupported()}, type {@code NotImplementedError}).
 * {@link #jinjaMessage()} is Jinja's own message; {@link #getMessage()} adds the position.
 */
public class TemplateSyntaxException extends RuntimeException {

  private final String pythonType;
  private final String jinjaMessage;
  private final int line;
  private final int column;

  TemplateSyntaxException(String pythonType, String jinjaMessage, int line, int column) {
    super("line " + line + ", column " + column + ": " + jinjaMessage);
    this.pythonType = pythonType;
    this.jinjaMessage = jinjaMessage;
    this.line = line;
    this.column = column;
  }

  public String pythonType() {
    return pythonType;
  }

  public String jinjaMessage() {
    return jinjaMessage;
  }

  /** 1-based line, as Jinja reports it. */
  public int line() {
    return line;
  }

  /** 1-based column of the offending token (Jinja itself reports only the line). */
  public int column() {
    return column;
  }

  public boolean unsupported() {
    return "NotImplementedError".equals(pythonType);
  }
}
