package io.flowport.runtime.airflow.jinja;

import java.util.ArrayList;
import java.util.List;

/** Python's range object as Jinja's sandbox builds it (at most 100000 items). */
final class PyRange implements PySequence {

  private final long start;
  private final long stop;
  private final long step;
  private final List<Object> items = new ArrayList<>();

  private PyRange(long start, long stop, long step) {
    this.start = start;
    this.stop = stop;
    this.step = step;
    for (long i = start; step > 0 ? i < stop : i > stop; i += step) {
      if (items.size() >= 100_000) {
        throw new TemplateRenderException("OverflowError",
            "Range too big. The sandbox blocks ranges larger than MAX_RANGE (100000).");
      }
      items.add(i);
    }
  }

  /** jinja2.sandbox.safe_range(*args). */
  static PyRange of(List<Object> args) {
    if (args.isEmpty() || args.size() > 3) {
      throw TemplateRenderException.typeError(args.isEmpty()
          ? "range expected at least 1 argument, got 0"
          : "range expected at most 3 arguments, got " + args.size());
    }
    long[] v = new long[args.size()];
    for (int i = 0; i < v.length; i++) {
      Object a = args.get(i);
      if (a instanceof Undefined u) {
        throw u.fail();
      }
      if (!Py.isIntLike(a)) {
        throw TemplateRenderException.typeError(
            "'" + Py.typeName(a) + "' object cannot be interpreted as an integer");
      }
      v[i] = Py.bigInt(a).longValue();
    }
    if (v.length == 3 && v[2] == 0) {
      throw TemplateRenderException.valueError("range() arg 3 must not be zero");
    }
    return v.length == 1 ? new PyRange(0, v[0], 1)
        : new PyRange(v[0], v[1], v.length == 3 ? v[2] : 1);
  }

  @Override
  public List<Object> items() {
    return items;
  }

  @Override
  public String typeModule() {
    return "builtins";
  }

  @Override
  public String typeName() {
    return "range";
  }

  @Override
  public Object attribute(String name) {
    return switch (name) {
      case "start" -> start;
      case "stop" -> stop;
      case "step" -> step;
      default -> NO_ATTRIBUTE;
    };
  }

  @Override
  public String str() {
    return "range(" + start + ", " + stop + (step == 1 ? "" : ", " + step) + ")";
  }
}
