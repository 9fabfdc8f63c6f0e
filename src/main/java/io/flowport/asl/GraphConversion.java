package io.flowport.asl;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.ir.StateGraph;
import io.flowport.ir.Step;
import java.util.ArrayList;
import java.util.List;

/** The states of one scope (the machine, a Parallel branch, a Map iterator) → a state graph. */
final class GraphConversion {

  static StateGraph convert(AslContext ctx, AslDocument.Scope scope) {
    List<Step> steps = new ArrayList<>();
    List<String> reachable = scope.reachable();
    for (String name : reachable) {
      steps.add(convertState(ctx, name, scope.states().get(name)));
      Assignments.check(ctx, name, scope.states().get(name));
    }
    for (String name : scope.states().keySet()) {
      if (!reachable.contains(name)) {
        ctx.report().converted(name + ": not reachable from StartAt, left out (Step Functions never runs it either)");
      }
    }
    return new StateGraph(scope.startAt(), steps, Assignments.names(scope));
  }

  private static Step convertState(AslContext ctx, String name, JsonNode state) {
    return switch (AslStates.type(state)) {
      case "Task" -> TaskConversion.convert(ctx, name, state);
      case "Choice" -> ChoiceConversion.convert(ctx, name, state);
      case "Pass", "Succeed", "Fail", "Wait" -> FlowConversion.convert(ctx, name, state);
      case "Parallel" -> ParallelConversion.convert(ctx, name, state);
      case "Map" -> MapConversion.convert(ctx, name, state);
      default -> throw Unsupported.state(ctx, name, state);
    };
  }

  private GraphConversion() {}
}
