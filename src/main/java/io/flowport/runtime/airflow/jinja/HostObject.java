package io.flowport.runtime.airflow.jinja;

/**
 * A Python object a context provides (a TaskInstance, a DagRun, ...). Templates read its
 * attributes; Jinja's sandbox falls back to item access and then to an undefined value naming
 * {@code '<module>.<Type> object'}, so the type names must be the Python ones.
 */
public interface HostObject {

  /** Returned by {@link #attribute} when the object has no such attribute. */
  Object NO_ATTRIBUTE = new Object();

  /** Python module of the type, e.g. {@code airflow.models.taskinstance}. */
  String typeModule();

  /** Python class name, e.g. {@code TaskInstance}. */
  String typeName();

  /** Attribute value, or {@link #NO_ATTRIBUTE}. May throw for attributes flowport cannot give. */
  Object attribute(String name);

  /** Python {@code str(obj)}. */
  default String str() {
    throw TemplateRenderException.unsupported(
        "printing a " + typeName() + " object is not supported (Python would print its repr)");
  }

  /** Python {@code repr(obj)}, used when the object sits inside a printed list or dict. */
  default String repr() {
    return str();
  }

  default boolean truthy() {
    return true;
  }
}
