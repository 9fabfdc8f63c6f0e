package io.flowport.runtime.airflow.jinja;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** dict.keys(), dict.values(), dict.items(): iterable, and printed like {@code dict_keys([...])}. */
final class DictView implements PySequence {

  private final String typeName;
  private final List<Object> items;

  private DictView(String typeName, List<Object> items) {
    this.typeName = typeName;
    this.items = items;
  }

  static DictView keys(Map<?, ?> m) {
    return new DictView("dict_keys", new ArrayList<>(m.keySet()));
  }

  static DictView values(Map<?, ?> m) {
    return new DictView("dict_values", new ArrayList<>(m.values()));
  }

  static DictView items(Map<?, ?> m) {
    List<Object> pairs = new ArrayList<>();
    m.forEach((k, v) -> pairs.add(new PyTuple(java.util.Arrays.asList(k, v))));
    return new DictView("dict_items", pairs);
  }

  @Override
  public List<Object> items() {
    return items;
  }

  @Override
  public boolean indexable() {
    return false;
  }

  @Override
  public String typeModule() {
    return "builtins";
  }

  @Override
  public String typeName() {
    return typeName;
  }

  @Override
  public Object attribute(String name) {
    return NO_ATTRIBUTE;
  }

  @Override
  public String str() {
    return typeName + "(" + Py.repr(items) + ")";
  }
}
