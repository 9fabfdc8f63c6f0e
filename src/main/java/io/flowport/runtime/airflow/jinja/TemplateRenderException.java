package io.flowport.runtime.airflow.jinja;

/**
 * Rendering failed the way Airflow's Jinja2 rendering would fail: {@link #pythonType()} is the
 * Python exception class (for example {@code UndefinedError}, {@code TypeError}) and
 * {@link #getMessage()} is what Python's {@code str(exc)} prints. When {@link #unsupported()} is
 * true the template uses something flowport cannot reproduce (Airflow Variables, a method whose
 * output depends on memory addresses, ...); its type is then {@code NotImplementedError}.
 */
public class TemplateRenderException extends RuntimeException {

  private final String pythonType;
  private final boolean unsupported;
  private int line;

  public TemplateRenderException(String pythonType, String message) {
    this(pythonType, message, false);
  }

  private TemplateRenderException(String pythonType, String message, boolean unsupported) {
    super(message);
    this.pythonType = pythonType;
    this.unsupported = unsupported;
  }

  /** A construct flowport does not reproduce; the message names it. */
  public static TemplateRenderException unsupported(String message) {
    return new TemplateRenderException("NotImplementedError", message, true);
  }

  public String pythonType() {
    return pythonType;
  }

  public boolean unsupported() {
    return unsupported;
  }

  /** 1-based template line of the expression that failed, 0 when unknown. */
  public int line() {
    return line;
  }

  TemplateRenderException atLine(int line) {
    if (this.line == 0) {
      this.line = line;
    }
    return this;
  }

  static TemplateRenderException typeError(String message) {
    return new TemplateRenderException("TypeError", message);
  }

  static TemplateRenderException valueError(String message) {
    return new TemplateRenderException("ValueError", message);
  }
}
