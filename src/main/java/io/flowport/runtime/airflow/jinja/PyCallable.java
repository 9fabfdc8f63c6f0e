package io.flowport.runtime.airflow.jinja;

import java.util.List;
import java.util.Map;

/** A Python callable a context provides, e.g. {@code ti.xcom_pull} or {@code macros.ds_add}. */
@FunctionalInterface
public interface PyCallable {

  /** Calls it; Python errors are thrown as {@link TemplateRenderException}. */
  Object call(List<Object> args, Map<String, Object> kwargs);
}
