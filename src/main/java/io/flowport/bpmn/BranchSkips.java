package io.flowport.bpmn;

import io.flowport.contract.Vars;
import io.flowport.ir.DagTask;
import io.flowport.ir.TaskDag;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Airflow's branching as FEEL: when a branching task succeeds, it sets the state of each task it
 * skips to "skipped" before that task's trigger rule is evaluated; that task's block then ends
 * skipped at once, and its own downstream tasks see a skipped upstream, as Airflow propagates it.
 */
final class BranchSkips {

  /** Per branching task: the state variable of each task it may skip → its FEEL value after the branch. */
  private final Map<String, Map<String, String>> outputs = new LinkedHashMap<>();
  private final Set<String> skippable = new LinkedHashSet<>();

  BranchSkips(TaskDag dag) {
    for (DagTask t : dag.tasks()) {
      if (t.branch() == null) {
        continue;
      }
      String xcom = Vars.xcom(t.taskId());
      Map<String, String> out = new LinkedHashMap<>();
      if (t.branch().kind() == DagTask.Branch.Kind.BRANCH) {
        // skip_all_except: a direct downstream task runs when it was chosen or lies downstream of a
        // chosen task (the "join" of an empty branch); None chooses nothing.
        String chosen = "(if " + xcom + " = null then [] else if " + xcom + " instance of string then [" + xcom + "]"
            + " else if " + xcom + " instance of context then get entries(" + xcom + ").key else " + xcom + ")";
        for (String d : dag.downstream(t.taskId())) {
          Set<String> keepers = new LinkedHashSet<>(List.of(d));
          keepers.addAll(closure(dag, d, false));
          out.put(d, "if some id in " + chosen + " satisfies list contains(" + list(keepers) + ", id) then "
              + Vars.taskState(d) + " else \"skipped\"");
        }
      } else {
        // Python's truth: None, False, 0, "", [] and {} are falsy.
        String falsy = "(" + xcom + " = null or " + xcom + " = false or " + xcom + " = 0 or " + xcom + " = \"\""
            + " or (" + xcom + " instance of list and count(" + xcom + ") = 0)"
            + " or (" + xcom + " instance of context and count(get entries(" + xcom + ")) = 0))";
        List<String> targets = t.branch().allDownstream() ? List.copyOf(closure(dag, t.taskId(), true)) : dag.downstream(t.taskId());
        for (String d : targets) {
          out.put(d, "if " + falsy + " = true then \"skipped\" else " + Vars.taskState(d));
        }
      }
      out.keySet().forEach(skippable::add);
      outputs.put(t.taskId(), out);
    }
  }

  /** The state variables a branching task sets when it succeeds, with their FEEL values. */
  Map<String, String> outputs(String taskId) {
    return outputs.getOrDefault(taskId, Map.of());
  }

  /** Whether a branch may have skipped the task before its turn. */
  boolean skippable(String taskId) {
    return skippable.contains(taskId);
  }

  /** The tasks downstream ({@code down}) or upstream of a task, transitively, without it. */
  private static Set<String> closure(TaskDag dag, String from, boolean down) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(from));
    while (!todo.isEmpty()) {
      for (String next : down ? dag.downstream(todo.pop()) : dag.upstream(todo.pop())) {
        if (seen.add(next)) {
          todo.add(next);
        }
      }
    }
    return seen;
  }

  private static String list(Set<String> ids) {
    return "[" + String.join(", ", ids.stream().map(id -> "\"" + id + "\"").toList()) + "]";
  }
}
