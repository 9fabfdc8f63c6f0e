package io.flowport.airflow.parse;

import java.util.HashMap;
import java.util.Map;

/** Variables of the module or of one function call; lookups fall back to the enclosing frame. */
final class Frame {

  private final Map<String, Obj> vars = new HashMap<>();
  private final Frame parent;

  Frame(Frame parent) {
    this.parent = parent;
  }

  /** The bound value, or null if the name is not bound here or in an enclosing frame. */
  Obj lookup(String name) {
    for (Frame f = this; f != null; f = f.parent) {
      Obj value = f.vars.get(name);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  void set(String name, Obj value) {
    vars.put(name, value);
  }
}
