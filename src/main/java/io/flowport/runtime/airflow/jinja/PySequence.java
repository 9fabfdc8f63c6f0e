package io.flowport.runtime.airflow.jinja;

import java.util.List;

/** A host object that Python can iterate, index and measure (range, dict views, XCom results). */
interface PySequence extends HostObject {

  List<Object> items();

  /** Whether {@code seq[i]} works (dict views iterate but are not subscriptable). */
  default boolean indexable() {
    return true;
  }
}
