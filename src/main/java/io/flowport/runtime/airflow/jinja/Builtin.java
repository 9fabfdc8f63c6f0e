package io.flowport.runtime.airflow.jinja;

import java.util.List;
import java.util.Map;

/**
 * A named Python callable: a builtin method bound to a value ({@code 'a'.upper}), a global
 * ({@code range}) or a host function ({@code macros.ds_add}). The name appears in Python's
 * argument errors, e.g. {@code TaskInstance.xcom_pull() got an unexpected keyword argument}.
 */
final class Builtin implements PyCallable {

  private final String qualifiedName;
  private final String pythonType;
  private final PyCallable body;

  Builtin(String qualifiedName, String pythonType, PyCallable body) {
    this.qualifiedName = qualifiedName;
    this.pythonType = pythonType;
    this.body = body;
  }

  /** A method of a builtin type that flowport knows exists but does not implement. */
  static Builtin missing(String qualifiedName) {
    return new Builtin(qualifiedName, "builtin_function_or_method", (a, k) -> {
      throw TemplateRenderException.unsupported(
          "calling " + qualifiedName + "() in a template is not supported by flowport");
    });
  }

  String qualifiedName() {
    return qualifiedName;
  }

  String pythonType() {
    return pythonType;
  }

  @Override
  public Object call(List<Object> args, Map<String, Object> kwargs) {
    return body.call(args, kwargs);
  }
}
