package io.flowport.airflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.airflow.parse.Arg;
import io.flowport.airflow.parse.Expansion;
import io.flowport.airflow.parse.PyValue;
import io.flowport.airflow.parse.TaskDef;
import io.flowport.contract.Vars;
import io.flowport.diag.BadInputException;
import io.flowport.ir.DagTask;
import io.flowport.report.Code;
import io.flowport.report.Report;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A mapped task (Airflow's expand): the FEEL list of its instances' mapped arguments and the header
 * that tells the job where they go. Several expand() arguments map over their cross product, the
 * last one varying fastest (Airflow's map index order); a dict maps over its (key, value) pairs.
 */
final class MappedTask {

  private final TaskDef task;
  private final Expansion expansion;
  private final Map<String, Arg> args;
  private final Report report;

  MappedTask(TaskDef task, Map<String, Arg> args, Report report) {
    this.task = task;
    this.expansion = task.expansion();
    this.args = args;
    this.report = report;
  }

  /**
   * Mapped arguments of an operator stand in its arguments as null until the instance runs, so the
   * request template knows them; a BaseOperator argument cannot be mapped here.
   */
  void placeholders(ObjectNode values, Set<String> operatorArgs, String operator, boolean anyArgs) {
    if (expansion.taskflow() || expansion.kind() == Expansion.Kind.EXPAND_KWARGS) {
      return;
    }
    expansion.args().forEach((name, arg) -> {
      if (BaseArgs.isBase(name)) {
        throw new BadInputException(arg.location(), "mapping " + name + " is not supported yet: each instance would need"
            + " its own " + name);
      }
      if (anyArgs || operatorArgs.contains(name)) {
        values.putNull(name);
      } else {
        report.add(Code.AIRFLOW_IGNORED_ARG, arg.location(), task.taskId(), operator + " argument " + name
            + " is not in flowport's catalog entry; mapping over it only sets the number of instances", null);
      }
    });
  }

  /** The {@code airflow.expand} header. */
  String header() {
    ObjectNode h = TaskConversion.JSON.createObjectNode();
    h.put("into", expansion.taskflow() ? "/op_kwargs" : "");
    ArrayNode rendered = h.putArray("rendered");
    Set<String> literal = new LinkedHashSet<>();
    expansion.args().forEach((name, arg) -> {
      if (!(arg.value() instanceof PyValue.PyXcom)) {
        if (expansion.kind() == Expansion.Kind.EXPAND) {
          literal.add(name);
        } else {
          ((PyValue.PyList) arg.value()).items().forEach(d -> ((PyValue.PyDict) d).entries().keySet()
              .forEach(k -> literal.add(((PyValue.PyStr) k).value())));
        }
      }
    });
    literal.forEach(rendered::add);
    return h.toString();
  }

  DagTask.Mapping mapping() {
    List<String> sources = new ArrayList<>();
    List<String> xcoms = new ArrayList<>();
    for (Map.Entry<String, Arg> e : expansion.args().entrySet()) {
      PyValue v = e.getValue().value();
      if (v instanceof PyValue.PyXcom x) {
        xcoms.add(x.taskId());
        String xcom = Vars.xcom(x.taskId());
        sources.add(expansion.kind() == Expansion.Kind.EXPAND_KWARGS
            ? "(if " + xcom + " instance of list then " + xcom + " else [])"
            : "(if " + xcom + " instance of list then " + xcom + " else if " + xcom + " instance of context then"
                + " for e in get entries(" + xcom + ") return [e.key, e.value] else [])");
      } else {
        sources.add(feel(literal(e.getKey(), e.getValue())));
      }
    }
    String items;
    if (expansion.kind() == Expansion.Kind.EXPAND_KWARGS) {
      items = sources.get(0);
    } else {
      List<String> names = List.copyOf(expansion.args().keySet());
      StringBuilder loops = new StringBuilder("for ");
      StringBuilder context = new StringBuilder("{");
      for (int i = 0; i < names.size(); i++) {
        loops.append(i == 0 ? "" : ", ").append("map_v").append(i).append(" in ").append(sources.get(i));
        context.append(i == 0 ? "" : ", ").append(TaskConversion.JSON.valueToTree(names.get(i)).toString()).append(": map_v").append(i);
      }
      items = loops + " return " + context + "}";
    }
    report.add(Code.AIRFLOW_MAPPED, expansion.location(), task.taskId(), "mapped task (" + (expansion.kind()
        == Expansion.Kind.EXPAND ? "expand over " + String.join(", ", expansion.args().keySet()) : "expand_kwargs")
        + ") became a parallel multi-instance subprocess: each instance tries, retries and fails on its own;"
        + " ti_" + Vars.key(task.taskId()) + " is the list of instance states, xcom_" + Vars.key(task.taskId())
        + " the list of their XComs in map index order; an empty expansion skips the task", null);
    if (!xcoms.isEmpty()) {
      report.add(Code.AIRFLOW_MAPPED_XCOM, expansion.location(), task.taskId(), "the XCom of " + String.join(", ", xcoms)
          + " is mapped over: when it is not a " + (expansion.kind() == Expansion.Kind.EXPAND ? "list or dict" : "list")
          + " (None, a str, a number) flowport skips this task, where Airflow fails the upstream task"
          + " (XComForMappingNotPushed, UnmappableXComTypePushed); Airflow's max_map_length (1024) is not enforced", null);
    }
    for (String limit : List.of("max_active_tis_per_dag", "max_active_tis_per_dagrun")) {
      if (args.containsKey(limit) && BaseArgs.set(args.get(limit))) {
        report.add(Code.AIRFLOW_MAPPED_CONCURRENCY, args.get(limit).location(), task.taskId(), limit + " has no Zeebe"
            + " equivalent: all instances of the multi-instance subprocess start at once", null);
      }
    }
    if (args.containsKey("map_index_template")) {
      report.add(Code.AIRFLOW_MAP_INDEX_TEMPLATE, args.get("map_index_template").location(), task.taskId(),
          "map_index_template only names the instances in Airflow's UI; instances are told apart by mapIndex", null);
    }
    return new DagTask.Mapping(items);
  }

  private static JsonNode literal(String name, Arg arg) {
    JsonNode json = Values.json(name.isEmpty() ? "expand_kwargs" : name, arg);
    if (json instanceof ObjectNode o) {
      // Airflow maps a dict as its (key, value) pairs.
      ArrayNode pairs = TaskConversion.JSON.createArrayNode();
      o.fields().forEachRemaining(e -> pairs.addArray().add(e.getKey()).add(e.getValue()));
      return pairs;
    }
    return json;
  }

  /** JSON written as a FEEL literal: the same text, as FEEL contexts take string keys. */
  private static String feel(JsonNode json) {
    return json.toString();
  }
}
