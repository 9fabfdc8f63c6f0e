package io.flowport.runtime.airflow.jinja;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

/** The {@code macros} module (airflow/macros/__init__.py): ds_add and ds_format run. */
final class AirflowMacros implements HostObject {

  private static final Set<String> UNSUPPORTED = Set.of("datetime", "timedelta", "dateutil",
      "time", "uuid", "random", "json", "ds_format_locale", "datetime_diff_for_humans", "hive",
      "yaml");

  @Override
  public String typeModule() {
    return "builtins";
  }

  @Override
  public String typeName() {
    return "module";
  }

  @Override
  public String str() {
    throw TemplateRenderException.unsupported("printing the macros module is not supported");
  }

  @Override
  public Object attribute(String name) {
    return switch (name) {
      case "ds_add" -> new Builtin("ds_add", "function", (a, k) -> {
        Object[] v = new Signature("ds_add", false, 2, List.of("ds", "days"),
            Signature.REQUIRED, Signature.REQUIRED).bind(a, k);
        return dsAdd(v[0], v[1]);
      });
      case "ds_format" -> new Builtin("ds_format", "function", (a, k) -> {
        Object[] v = new Signature("ds_format", false, 3,
            List.of("ds", "input_format", "output_format"),
            Signature.REQUIRED, Signature.REQUIRED, Signature.REQUIRED).bind(a, k);
        LocalDateTime t = Strftime.parse(Py.str(v[0]), format(v[1]));
        return Strftime.format(t, false, format(v[2]));
      });
      default -> {
        if (UNSUPPORTED.contains(name)) {
          throw TemplateRenderException.unsupported(
              "macros." + name + " is not supported by flowport");
        }
        yield NO_ATTRIBUTE;
      }
    };
  }

  /** ds_add: {@code if not days: return str(ds)}, else strptime + timedelta(days). */
  private static Object dsAdd(Object ds, Object days) {
    if (!Py.truthy(days)) {
      return Py.str(ds);
    }
    if (!Py.isNumber(days)) {
      throw TemplateRenderException.typeError(
          "unsupported type for timedelta days component: " + Py.typeName(days));
    }
    LocalDateTime t = Strftime.parse(Py.str(ds), "%Y-%m-%d");
    long micros = Math.round(Py.dbl(days) * 86_400_000_000.0);
    return Strftime.format(t.plusNanos(micros * 1000), false, "%Y-%m-%d");
  }

  private static String format(Object f) {
    if (f instanceof String s) {
      return s;
    }
    if (f instanceof Undefined u) {
      throw u.fail();
    }
    throw TemplateRenderException.typeError(
        "strptime() argument 2 must be str, not " + Py.typeName(f));
  }
}
