package io.flowport.airflow.parse;

import org.treesitter.TSNode;

/** Small helpers over tree-sitter nodes. */
final class Nodes {

  private Nodes() {}

  /** The child in this field, or null when the node has none. */
  static TSNode field(TSNode node, String name) {
    TSNode child = node.getChildByFieldName(name);
    return child == null || child.isNull() ? null : child;
  }
}
