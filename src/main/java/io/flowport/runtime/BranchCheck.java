package io.flowport.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What Airflow's skip_all_except checks of a branch's return value before it skips anything: a
 * task id, an iterable of task ids or None, every id a task of the DAG. A failed check fails the
 * branching task with Airflow's AirflowException (and its retries apply). An id that is a task of
 * the DAG but not downstream of the branch is no error: Airflow then skips every direct downstream.
 */
final class BranchCheck {

  static void check(JsonNode result, JsonNode dagTaskIds) {
    if (result == null || result.isNull()) {
      return;
    }
    List<JsonNode> ids = new ArrayList<>();
    if (result.isTextual()) {
      ids.add(result);
    } else if (result.isArray()) {
      result.forEach(ids::add);
    } else if (result.isObject()) {
      result.fieldNames().forEachRemaining(k -> ids.add(com.fasterxml.jackson.databind.node.TextNode.valueOf(k)));
    } else {
      throw new JobFailure("AirflowException", "'branch_task_ids' must be either None, a task ID, or an Iterable of IDs, but got '"
          + pythonType(result) + "'.");
    }
    List<String> wrongType = ids.stream().filter(i -> !i.isTextual()).map(i -> "(" + py(i) + ", '" + pythonType(i) + "')").toList();
    if (!wrongType.isEmpty()) {
      throw new JobFailure("AirflowException", "'branch_task_ids' expected all task IDs are strings. Invalid tasks found: {"
          + String.join(", ", wrongType) + "}.");
    }
    Set<String> valid = new LinkedHashSet<>();
    dagTaskIds.forEach(i -> valid.add(i.asText()));
    List<String> invalid = ids.stream().map(JsonNode::asText).filter(i -> !valid.contains(i)).distinct().map(i -> "'" + i + "'").toList();
    if (!invalid.isEmpty()) {
      throw new JobFailure("AirflowException", "'branch_task_ids' must contain only valid task_ids. Invalid tasks found: {"
          + String.join(", ", invalid) + "}.");
    }
  }

  private static String py(JsonNode v) {
    return v.isNull() ? "None" : v.isBoolean() ? (v.asBoolean() ? "True" : "False") : v.toString();
  }

  private static String pythonType(JsonNode v) {
    return v.isTextual() ? "str" : v.isArray() ? "list" : v.isObject() ? "dict" : v.isBoolean() ? "bool"
        : v.isIntegralNumber() ? "int" : v.isNumber() ? "float" : "NoneType";
  }

  private BranchCheck() {}
}
