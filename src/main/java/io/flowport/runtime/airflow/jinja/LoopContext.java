package io.flowport.runtime.airflow.jinja;

import java.util.List;

/** The {@code loop} variable of a for loop (jinja2.runtime.LoopContext). */
final class LoopContext implements HostObject {

  private final List<Object> items;
  private int index0;
  private Object lastChanged;
  private boolean changedCalled;

  LoopContext(List<Object> items) {
    this.items = items;
  }

  void advance(int index0) {
    this.index0 = index0;
  }

  @Override
  public String typeModule() {
    return "jinja2.runtime";
  }

  @Override
  public String typeName() {
    return "LoopContext";
  }

  @Override
  public Object attribute(String name) {
    int n = items.size();
    return switch (name) {
      case "index" -> (long) index0 + 1;
      case "index0" -> (long) index0;
      case "revindex" -> (long) (n - index0);
      case "revindex0" -> (long) (n - index0 - 1);
      case "first" -> index0 == 0;
      case "last" -> index0 == n - 1;
      case "length" -> (long) n;
      case "depth" -> 1L;
      case "depth0" -> 0L;
      case "previtem" -> index0 > 0 ? items.get(index0 - 1)
          : Undefined.hint("there is no previous item");
      case "nextitem" -> index0 < n - 1 ? items.get(index0 + 1)
          : Undefined.hint("there is no next item");
      case "cycle" -> new Builtin("LoopContext.cycle", "method", (args, kw) -> {
        if (args.isEmpty()) {
          throw TemplateRenderException.typeError("no items for cycling given");
        }
        return args.get(index0 % args.size());
      });
      case "changed" -> new Builtin("LoopContext.changed", "method", (args, kw) -> {
        Object value = new PyTuple(args);
        if (!changedCalled || !Py.eq(value, lastChanged)) {
          changedCalled = true;
          lastChanged = value;
          return true;
        }
        return false;
      });
      default -> NO_ATTRIBUTE;
    };
  }

  @Override
  public String str() {
    return "<LoopContext " + (index0 + 1) + "/" + items.size() + ">";
  }
}
