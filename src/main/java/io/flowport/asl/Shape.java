package io.flowport.asl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the converter knows statically about a JSON value: nothing, a non-object, or an object
 * with some known fields. A closed object is one whose keys are all known, so a path to any other
 * key certainly finds nothing.
 */
sealed interface Shape {

  Shape UNKNOWN = new Unknown();
  Shape VALUE = new Value();

  record Unknown() implements Shape {}

  /** A scalar or array: a field path into it finds nothing. */
  record Value() implements Shape {}

  record Obj(Map<String, Shape> fields, boolean closed, String origin) implements Shape {
    public Obj {
      fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
  }

  /** The least shape that covers both (what is known on every path into a state). */
  static Shape join(Shape a, Shape b) {
    if (a == null) {
      return b;
    }
    if (b == null || a.equals(b)) {
      return a;
    }
    if (a instanceof Obj x && b instanceof Obj y) {
      Map<String, Shape> fields = new LinkedHashMap<>();
      for (String k : x.fields().keySet()) {
        fields.put(k, y.fields().containsKey(k) ? join(x.fields().get(k), y.fields().get(k)) : UNKNOWN);
      }
      for (String k : y.fields().keySet()) {
        fields.putIfAbsent(k, UNKNOWN);
      }
      // Closed on both sides: no key outside the union can be there (keys on one side only may be).
      boolean closed = x.closed() && y.closed();
      java.util.TreeSet<String> origins = new java.util.TreeSet<>(java.util.List.of(x.origin().split(" or ")));
      origins.addAll(java.util.List.of(y.origin().split(" or ")));
      String origin = String.join(" or ", origins);
      return new Obj(fields, closed, origin);
    }
    return UNKNOWN;
  }
}
