package io.flowport.airflow;

import io.flowport.airflow.parse.DagDef;
import io.flowport.airflow.parse.GroupDef;
import io.flowport.airflow.parse.TaskDef;
import io.flowport.ir.Names;
import io.flowport.ir.TaskDag;
import io.flowport.report.Code;
import io.flowport.report.Report;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which TaskGroups become embedded subprocesses. A subprocess starts once and ends once, so a
 * group whose tasks reach a task outside it that leads back into it cannot be one (it would wait
 * for itself): such a group is flattened and reported. A kept group whose boundary makes a task
 * wait for more than its own upstream tasks is reported too; task states stay Airflow's.
 */
final class GroupShapes {

  private final DagDef dag;
  private final List<TaskDag.Edge> edges;
  private final Report report;
  private final Map<String, Set<String>> below = new HashMap<>();
  private final Map<String, List<String>> downstream = new HashMap<>();
  private final Map<String, List<String>> upstream = new HashMap<>();

  GroupShapes(DagDef dag, List<TaskDag.Edge> edges, Report report) {
    this.dag = dag;
    this.edges = edges;
    this.report = report;
    edges.forEach(e -> downstream.computeIfAbsent(e.upstream(), k -> new ArrayList<>()).add(e.downstream()));
    edges.forEach(e -> upstream.computeIfAbsent(e.downstream(), k -> new ArrayList<>()).add(e.upstream()));
  }

  List<TaskDag.Group> groups() {
    Map<String, String> keptParent = new HashMap<>();
    Set<String> kept = new LinkedHashSet<>();
    for (GroupDef g : dag.groups()) {
      Set<String> members = members(g.groupId());
      String[] detour = detour(members);
      if (detour != null) {
        report.add(Code.AIRFLOW_GROUP_FLATTENED, g.location(), null, "TaskGroup '" + g.groupId() + "' is drawn flat, not as a"
            + " subprocess: '" + detour[0] + "' leads out of it to '" + detour[1] + "', which leads back into it to '" + detour[2]
            + "'. Task order and states are Airflow's.", null);
        continue;
      }
      kept.add(g.groupId());
      keptParent.put(g.groupId(), nearestKept(g.parentId(), kept));
      timing(g, members);
    }
    List<TaskDag.Group> out = new ArrayList<>();
    for (String id : kept) {
      GroupDef g = dag.group(id).orElseThrow();
      List<String> direct = dag.tasks().stream().filter(t -> id.equals(nearestKept(t.group(), kept))).map(TaskDef::taskId).toList();
      out.add(new TaskDag.Group(id, keptParent.get(id), Names.humanize(g.label()), direct));
    }
    return out;
  }

  private String nearestKept(String groupId, Set<String> kept) {
    String g = groupId;
    while (g != null && !kept.contains(g)) {
      g = dag.group(g).map(GroupDef::parentId).orElse(null);
    }
    return g;
  }

  /** Tasks in the group or in groups inside it. */
  private Set<String> members(String groupId) {
    Set<String> out = new LinkedHashSet<>();
    for (TaskDef t : dag.tasks()) {
      for (String g = t.group(); g != null; g = dag.group(g).map(GroupDef::parentId).orElse(null)) {
        if (g.equals(groupId)) {
          out.add(t.taskId());
          break;
        }
      }
    }
    return out;
  }

  /** A member, an outside task after it and a member after that; null when there is none. */
  private String[] detour(Set<String> members) {
    if (!hasDetour(members)) {
      return null; // the common case, in linear time; the search below names the first detour for the report
    }
    for (String m : members) {
      for (String x : below(m)) {
        if (!members.contains(x)) {
          for (String back : below(x)) {
            if (members.contains(back)) {
              return new String[] {m, x, back};
            }
          }
        }
      }
    }
    return null;
  }

  /**
   * Whether an outside task is both below a member and above one: one pass down from the members
   * and one up to them, instead of the descendants of every outside task below every member.
   */
  private boolean hasDetour(Set<String> members) {
    Set<String> after = new HashSet<>();
    for (String m : members) {
      after.addAll(below(m));
    }
    after.removeAll(members);
    Set<String> before = new HashSet<>();
    ArrayDeque<String> todo = new ArrayDeque<>(members);
    while (!todo.isEmpty()) {
      for (String prev : upstream.getOrDefault(todo.pop(), List.of())) {
        if (!members.contains(prev) && before.add(prev)) {
          todo.push(prev);
        }
      }
    }
    after.retainAll(before);
    return !after.isEmpty();
  }

  private void timing(GroupDef g, Set<String> members) {
    for (TaskDag.Edge e : edges) {
      if (!members.contains(e.upstream()) && members.contains(e.downstream())) {
        for (String m : members) {
          if (!m.equals(e.downstream()) && !below(e.upstream()).contains(m)) {
            late(g, "'" + m + "' waits for '" + e.upstream() + "', which is upstream of '" + e.downstream() + "' only");
            return;
          }
        }
      }
      if (members.contains(e.upstream()) && !members.contains(e.downstream())) {
        for (String m : members) {
          if (!m.equals(e.upstream()) && !below(m).contains(e.downstream())) {
            late(g, "'" + e.downstream() + "' waits for '" + m + "', which is not upstream of it");
            return;
          }
        }
      }
    }
  }

  private void late(GroupDef g, String example) {
    report.add(Code.AIRFLOW_GROUP_TIMING, g.location(), null, "TaskGroup '" + g.groupId() + "' is a subprocess that starts"
        + " when all its upstream tasks are done and ends when all its tasks are: " + example
        + ". Which tasks run and their states are Airflow's.", "to start tasks as early as Airflow, make the group's upstream"
        + " and downstream tasks the same for all its tasks (g1 >> g2, t >> g)");
  }

  /** Tasks after the task (transitively). */
  private Set<String> below(String taskId) {
    return below.computeIfAbsent(taskId, id -> {
      Set<String> seen = new LinkedHashSet<>();
      ArrayDeque<String> todo = new ArrayDeque<>(List.of(id));
      while (!todo.isEmpty()) {
        String t = todo.pop();
        for (String next : downstream.getOrDefault(t, List.of())) {
          if (seen.add(next)) {
            todo.push(next);
          }
        }
      }
      return seen;
    });
  }
}
