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
}
