package io.flowport.bpmn;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Process;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.util.BasicProgressMonitor;

/**
 * Diagram interchange for a generated process, laid out left to right by ELK layered: expanded
 * subprocesses with their children inside, boundary events on their host's lower border,
 * orthogonal edges, and room for every external label. Deterministic: the same model always gets
 * the same coordinates.
 */
final class DiLayout {

  private final BpmnModelInstance model;

  DiLayout(BpmnModelInstance model) {
    this.model = model;
  }

  void apply(Process process) {
    ElkGraphBuilder graph = new ElkGraphBuilder(process);
    ElkSettings.scale(graph.root);
    new RecursiveGraphLayoutEngine().layout(graph.root, new BasicProgressMonitor());
    new DiWriter(model, graph).write(process);
  }
}
