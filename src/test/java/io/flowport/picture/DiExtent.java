package io.flowport.picture;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnLabel;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.dc.Bounds;
import io.camunda.zeebe.model.bpmn.instance.di.Waypoint;
import java.util.ArrayList;
import java.util.List;

/** What the DI of a model covers, read straight from the file's shapes, waypoints and labels. */
final class DiExtent {

  private DiExtent() {}

  /** Every box of the DI (waypoints as empty boxes): x, y, width, height. */
  static List<double[]> boxes(BpmnModelInstance model) {
    List<double[]> out = new ArrayList<>();
    for (BpmnShape s : model.getModelElementsByType(BpmnShape.class)) {
      out.add(box(s.getBounds()));
    }
    for (BpmnEdge e : model.getModelElementsByType(BpmnEdge.class)) {
      for (Waypoint w : e.getWaypoints()) {
        out.add(new double[] {w.getX(), w.getY(), 0, 0});
      }
    }
    for (BpmnLabel l : model.getModelElementsByType(BpmnLabel.class)) {
      if (l.getBounds() != null) {
        out.add(box(l.getBounds()));
      }
    }
    return out;
  }

  /** The union of {@link #boxes}: x, y, width, height. */
  static double[] union(BpmnModelInstance model) {
    double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
    for (double[] b : boxes(model)) {
      minX = Math.min(minX, b[0]);
      minY = Math.min(minY, b[1]);
      maxX = Math.max(maxX, b[0] + b[2]);
      maxY = Math.max(maxY, b[1] + b[3]);
    }
    return new double[] {minX, minY, maxX - minX, maxY - minY};
  }

  private static double[] box(Bounds b) {
    return new double[] {b.getX(), b.getY(), b.getWidth(), b.getHeight()};
  }
}
