package io.flowport.runtime.airflow.jinja;

import java.util.LinkedHashMap;
import java.util.Set;

/** Jinja's default globals: range and dict run; lipsum, cycler, joiner and namespace do not. */
final class Globals {

  private static final Set<String> UNSUPPORTED = Set.of("lipsum", "cycler", "joiner", "namespace");

  private Globals() {}

  /** The global's value, or null when there is no global of that name. */
  static Object lookup(String name) {
    return switch (name) {
      case "range" -> new Builtin("range", "type", (args, kwargs) -> {
        if (!kwargs.isEmpty()) {
          throw TemplateRenderException.typeError("range() takes no keyword arguments");
        }
        return PyRange.of(args);
      });
      case "dict" -> new Builtin("dict", "type", (args, kwargs) -> {
        if (!args.isEmpty()) {
          throw TemplateRenderException.unsupported("dict() with positional arguments");
        }
        return new LinkedHashMap<Object, Object>(kwargs);
      });
      default -> {
        if (UNSUPPORTED.contains(name)) {
          throw TemplateRenderException.unsupported(
              "the Jinja global '" + name + "' is not supported by flowport");
        }
        yield null;
      }
    };
  }
}
