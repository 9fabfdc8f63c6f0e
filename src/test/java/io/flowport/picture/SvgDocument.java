package io.flowport.picture;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** An SVG parsed as XML (so a malformed one fails), with what the tests ask of it. */
record SvgDocument(Document doc) {

  static SvgDocument parse(String svg) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      return new SvgDocument(f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))));
    } catch (Exception e) {
      throw new AssertionError("not well-formed SVG: " + e.getMessage(), e);
    }
  }

  /** x, y, width, height. */
  double[] viewBox() {
    return Arrays.stream(doc.getDocumentElement().getAttribute("viewBox").split(" ")).mapToDouble(Double::parseDouble).toArray();
  }

  /** The {@code <g>} of each element, in document order. */
  List<Element> groups() {
    List<Element> out = new ArrayList<>();
    NodeList gs = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
    for (int i = 0; i < gs.getLength(); i++) {
      out.add((Element) gs.item(i));
    }
    return out;
  }

  List<String> ids() {
    return groups().stream().map(g -> g.getAttribute("id")).toList();
  }

  Element group(String id) {
    return groups().stream().filter(g -> g.getAttribute("id").equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no <g id=\"" + id + "\">"));
  }

  /** The text of each {@code <tspan>} in the element. */
  static List<String> lines(Element g) {
    List<String> out = new ArrayList<>();
    NodeList spans = g.getElementsByTagNameNS("http://www.w3.org/2000/svg", "tspan");
    for (int i = 0; i < spans.getLength(); i++) {
      out.add(spans.item(i).getTextContent());
    }
    return out;
  }
}
