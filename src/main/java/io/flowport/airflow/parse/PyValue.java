package io.flowport.airflow.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A Python value as far as it can be known without running the file. */
public sealed interface PyValue {

  /** JSON for values {@code json.dumps} would accept; empty for anything else inside. */
  default Optional<JsonNode> toJson() {
    return PyJson.toJson(this);
  }

  record PyStr(String value) implements PyValue {
    public PyStr {
      Objects.requireNonNull(value);
    }
  }

  record PyInt(BigInteger value) implements PyValue {
    public PyInt {
      Objects.requireNonNull(value);
    }

    public static PyInt of(long value) {
      return new PyInt(BigInteger.valueOf(value));
    }

    /** The value as a long; throws ArithmeticException if it does not fit. */
    public long longValue() {
      return value.longValueExact();
    }
  }

  record PyFloat(double value) implements PyValue {}

  record PyBool(boolean value) implements PyValue {}

  record PyNone() implements PyValue {
    public static final PyNone INSTANCE = new PyNone();
  }

  record PyList(List<PyValue> items) implements PyValue {
    public PyList {
      items = List.copyOf(items);
    }
  }

  record PyTuple(List<PyValue> items) implements PyValue {
    public PyTuple {
      items = List.copyOf(items);
    }
  }

  /** A set literal, in the order written, without repeats. */
  record PySet(List<PyValue> items) implements PyValue {
    public PySet {
      items = List.copyOf(items);
    }
  }

  /** A dict in insertion order. */
  record PyDict(Map<PyValue, PyValue> entries) implements PyValue {
    public PyDict {
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public Optional<PyValue> get(String key) {
      return Optional.ofNullable(entries.get(new PyStr(key)));
    }
  }

  /** {@code timedelta(...)} or {@code pendulum.duration(...)}, to the microsecond. */
  record PyTimedelta(Duration value) implements PyValue {
    public PyTimedelta {
      Objects.requireNonNull(value);
    }
  }

  /**
   * {@code datetime(...)} or {@code pendulum.datetime(...)}. {@code timeZone} is the zone id as
   * written ({@code "UTC"}, {@code "Europe/Berlin"}), or null for a naive datetime.
   */
  record PyDateTime(LocalDateTime value, String timeZone) implements PyValue {
    public PyDateTime {
      Objects.requireNonNull(value);
    }

    public Optional<String> zone() {
      return Optional.ofNullable(timeZone);
    }
  }

  /**
   * An imported (or file-local) name used as a value. {@code definedAt} is where a function of the
   * file is defined (a python_callable's code), null otherwise; it is not part of the value.
   */
  record PyRef(String qualifiedName, io.flowport.diag.SourceLocation definedAt) implements PyValue {
    public PyRef(String qualifiedName) {
      this(qualifiedName, null);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof PyRef r && r.qualifiedName.equals(qualifiedName);
    }

    @Override
    public int hashCode() {
      return qualifiedName.hashCode();
    }
  }

  /**
   * An XComArg ({@code task.output}, a TaskFlow result): the task's XCom under {@code key}, only
   * known when the DAG runs; Airflow resolves it when it renders the receiving task's fields.
   */
  record PyXcom(String taskId, String key, String sourceText) implements PyValue {}

  /** A value that is only known when the file runs: the source text and why it is not known. */
  record PyDynamic(String sourceText, String reason) implements PyValue {}
}
