package io.flowport.airflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.airflow.parse.Arg;
import io.flowport.airflow.parse.PyValue;
import io.flowport.diag.BadInputException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reading argument values that must be known statically, with errors at the argument. */
final class Values {

  static String describe(PyValue v) {
    return switch (v) {
      case PyValue.PyDynamic d -> "'" + d.sourceText() + "' is only known when the DAG runs (" + d.reason() + ")";
      case PyValue.PyXcom x -> "'" + x.sourceText() + "' is the XCom of task '" + x.taskId() + "', which Airflow resolves"
          + " only in templated fields";
      case PyValue.PyRef r -> "it is " + r.qualifiedName();
      default -> "it is a " + v.getClass().getSimpleName().replace("Py", "").toLowerCase();
    };
  }

  static JsonNode json(String name, Arg arg) {
    return arg.value().toJson().orElseThrow(() -> new BadInputException(arg.location(),
        name + " must be a JSON-like literal (str, number, bool, None, list, dict), but " + describe(unknownPart(arg.value()))));
  }

  /** The part of a value that keeps it from being JSON: the value itself, or something inside. */
  static PyValue unknownPart(PyValue v) {
    List<PyValue> inside = switch (v) {
      case PyValue.PyDict d -> new ArrayList<>(d.entries().values());
      case PyValue.PyList l -> l.items();
      case PyValue.PyTuple t -> t.items();
      default -> List.of();
    };
    for (PyValue item : inside) {
      if (item.toJson().isEmpty()) {
        return unknownPart(item);
      }
    }
    return v;
  }

  static int integer(String name, Arg arg) {
    if (arg.value() instanceof PyValue.PyInt i) {
      return Math.toIntExact(i.longValue());
    }
    throw new BadInputException(arg.location(), name + " must be an integer, but " + describe(arg.value()));
  }

  /** A timedelta, or a number of seconds (sensors accept both). */
  static Duration duration(String name, Arg arg) {
    return switch (arg.value()) {
      case PyValue.PyTimedelta t -> t.value();
      case PyValue.PyInt i -> Duration.ofSeconds(i.longValue());
      case PyValue.PyFloat f -> Duration.ofMillis(Math.round(f.value() * 1000));
      default -> throw new BadInputException(arg.location(), name + " must be a timedelta or seconds, but " + describe(arg.value()));
    };
  }

  static boolean bool(String name, Arg arg) {
    if (arg.value() instanceof PyValue.PyBool b) {
      return b.value();
    }
    throw new BadInputException(arg.location(), name + " must be True or False, but " + describe(arg.value()));
  }

  static String string(String name, Arg arg) {
    if (arg.value() instanceof PyValue.PyStr s) {
      return s.value();
    }
    throw new BadInputException(arg.location(), name + " must be a string, but " + describe(arg.value()));
  }

  private Values() {}
}
