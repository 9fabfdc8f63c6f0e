package io.flowport.runtime.airflow.jinja;

import java.util.Map;

/**
 * The names a template can read. Values are JSON-like Java objects (Map, List, String, Number,
 * Boolean, null) or {@link HostObject}s / {@link PyCallable}s.
 */
public interface TemplateContext {

  /** Returned by {@link #lookup} for a name that is not defined. */
  Object UNDEFINED = new Object() {
    @Override
    public String toString() {
      return "UNDEFINED";
    }
  };

  /** The value of {@code name}, or {@link #UNDEFINED}. {@code null} is Python's None. */
  Object lookup(String name);

  static TemplateContext of(Map<String, ?> variables) {
    return name -> variables.containsKey(name) ? variables.get(name) : UNDEFINED;
  }
}
