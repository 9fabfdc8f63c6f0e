package io.flowport.runtime.airflow.jinja;

import java.util.Map;
import java.util.Set;

/**
 * A Python object with fixed attributes (Airflow's DAG, DagRun, operator). Attributes the real
 * object has but flowport does not model are listed so that using one is reported instead of
 * looking like a missing attribute.
 */
final class SimpleHostObject implements HostObject {

  private final String module;
  private final String name;
  private final Map<String, Object> attributes;
  private final Set<String> unsupported;
  private final String str;

  /** @param str Python's str() of the object, or null when flowport cannot reproduce it */
  SimpleHostObject(String module, String name, Map<String, Object> attributes,
      Set<String> unsupported, String str) {
    this.module = module;
    this.name = name;
    this.attributes = attributes;
    this.unsupported = unsupported;
    this.str = str;
  }

  @Override
  public String typeModule() {
    return module;
  }

  @Override
  public String typeName() {
    return name;
  }

  @Override
  public Object attribute(String attr) {
    if (attributes.containsKey(attr)) {
      return attributes.get(attr);
    }
    if (unsupported.contains(attr)) {
      throw TemplateRenderException.unsupported(
          "the " + name + " attribute '" + attr + "' is not available in flowport");
    }
    return NO_ATTRIBUTE;
  }

  @Override
  public String str() {
    if (str == null) {
      return HostObject.super.str();
    }
    return str;
  }
}
