package io.flowport.airflow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.airflow.parse.Arg;
import io.flowport.airflow.parse.DagDef;
import io.flowport.airflow.parse.PyValue;
import io.flowport.airflow.parse.TaskDef;
import io.flowport.catalog.AirflowOperator;
import io.flowport.contract.Headers;
import io.flowport.diag.BadInputException;
import io.flowport.diag.SourceLocation;
import io.flowport.ir.Call;
import io.flowport.ir.Work;
import io.flowport.report.Code;
import io.flowport.report.Report;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A task whose work is the user's code (python_callable, bash_command, an operator no catalog
 * knows): a service task of a job type per the catalog's pattern, which flowport has no worker
 * for. The headers say where the code is, so the report can tell the user which worker to write.
 */
final class UserCode {

  private final DagDef dag;
  private final TaskDef task;
  private final AirflowOperator op;
  private final Report report;
  private final Map<String, String> xcomArgs = new LinkedHashMap<>();
  private String callable;
  private SourceLocation code;

  UserCode(DagDef dag, TaskDef task, AirflowOperator op, Report report) {
    this.dag = dag;
    this.task = task;
    this.op = op;
    this.report = report;
  }

  boolean unknown() {
    return op.operator().equals(AirflowOperator.ANY);
  }

  /**
   * Takes the code argument out of the arguments when it is a function (the worker is that
   * function), notes where the code is, and replaces XComArgs by null with a pointer the worker
   * fills in with the producer's XCom, as Airflow passes the value itself (not its str).
   */
  void prepare(Map<String, Arg> args) {
    // TaskFlow functions (@task.bash, @task.docker, ...) carry their function as python_callable.
    String name = op.code() != null && args.containsKey(op.code()) ? op.code() : "python_callable";
    Arg c = args.get(name);
    if (c != null && c.value() instanceof PyValue.PyRef ref) {
      args.remove(name);
      callable = ref.qualifiedName();
      code = ref.definedAt() != null ? ref.definedAt() : c.location();
    } else if (c != null && c.value() instanceof PyValue.PyDynamic d && name.equals("python_callable")) {
      // A lambda or a callable made at run time: the worker is that code, wherever it is.
      args.remove(name);
      callable = d.sourceText();
      code = c.location();
    } else if (c != null) {
      code = c.location();
    } else {
      code = task.location();
    }
    List<String> fields = unknown() ? new ArrayList<>(args.keySet()) : op.templated();
    for (String f : fields) {
      args.computeIfPresent(f, (field, arg) -> new Arg(strip(arg, "/" + field, arg.value()), arg.location()));
    }
  }

  private PyValue strip(Arg arg, String pointer, PyValue v) {
    return switch (v) {
      case PyValue.PyXcom x -> {
        if (!x.key().equals("return_value")) {
          throw new BadInputException(arg.location(), "uses " + x.sourceText() + ": XCom key '" + x.key()
              + "' of task '" + x.taskId() + "' is not one flowport knows (only return_value is)");
        }
        xcomArgs.put(pointer, x.taskId());
        yield PyValue.PyNone.INSTANCE;
      }
      case PyValue.PyList l -> new PyValue.PyList(each(arg, pointer, l.items()));
      case PyValue.PyTuple t -> new PyValue.PyTuple(each(arg, pointer, t.items()));
      case PyValue.PyDict d -> {
        Map<PyValue, PyValue> out = new LinkedHashMap<>();
        d.entries().forEach((k, e) -> out.put(k, k instanceof PyValue.PyStr s ? strip(arg, pointer + "/" + escape(s.value()), e) : e));
        yield new PyValue.PyDict(out);
      }
      default -> v;
    };
  }

  private List<PyValue> each(Arg arg, String pointer, List<PyValue> items) {
    List<PyValue> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      out.add(strip(arg, pointer + "/" + i, items.get(i)));
    }
    return out;
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  /** The service task, and the report entry that says which worker to write. */
  Work work(Map<String, String> headers, ObjectNode values) {
    String jobType = op.jobType(dag.dagId(), task.taskId(), task.operator());
    Map<String, String> h = new LinkedHashMap<>(headers);
    String where = code.file() == null ? "line " + code.line() : code.file().getFileName() + ":" + code.line();
    h.put(Headers.AIRFLOW_CODE, where);
    if (callable != null) {
      h.put(Headers.AIRFLOW_CALLABLE, callable);
    }
    if (!xcomArgs.isEmpty()) {
      h.put(Headers.AIRFLOW_XCOM_ARGS, TaskConversion.JSON.valueToTree(xcomArgs).toString());
    }
    h.put(Headers.AIRFLOW_XCOM, op.xcom().toString());
    if ("branch".equals(op.branch())) {
      h.put(Headers.AIRFLOW_BRANCH, op.branch());
      h.put(Headers.AIRFLOW_DAG_TASK_IDS, TaskConversion.JSON.valueToTree(dag.tasks().stream().map(TaskDef::taskId).toList()).toString());
    }
    String simple = task.operator().substring(task.operator().lastIndexOf('.') + 1);
    if (unknown()) {
      report.add(Code.AIRFLOW_UNKNOWN_OPERATOR, task.location(), task.taskId(), "operator " + task.operator()
          + " is in no catalog: task '" + task.taskId() + "' became a service task of job type " + jobType
          + "; its arguments " + values.properties().stream().map(Map.Entry::getKey).toList()
          + " reach the worker as written (no template is rendered)", "write a job worker for " + jobType
          + " that does what " + simple + " does, or add the operator to a catalog file (see converters/)");
    } else {
      String what = callable != null ? "the Python function " + callable + " at " + where
          : op.code() + " at " + where;
      if (callable != null && "bash_command".equals(op.code())) {
        what = "the bash command that the Python function " + callable + " at " + where + " returns";
      }
      report.add(Code.AIRFLOW_OWN_WORKER, code, task.taskId(), "task '" + task.taskId() + "' runs " + what
          + ": a service task of job type " + jobType + " that needs your worker; its return value is the task's XCom"
          + returns(),
          "write a job worker for " + jobType + " (see docs/own-workers.md), or mock the task in flowport run"
              + " with --mock-config");
    }
    return new Work(Call.of(jobType, unknown() ? simple : label(simple), h), null);
  }

  private String returns() {
    if ("branch".equals(op.branch())) {
      return ", the task id (or list of ids, or None) of the direct downstream tasks that run; the others are skipped";
    }
    if ("short_circuit".equals(op.branch())) {
      return ", and a falsy one skips " + (task.kwargs().containsKey("ignore_downstream_trigger_rules")
          && task.kwarg("ignore_downstream_trigger_rules").orElseThrow() instanceof PyValue.PyBool b && !b.value()
          ? "the direct downstream tasks (their downstream follow their trigger rules)" : "every downstream task");
    }
    return "";
  }

  private String label(String simple) {
    return callable != null ? callable + "()" : simple.replace("Operator", "");
  }
}
