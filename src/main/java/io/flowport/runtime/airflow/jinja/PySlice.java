package io.flowport.runtime.airflow.jinja;

import java.util.ArrayList;
import java.util.List;

/** A Python slice object ({@code x[a:b:c]}), applied to lists, tuples and strings. */
record PySlice(Object start, Object stop, Object step) implements HostObject {

  @Override
  public String typeModule() {
    return "builtins";
  }

  @Override
  public String typeName() {
    return "slice";
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
    return "slice(" + Py.repr(start) + ", " + Py.repr(stop) + ", " + Py.repr(step) + ")";
  }

  /** The selected indices of a sequence of {@code len} items (PySlice_AdjustIndices). */
  List<Integer> indices(int len) {
    long st = step == null ? 1 : index(step);
    if (st == 0) {
      throw TemplateRenderException.valueError("slice step cannot be zero");
    }
    long lower = st > 0 ? 0 : -1;
    long upper = st > 0 ? len : len - 1;
    long a = start == null ? (st < 0 ? upper : lower) : clamp(index(start), len, lower, upper);
    long b = stop == null ? (st < 0 ? lower : upper) : clamp(index(stop), len, lower, upper);
    List<Integer> out = new ArrayList<>();
    for (long i = a; st > 0 ? i < b : i > b; i += st) {
      out.add((int) i);
    }
    return out;
  }

  private static long clamp(long v, int len, long lower, long upper) {
    if (v < 0) {
      v += len;
      return Math.max(v, lower);
    }
    return Math.min(v, upper);
  }

  private static long index(Object o) {
    if (o instanceof Undefined u) {
      throw u.fail();
    }
    if (!Py.isIntLike(o)) {
      throw TemplateRenderException.typeError(
          "slice indices must be integers or None or have an __index__ method");
    }
    java.math.BigInteger b = Py.bigInt(o);
    return b.bitLength() < 32 ? b.longValue() : (b.signum() < 0 ? Integer.MIN_VALUE
        : Integer.MAX_VALUE);
  }
}
