package io.flowport.airflow.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowport.airflow.parse.PyValue.*;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** JSON conversion follows json.dumps: what it refuses has no JSON. */
class PyValueTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void jsonCompatibleValues() throws Exception {
    Map<PyValue, PyValue> entries = new LinkedHashMap<>();
    entries.put(new PyStr("s"), new PyStr("x"));
    entries.put(PyInt.of(1), new PyTuple(List.of(new PyBool(true), PyNone.INSTANCE)));
    entries.put(new PyStr("f"), new PyFloat(1.5));
    entries.put(new PyStr("big"), new PyInt(new java.math.BigInteger("18446744073709551616")));
    assertEquals(JSON.readTree("{\"s\": \"x\", \"1\": [true, null], \"f\": 1.5, \"big\": 18446744073709551616}"),
        new PyDict(entries).toJson().orElseThrow());
  }

  @Test
  void valuesJsonRefusesHaveNoJson() {
    List<PyValue> refused = List.of(
        new PyTimedelta(Duration.ofMinutes(5)),
        new PyDateTime(LocalDateTime.of(2024, 1, 1, 0, 0), "UTC"),
        new PyRef("airflow.utils.trigger_rule.TriggerRule.ALL_DONE"),
        new PyDynamic("Variable.get('x')", "Airflow Variable"),
        new PySet(List.of(PyInt.of(1))),
        new PyFloat(Double.NaN),
        new PyList(List.of(PyInt.of(1), new PyTimedelta(Duration.ZERO))),
        new PyDict(Map.of(new PyTuple(List.of()), PyInt.of(1))));
    for (PyValue value : refused) {
      assertEquals(Optional.empty(), value.toJson(), value.toString());
    }
  }

  @Test
  void dictKeepsInsertionOrderAndIsImmutable() {
    Map<PyValue, PyValue> entries = new LinkedHashMap<>();
    entries.put(new PyStr("z"), PyInt.of(1));
    entries.put(new PyStr("a"), PyInt.of(2));
    PyDict dict = new PyDict(entries);
    entries.clear();
    assertEquals(List.of(new PyStr("z"), new PyStr("a")), List.copyOf(dict.entries().keySet()));
    assertEquals(Optional.of(PyInt.of(2)), dict.get("a"));
  }
}
