package io.flowport.runtime.airflow.jinja;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Binds call arguments the way CPython binds them to a Python function's parameters, with its
 * TypeError messages (e.g. {@code TaskInstance.xcom_pull() got an unexpected keyword argument
 * 'task_id'}). Parameters after {@code positionalCount} are keyword-only.
 */
final class Signature {

  /** Default marker for a required parameter. */
  static final Object REQUIRED = new Object();

  private final String name;
  private final List<String> params;
  private final Object[] defaults;
  private final int positionalCount;
  private final boolean method;

  /**
   * @param name qualified name as Python prints it, e.g. {@code TaskInstance.xcom_pull}
   * @param method whether {@code self} counts in "takes N positional arguments"
   */
  Signature(String name, boolean method, int positionalCount, List<String> params,
      Object... defaults) {
    this.name = name;
    this.method = method;
    this.params = params;
    this.defaults = defaults;
    this.positionalCount = positionalCount;
  }

  Object[] bind(List<Object> args, Map<String, Object> kwargs) {
    Object[] bound = new Object[params.size()];
    boolean[] set = new boolean[params.size()];
    if (args.size() > positionalCount) {
      int self = method ? 1 : 0;
      long min = 0;
      for (int i = 0; i < positionalCount; i++) {
        if (defaults[i] == REQUIRED) {
          min++;
        }
      }
      String takes = min == positionalCount ? String.valueOf(positionalCount + self)
          : "from " + (min + self) + " to " + (positionalCount + self);
      int given = args.size() + self;
      throw TemplateRenderException.typeError(name + "() takes " + takes + " positional argument"
          + (positionalCount + self == 1 && min == positionalCount ? "" : "s") + " but " + given
          + (given == 1 ? " was" : " were") + " given");
    }
    for (int i = 0; i < args.size(); i++) {
      bound[i] = args.get(i);
      set[i] = true;
    }
    for (Map.Entry<String, Object> kw : kwargs.entrySet()) {
      int idx = params.indexOf(kw.getKey());
      if (idx < 0) {
        throw TemplateRenderException.typeError(
            name + "() got an unexpected keyword argument '" + kw.getKey() + "'");
      }
      if (set[idx]) {
        throw TemplateRenderException.typeError(
            name + "() got multiple values for argument '" + kw.getKey() + "'");
      }
      bound[idx] = kw.getValue();
      set[idx] = true;
    }
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < params.size(); i++) {
      if (!set[i]) {
        if (defaults[i] == REQUIRED) {
          missing.add("'" + params.get(i) + "'");
        } else {
          bound[i] = defaults[i];
        }
      }
    }
    if (!missing.isEmpty()) {
      String names = missing.size() == 1 ? missing.get(0)
          : String.join(", ", missing.subList(0, missing.size() - 1)) + " and "
              + missing.get(missing.size() - 1);
      throw TemplateRenderException.typeError(name + "() missing " + missing.size()
          + " required positional argument" + (missing.size() == 1 ? "" : "s") + ": " + names);
    }
    return bound;
  }
}
