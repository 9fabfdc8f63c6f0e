package io.flowport.runtime.airflow.jinja;

/**
 * Airflow's {@code var} and {@code conn} context entries. flowport never reads Airflow
 * Variables or Connections, so any use fails at render time naming the full path
 * ({@code var.value.bucket}).
 */
final class UnsupportedAccessor implements HostObject {

  private final String path;
  private final String what;

  UnsupportedAccessor(String path, String what) {
    this.path = path;
    this.what = what;
  }

  @Override
  public String typeModule() {
    return "airflow.utils.context";
  }

  @Override
  public String typeName() {
    return "Accessor";
  }

  @Override
  public Object attribute(String name) {
    if (path.equals("var") && (name.equals("value") || name.equals("json"))) {
      return new UnsupportedAccessor(path + "." + name, what);
    }
    throw fail(path + "." + name);
  }

  @Override
  public String str() {
    throw fail(path);
  }

  @Override
  public boolean truthy() {
    throw fail(path);
  }

  private TemplateRenderException fail(String used) {
    return TemplateRenderException.unsupported(
        "'" + used + "' reads " + what + ", which flowport job workers cannot read;"
            + " pass the value as a process variable or DAG param instead");
  }
}
