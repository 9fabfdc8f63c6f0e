package io.flowport.ir;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;

/** Immutable insertion-ordered copies, so generated BPMN is byte-identical run after run. */
final class Ordered {

  static SequencedMap<String, String> copy(Map<String, String> map) {
    if (map == null) {
      return Collections.unmodifiableSequencedMap(new LinkedHashMap<>());
    }
    return Collections.unmodifiableSequencedMap(new LinkedHashMap<>(map));
  }

  private Ordered() {}
}
