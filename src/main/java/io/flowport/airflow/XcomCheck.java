package io.flowport.airflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.airflow.parse.Arg;
import io.flowport.airflow.parse.DagDef;
import io.flowport.airflow.parse.TaskDef;
import io.flowport.catalog.AirflowOperator;
import io.flowport.catalog.Catalog;
import io.flowport.diag.BadInputException;
import io.flowport.diag.SourceLocation;
import io.flowport.report.Code;
import io.flowport.report.Report;
import io.flowport.runtime.airflow.jinja.AirflowContext;
import io.flowport.runtime.airflow.jinja.Template;
import io.flowport.runtime.airflow.jinja.TemplateSyntaxException;
import io.flowport.runtime.airflow.jinja.XcomPull;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks templated arguments statically: syntax (Airflow fails the task when rendering), and
 * XCom use that the pulled value cannot support — e.g. indexing the job flow id string that
 * EmrCreateJobFlowOperator returns, which Airflow's strict templating fails with UndefinedError.
 */
final class XcomCheck {

  static void check(Catalog catalog, DagDef dag, TaskDef task, Map<String, Arg> args, AirflowOperator op, Report report) {
    for (String field : op.templated()) {
      Arg arg = args.get(field);
      if (arg == null) {
        continue;
      }
      Optional<JsonNode> json = arg.value().toJson();
      if (json.isEmpty()) {
        continue;
      }
      for (String text : strings(json.get(), new ArrayList<>())) {
        Template t;
        try {
          t = Template.parse(text);
        } catch (TemplateSyntaxException e) {
          throw new BadInputException(arg.location(), field + " is not a valid template: " + e.pythonType() + ": " + e.jinjaMessage());
        }
        for (XcomPull pull : t.xcomPulls()) {
          check(catalog, dag, task, field, arg.location(), pull, report);
        }
        for (String name : t.names()) {
          if (AirflowContext.unavailable(name)) {
            report.add(Code.AIRFLOW_CONTEXT_UNAVAILABLE, arg.location(), task.taskId(), field + " reads '" + name
                + "', which needs Airflow's database or scheduler: the task fails with NotImplementedError when it renders", null);
          }
        }
      }
    }
  }

  /** A literal key the upstream operator pushes besides return_value: flowport keeps none of those. */
  private static void keyNotKept(Catalog catalog, DagDef dag, TaskDef task, String field, SourceLocation at, XcomPull pull,
      Report report) {
    String key = pull.key();
    if (key == null || key.equals("return_value") || pull.taskIds() == null || pull.taskIds().size() != 1) {
      return;
    }
    String from = pull.taskIds().get(0);
    Optional<AirflowOperator> op = dag.task(from).flatMap(t -> catalog.airflowOperator(t.operator()));
    if (op.isPresent() && op.get().pushes().containsKey(key)) {
      report.add(Code.AIRFLOW_XCOM_KEY_NOT_KEPT, at, task.taskId(), field + " pulls the XCom key '" + key + "' of '" + from
          + "', which " + op.get().simpleName() + " pushes (" + op.get().pushes().get(key) + ") but flowport does not keep:"
          + " the pull renders None here", "pull the value from where " + op.get().simpleName() + " got it (its own argument)");
    }
  }

  private static void check(Catalog catalog, DagDef dag, TaskDef task, String field, SourceLocation at, XcomPull pull, Report report) {
    keyNotKept(catalog, dag, task, field, at, pull, report);
    if (pull.taskIds() == null || pull.taskIds().size() != 1 || pull.taskIdsIsList() || pull.accesses().isEmpty()
        || !"return_value".equals(pull.key() == null ? "return_value" : pull.key())) {
      return;
    }
    String from = pull.taskIds().get(0);
    Optional<TaskDef> upstream = dag.task(from);
    if (upstream.isEmpty()) {
      report.add(Code.AIRFLOW_XCOM_SHAPE, at, task.taskId(), field + " pulls the XCom of '" + from
          + "', which is not a task of this DAG: it is None, and " + pull.accesses().get(0).text() + " fails with UndefinedError", null);
      return;
    }
    Optional<AirflowOperator> op = catalog.airflowOperator(upstream.get().operator());
    // A mapped task's XCom is the list of its instances' values, whatever one instance returns.
    if (op.isEmpty() || upstream.get().expansion() != null) {
      return;
    }
    String returns = op.get().returns();
    String access = pull.accesses().get(0).text();
    // The fix drops the whole chain after the pull (['StepIds'][0]), which stands at the end of its text.
    String chain = pull.accesses().stream().map(XcomPull.Access::text).collect(java.util.stream.Collectors.joining());
    String pulled = pull.text().endsWith(chain) ? pull.text().substring(0, pull.text().length() - chain.length()).trim()
        : pull.text().replace(access, "").trim();
    if (returns.equals("str") || returns.equals("None")) {
      String pyType = returns.equals("str") ? "'str object'" : "'None'";
      String key = String.valueOf(pull.accesses().get(0).key());
      report.add(Code.AIRFLOW_XCOM_SHAPE, at, task.taskId(),
          field + " uses " + access + " on the XCom of '" + from + "', but " + op.get().simpleName() + " returns "
              + (returns.equals("str") ? "a str (the id itself)" : "None")
              + ": Airflow's strict templating fails this task with UndefinedError: " + pyType + " has no attribute '" + key + "'",
          returns.equals("str") ? "drop " + chain + ": \"{{ " + pulled + " }}\"" : "pull a value the task returns");
    }
  }

  private static List<String> strings(JsonNode node, List<String> out) {
    if (node.isTextual()) {
      out.add(node.asText());
    }
    node.forEach(n -> strings(n, out));
    return out;
  }

  private XcomCheck() {}
}
