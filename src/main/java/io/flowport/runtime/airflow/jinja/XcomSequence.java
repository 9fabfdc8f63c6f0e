package io.flowport.runtime.airflow.jinja;

import java.util.List;

/**
 * What {@code xcom_pull(task_ids=[...])} returns in Airflow 2.9+: a LazyXComSelectSequence of
 * the XComs that exist (missing ones are left out, not None), printed as
 * {@code LazySelectSequence([2 items])}.
 */
final class XcomSequence implements PySequence {

  private final List<Object> items;

  XcomSequence(List<Object> items) {
    this.items = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(items));
  }

  @Override
  public List<Object> items() {
    return items;
  }

  @Override
  public String typeModule() {
    return "airflow.models.xcom";
  }

  @Override
  public String typeName() {
    return "LazyXComSelectSequence";
  }

  @Override
  public Object attribute(String name) {
    return NO_ATTRIBUTE;
  }

  @Override
  public String str() {
    return "LazySelectSequence([" + items.size() + (items.size() == 1 ? " item])" : " items])");
  }
}
