package io.flowport.picture;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnDiagram;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnLabel;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.dc.Bounds;
import io.camunda.zeebe.model.bpmn.instance.di.DiagramElement;
import io.flowport.diag.BadInputException;
import io.flowport.diag.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.model.xml.ModelException;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Reads the picture of a BPMN diagram from its DI (shapes, edges, label bounds): the first
 * diagram of the file, as Modeler opens it. Nothing is laid out here; a BPMN without DI has no
 * picture and gets a one-line error.
 */
public final class Pictures {

  private Pictures() {}

  /** The picture of a BPMN file. */
  public static Picture read(Path file) {
    BpmnModelInstance model;
    try (InputStream in = Files.newInputStream(file)) {
      model = Bpmn.readModelFromStream(in);
    } catch (NoSuchFileException e) {
      throw new BadInputException(SourceLocation.file(file), "no such file");
    } catch (IOException e) {
      throw new BadInputException(SourceLocation.file(file), "cannot read: " + e.getMessage());
    } catch (ModelException e) {
      throw new BadInputException(SourceLocation.file(file), "not a BPMN file: " + firstLine(e));
    }
    return of(model, file);
  }

  /** The picture of a model; {@code source} names it in errors (null: "<input>"). */
  public static Picture of(BpmnModelInstance model, Path source) {
    // Not getModelElementsByType: it rescans the whole DOM (slow on big diagrams); diagrams are children of definitions.
    BpmnDiagram diagram = model.getDefinitions().getChildElementsByType(BpmnDiagram.class).stream().findFirst().orElse(null);
    List<DiagramElement> elements = diagram == null || diagram.getBpmnPlane() == null ? List.of()
        : List.copyOf(diagram.getBpmnPlane().getDiagramElements());
    if (elements.stream().noneMatch(BpmnShape.class::isInstance)) {
      throw new BadInputException(SourceLocation.file(source),
          "nothing to draw: the BPMN has no diagram layout (BPMN DI); open and save it in Camunda Modeler to add one");
    }
    DiCheck.complete(diagram.getBpmnPlane(), source);
    List<DiagramElement> order = new ArrayList<>(elements);
    order.removeIf(d -> element(d) == null);
    // Containers before what is inside them, whatever the order in the file; stable, so
    // otherwise the file's order. Boundary events over their host, flows over the shapes.
    order.sort(Comparator.comparingInt((DiagramElement d) -> depth(element(d)))
        .thenComparingInt(d -> d instanceof BpmnEdge ? 2 : element(d) instanceof BoundaryEvent ? 1 : 0));
    List<Figure> figures = new ArrayList<>();
    List<double[]> boxes = new ArrayList<>();
    for (DiagramElement d : order) {
      figures.add(d instanceof BpmnShape s ? ShapeFigures.of(s) : FlowFigures.of((BpmnEdge) d));
      boxes(d, boxes);
    }
    return Extent.frame(figures, boxes);
  }

  /** The boxes the DI gives an element: its bounds or waypoints, and its label's bounds. */
  private static void boxes(DiagramElement d, List<double[]> out) {
    BpmnLabel label = null;
    if (d instanceof BpmnShape s) {
      out.add(box(s.getBounds()));
      label = s.getBpmnLabel();
    } else if (d instanceof BpmnEdge e) {
      e.getWaypoints().forEach(w -> out.add(new double[] {w.getX(), w.getY(), 0, 0}));
      label = e.getBpmnLabel();
    }
    if (label != null && label.getBounds() != null) {
      out.add(box(label.getBounds()));
    }
  }

  private static double[] box(Bounds b) {
    return new double[] {b.getX(), b.getY(), b.getWidth(), b.getHeight()};
  }

  private static BaseElement element(DiagramElement d) {
    return switch (d) {
      case BpmnShape s when s.getBounds() != null -> s.getBpmnElement();
      case BpmnEdge e -> e.getBpmnElement();
      default -> null;
    };
  }

  /** How many subprocesses the element is in. */
  private static int depth(BaseElement e) {
    int depth = 0;
    for (ModelElementInstance p = e.getParentElement(); p != null; p = p.getParentElement()) {
      if (p instanceof SubProcess) {
        depth++;
      }
    }
    return depth;
  }

  private static String firstLine(Exception e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause().getMessage() != null) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? t.toString() : t.getMessage();
    return m.lines().findFirst().orElse(m).strip();
  }
}
