package io.flowport.ir;

import java.util.List;

/**
 * Step Functions' form: control moves from step to step along explicit transitions, loops allowed.
 *
 * @param entry the name of the first step
 * @param steps all steps, in source order
 */
public record StateGraph(String entry, List<Step> steps) implements Body {

  public StateGraph {
    steps = List.copyOf(steps);
  }

  public Step step(String name) {
    return steps.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
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
