package io.flowport.asl;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.ir.StateGraph;
import io.flowport.ir.Step;
import io.flowport.report.Code;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Warns about loops that call a service with no Wait state on the way round: Step Functions runs
 * them as fast as it can, which hammers the service (and EMR throttles). Nothing is inserted: the
 * run does what the machine says.
 */
final class LoopCheck {

  static void run(AslContext ctx, StateGraph graph) {
    List<String> order = graph.steps().stream().map(Step::name).toList();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < order.size(); i++) {
      index.put(order.get(i), i);
    }
    Map<String, List<String>> predecessors = new HashMap<>();
    for (Step s : graph.steps()) {
      s.successors().forEach(n -> predecessors.computeIfAbsent(n, k -> new ArrayList<>()).add(s.name()));
    }
    // A back edge (to a state earlier in depth-first order) closes a loop; the loop is the states
    // from the target to the source in that order that can reach each other.
    for (Step from : graph.steps()) {
      for (String to : from.successors()) {
        if (index.get(to) > index.get(from.name())) {
          continue;
        }
        List<Step> loop = loop(graph, predecessors, to, from.name());
        boolean waits = loop.stream().anyMatch(s -> s instanceof Step.Delay);
        List<String> calls = new ArrayList<>();
        loop.stream().filter(s -> s instanceof Step.Task).forEach(s -> calls.add(s.name()));
        if (waits || calls.isEmpty()) {
          continue;
        }
        ctx.report().add(Code.ASL_BUSY_LOOP, ctx.doc().at(pointer(ctx, from.name(), to)), from.name(),
            from.name() + " goes back to " + to + " with no Wait state on the loop, so " + String.join(", ", calls)
                + " run again at once, as fast as Step Functions can go: a busy loop that floods the service with calls "
                + "(EMR throttles them) and runs up state transitions",
            "add a Wait state (e.g. \"Seconds\": 60) between " + from.name() + " and " + to);
      }
    }
  }

  /**
   * States on some path from {@code head} to {@code tail} (both included): those reachable from
   * the head that also reach the tail. Two searches per loop keep large machines linear.
   */
  private static List<Step> loop(StateGraph graph, Map<String, List<String>> predecessors, String head, String tail) {
    Set<String> fromHead = search(head, n -> graph.step(n).successors());
    Set<String> toTail = search(tail, n -> predecessors.getOrDefault(n, List.of()));
    return graph.steps().stream().filter(s -> fromHead.contains(s.name()) && toTail.contains(s.name())).toList();
  }

  private static Set<String> search(String start, Function<String, List<String>> next) {
    Set<String> seen = new HashSet<>(List.of(start));
    Deque<String> todo = new ArrayDeque<>(seen);
    while (!todo.isEmpty()) {
      for (String n : next.apply(todo.pop())) {
        if (seen.add(n)) {
          todo.push(n);
        }
      }
    }
    return seen;
  }

  private static String pointer(AslContext ctx, String from, String to) {
    JsonNode state = ctx.doc().states().get(from);
    String base = ctx.doc().pointer(from);
    if (to.equals(state.path("Next").asText(null))) {
      return base + "/Next";
    }
    JsonNode choices = state.path("Choices");
    for (int i = 0; i < choices.size(); i++) {
      if (to.equals(choices.get(i).path("Next").asText())) {
        return base + "/Choices/" + i + "/Next";
      }
    }
    return base + "/Default";
  }

  private LoopCheck() {}
}
