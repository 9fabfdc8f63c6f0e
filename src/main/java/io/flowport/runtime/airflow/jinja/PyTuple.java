package io.flowport.runtime.airflow.jinja;

import java.util.List;

/** A Python tuple (Jinja's {@code (a, b)} literal); Java lists stand for Python lists. */
record PyTuple(List<Object> items) {

  PyTuple {
    items = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(items));
  }
}
