package io.flowport.ir;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Step Functions' form: control moves from step to step along explicit transitions, loops allowed.
 *
 * @param entry the name of the first step
 * @param steps all steps, in source order
 * @param byName the steps by name (derived from {@code steps})
 * @param variables the workflow variables this graph's own steps assign (Step Functions' Assign),
 *     not those of nested graphs: a Parallel branch or Map iteration that assigns keeps its own copy
 */
public record StateGraph(String entry, List<Step> steps, Map<String, Step> byName, java.util.Set<String> variables)
    implements Body {

  public StateGraph {
    steps = List.copyOf(steps);
    byName = index(steps);
    variables = variables == null ? java.util.Set.of() : java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(variables));
  }

  public StateGraph(String entry, List<Step> steps) {
    this(entry, steps, Map.of(), null);
  }

  public StateGraph(String entry, List<Step> steps, java.util.Set<String> variables) {
    this(entry, steps, Map.of(), variables);
  }

  /** The step of that name, or null; a map, since checks and emitters look steps up per transition. */
  public Step step(String name) {
    return byName.get(name);
  }

  private static Map<String, Step> index(List<Step> steps) {
    Map<String, Step> m = new HashMap<>();
    for (Step s : steps) {
      m.putIfAbsent(s.name(), s);
    }
    return Collections.unmodifiableMap(m);
  }

  /** Every step of this graph and of the graphs nested in its Parallel and Map steps, depth first. */
  public List<Step> allSteps() {
    List<Step> out = new java.util.ArrayList<>();
    for (Step s : steps) {
      out.add(s);
      switch (s) {
        case Step.Parallel p -> p.branches().forEach(b -> out.addAll(b.allSteps()));
        case Step.Map m -> out.addAll(m.iterator().allSteps());
        default -> { }
      }
    }
    return out;
  }
}
