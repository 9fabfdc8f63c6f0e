package io.flowport.bpmn;

import java.util.EnumSet;
import org.eclipse.elk.alg.layered.options.CycleBreakingStrategy;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.math.KVector;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.options.NodeLabelPlacement;
import org.eclipse.elk.core.options.PortAlignment;
import org.eclipse.elk.core.options.PortConstraints;
import org.eclipse.elk.core.options.PortLabelPlacement;
import org.eclipse.elk.core.options.PortSide;
import org.eclipse.elk.core.options.SizeConstraint;
import org.eclipse.elk.core.util.IndividualSpacings;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.ElkPort;

/** The ELK layered options of a generated diagram, in one place. */
final class ElkSettings {

  // Outside Eclipse, ELK knows the algorithms registered with it here.
  static {
    LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
  }

  /** An event's diameter. */
  static final double EVENT = 36;

  private ElkSettings() {}

  /** A graph to lay out: the process, or the inside of an expanded subprocess. */
  static void container(ElkNode graph, boolean root) {
    graph.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
    graph.setProperty(LayeredOptions.DIRECTION, Direction.RIGHT);
    graph.setProperty(LayeredOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
    // Subprocesses have no edges crossing their border, so each is laid out on its own.
    graph.setProperty(LayeredOptions.HIERARCHY_HANDLING, HierarchyHandling.SEPARATE_CHILDREN);
    // Fixed seed and model order: the same model always gets the same picture.
    graph.setProperty(LayeredOptions.RANDOM_SEED, 1);
    graph.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY, OrderingStrategy.NODES_AND_EDGES);
    // Loops are closed by the edge that returns to a node already on the path from the start.
    graph.setProperty(LayeredOptions.CYCLE_BREAKING_STRATEGY, CycleBreakingStrategy.DEPTH_FIRST);
    graph.setProperty(LayeredOptions.SPACING_NODE_NODE, 30.0);
    graph.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 45.0);
    graph.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 20.0);
    graph.setProperty(LayeredOptions.SPACING_EDGE_NODE, 15.0);
    graph.setProperty(LayeredOptions.SPACING_EDGE_EDGE, 12.0);
    graph.setProperty(LayeredOptions.SPACING_EDGE_EDGE_BETWEEN_LAYERS, 12.0);
    graph.setProperty(LayeredOptions.SPACING_EDGE_LABEL, 4.0);
    graph.setProperty(LayeredOptions.SPACING_LABEL_NODE, 6.0);
    graph.setProperty(LayeredOptions.SPACING_LABEL_LABEL, 6.0);
    graph.setProperty(LayeredOptions.SPACING_LABEL_PORT_HORIZONTAL, 2.0);
    graph.setProperty(LayeredOptions.SPACING_LABEL_PORT_VERTICAL, 2.0);
    // Inside a subprocess: room for its title on top and for its boundary events at the bottom.
    graph.setProperty(LayeredOptions.PADDING, root ? new ElkPadding(20) : new ElkPadding(36, 24, 40, 24));
  }

  /** Direct children above which a container is laid out for speed rather than for the last crossing. */
  static final int LARGE = 200;

  /**
   * Keeping the model order sorts each layer by insertion (quadratic), and thorough crossing
   * minimisation repeats sweeps: a machine of thousands of states took minutes. Large containers
   * get the heuristics' fast settings; small ones, where people look closely, keep the careful ones.
   */
  static void scale(ElkNode graph) {
    if (graph.getChildren().size() > LARGE) {
      graph.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY, OrderingStrategy.NONE);
      graph.setProperty(LayeredOptions.THOROUGHNESS, 1);
    }
    for (ElkNode child : graph.getChildren()) {
      if (!child.getChildren().isEmpty()) {
        scale(child);
      }
    }
  }

  /** A task, event or gateway: fixed size, ports where the builder puts them. */
  static void node(ElkNode node, double w, double h) {
    node.setDimensions(w, h);
    node.setProperty(LayeredOptions.PORT_CONSTRAINTS, PortConstraints.FIXED_POS);
    node.setProperty(LayeredOptions.NODE_LABELS_PLACEMENT, NodeLabelPlacement.outsideBottomCenter());
    node.setProperty(LayeredOptions.PORT_LABELS_PLACEMENT, EnumSet.of(PortLabelPlacement.OUTSIDE));
  }

  /**
   * An expanded subprocess. Its size is known only after its children's layout, so ELK places its
   * ports: boundary events centred on the lower border, {@code boundaryGap} apart.
   */
  static void subProcess(ElkNode node, double boundaryGap) {
    node.setProperty(LayeredOptions.PORT_CONSTRAINTS, PortConstraints.FIXED_SIDE);
    node.setProperty(LayeredOptions.PORT_ALIGNMENT_SOUTH, PortAlignment.CENTER);
    IndividualSpacings spacing = new IndividualSpacings();
    spacing.setProperty(LayeredOptions.SPACING_PORT_PORT, boundaryGap);
    node.setProperty(LayeredOptions.SPACING_INDIVIDUAL, spacing);
    node.setProperty(LayeredOptions.PORT_LABELS_PLACEMENT, EnumSet.of(PortLabelPlacement.OUTSIDE));
    node.setProperty(LayeredOptions.NODE_SIZE_CONSTRAINTS, EnumSet.of(SizeConstraint.MINIMUM_SIZE));
    node.setProperty(LayeredOptions.NODE_SIZE_MINIMUM, new KVector(200, 120));
  }

  /** A port for sequence flows: where they enter (west) or leave (east). */
  static void flowPort(ElkPort port, PortSide side, double x, double y) {
    port.setDimensions(0, 0);
    port.setLocation(x, y);
    port.setProperty(LayeredOptions.PORT_SIDE, side);
  }

  /** A boundary event: centred on its host's lower border, as Modeler draws it. */
  static void boundaryPort(ElkPort port) {
    port.setDimensions(EVENT, EVENT);
    port.setProperty(LayeredOptions.PORT_SIDE, PortSide.SOUTH);
    port.setProperty(LayeredOptions.PORT_BORDER_OFFSET, -EVENT / 2);
  }

  static void edgeLabel(ElkLabel label) {
    label.setProperty(LayeredOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
  }
}
