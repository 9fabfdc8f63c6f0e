package io.flowport.bpmn;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeProperties;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeProperty;
import io.flowport.ir.TaskDag;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The order between tasks that a generated process enforces, read from the BPMN alone: task A is
 * before task B when some element of A (found by its {@code zeebe:property source}) leads to some
 * element of B through sequence flows, boundary events and subprocess boundaries (a subprocess
 * enters at its start events and completes after all it holds). Pairs are "a>>b".
 */
public final class HappensBefore {

  public static Set<String> of(BpmnModelInstance model, Collection<String> taskIds) {
    Map<String, List<String>> next = new HashMap<>();
    for (SequenceFlow f : model.getModelElementsByType(SequenceFlow.class)) {
      link(next, exit(f.getSource()), f.getTarget().getId());
    }
    for (BoundaryEvent b : model.getModelElementsByType(BoundaryEvent.class)) {
      link(next, b.getAttachedTo().getId(), b.getId());
    }
    for (SubProcess sp : model.getModelElementsByType(SubProcess.class)) {
      for (FlowNode child : sp.getChildElementsByType(FlowNode.class)) {
        if (child instanceof StartEvent) {
          link(next, sp.getId(), child.getId());
        }
        link(next, exit(child), exit(sp));
      }
    }
    Map<String, List<String>> nodesOf = new HashMap<>();
    for (FlowNode n : model.getModelElementsByType(FlowNode.class)) {
      String source = sourceOf(n);
      if (source != null && taskIds.contains(source)) {
        nodesOf.computeIfAbsent(source, k -> new ArrayList<>()).add(n.getId());
      }
    }
    Map<String, String> taskOf = new HashMap<>();
    nodesOf.forEach((task, nodes) -> nodes.forEach(n -> taskOf.put(n, task)));
    Set<String> out = new TreeSet<>();
    nodesOf.forEach((task, nodes) -> {
      for (String reached : reach(next, nodes)) {
        String other = taskOf.get(reached);
        if (other != null && !other.equals(task)) {
          out.add(task + ">>" + other);
        }
      }
    });
    return out;
  }

  /** The transitive closure of a DAG's edges, as "a>>b". */
  public static Set<String> closure(Collection<TaskDag.Edge> edges) {
    Map<String, List<String>> next = new HashMap<>();
    edges.forEach(e -> link(next, e.upstream(), e.downstream()));
    Set<String> out = new TreeSet<>();
    for (String task : next.keySet()) {
      reach(next, List.of(task)).forEach(r -> out.add(task + ">>" + r));
    }
    return out;
  }

  private static Set<String> reach(Map<String, List<String>> next, List<String> from) {
    Set<String> seen = new TreeSet<>();
    ArrayDeque<String> todo = new ArrayDeque<>(from);
    while (!todo.isEmpty()) {
      for (String n : next.getOrDefault(todo.pop(), List.of())) {
        if (seen.add(n)) {
          todo.push(n);
        }
      }
    }
    return seen;
  }

  // A subprocess's outgoing flows leave when it completes: a node of its own, after what it holds.
  private static String exit(FlowNode n) {
    return n instanceof SubProcess ? n.getId() + "#completed" : n.getId();
  }

  private static void link(Map<String, List<String>> next, String from, String to) {
    next.computeIfAbsent(from, k -> new ArrayList<>()).add(to);
  }

  public static String sourceOf(FlowNode node) {
    if (node.getExtensionElements() == null) {
      return null;
    }
    for (ZeebeProperties props : node.getExtensionElements().getChildElementsByType(ZeebeProperties.class)) {
      for (ZeebeProperty p : props.getProperties()) {
        if ("source".equals(p.getName())) {
          return p.getValue();
        }
      }
    }
    return null;
  }

  private HappensBefore() {}
}
