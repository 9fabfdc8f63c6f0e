package io.flowport.picture;

/** The colours of a picture: Camunda Modeler's stroke colour on white. */
public enum Ink {
  NONE("none", -1),
  LINE("#22242a", 0x22242a),
  PAPER("#ffffff", 0xffffff);

  final String svg;
  final int rgb;

  Ink(String svg, int rgb) {
    this.svg = svg;
    this.rgb = rgb;
  }
}
