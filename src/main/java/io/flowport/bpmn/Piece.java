package io.flowport.bpmn;

import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import java.util.List;

/**
 * The elements emitted for one source state or task: where control enters, and the loose ends
 * that the emitter connects to what comes next.
 */
record Piece(FlowNode entry, List<Exit> exits) {

  /**
   * A loose end.
   *
   * @param from the element the sequence flow leaves
   * @param target the name of the state it goes to, or null where the piece ends the flow
   * @param condition a FEEL condition, or null
   * @param isDefault whether it is its gateway's default flow
   */
  record Exit(FlowNode from, String target, String condition, boolean isDefault) {
    static Exit to(FlowNode from, String target) {
      return new Exit(from, target, null, false);
    }
  }
}
