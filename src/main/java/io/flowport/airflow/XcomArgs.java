package io.flowport.airflow;

import io.flowport.airflow.parse.Arg;
import io.flowport.airflow.parse.DagDef;
import io.flowport.airflow.parse.PyValue;
import io.flowport.catalog.AirflowOperator;
import io.flowport.catalog.Catalog;
import io.flowport.diag.BadInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * XComArgs ({@code task.output}) in templated fields. Airflow resolves them to the producer's XCom
 * when it renders the field; the value is the XCom itself, so it becomes the Jinja
 * {@code ti.xcom_pull(task_ids=...)} the worker renders — the same text only when the XCom is a
 * str, so other producers are refused rather than run differently.
 */
final class XcomArgs {

  static Arg resolve(Catalog catalog, DagDef dag, String field, Arg arg) {
    return new Arg(resolve(catalog, dag, field, arg, arg.value()), arg.location());
  }

  private static PyValue resolve(Catalog catalog, DagDef dag, String field, Arg arg, PyValue v) {
    return switch (v) {
      case PyValue.PyXcom x -> new PyValue.PyStr(jinja(catalog, dag, field, arg, x));
      case PyValue.PyList l -> new PyValue.PyList(each(catalog, dag, field, arg, l.items()));
      case PyValue.PyTuple t -> new PyValue.PyTuple(each(catalog, dag, field, arg, t.items()));
      case PyValue.PyDict d -> {
        Map<PyValue, PyValue> out = new LinkedHashMap<>();
        d.entries().forEach((k, e) -> out.put(k, resolve(catalog, dag, field, arg, e)));
        yield new PyValue.PyDict(out);
      }
      default -> v;
    };
  }

  private static List<PyValue> each(Catalog catalog, DagDef dag, String field, Arg arg, List<PyValue> items) {
    List<PyValue> out = new ArrayList<>();
    items.forEach(i -> out.add(resolve(catalog, dag, field, arg, i)));
    return out;
  }

  private static String jinja(Catalog catalog, DagDef dag, String field, Arg arg, PyValue.PyXcom x) {
    String producer = dag.task(x.taskId()).map(t -> t.operator()).orElseThrow();
    AirflowOperator op = catalog.airflowOperator(producer).orElse(null);
    if (dag.task(x.taskId()).orElseThrow().expansion() != null) {
      throw new BadInputException(arg.location(), field + " uses " + x.sourceText() + ", but task '" + x.taskId()
          + "' is mapped: its XCom is the list of its instances' values, and only a str XCom is passed here as Airflow passes it");
    }
    if (!x.key().equals("return_value")) {
      throw new BadInputException(arg.location(), field + " uses " + x.sourceText() + ": XCom key '" + x.key()
          + "' of task '" + x.taskId() + "' is not one flowport knows (only return_value is)");
    }
    if (op == null || !op.returns().equals("str")) {
      throw new BadInputException(arg.location(), field + " uses " + x.sourceText() + ", but task '" + x.taskId() + "' "
          + (op == null ? "has no catalog entry" : "(" + op.simpleName() + ") returns " + op.returns())
          + ": only a str XCom is passed here as Airflow passes it");
    }
    return "{{ ti.xcom_pull(task_ids='" + x.taskId() + "') }}";
  }

  private XcomArgs() {}
}
