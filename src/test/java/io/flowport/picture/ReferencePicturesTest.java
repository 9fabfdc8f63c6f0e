package io.flowport.picture;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

/** The pictures of the reference diagrams in {@code bpmn/}: complete, framed, and the same every time. */
class ReferencePicturesTest {

  static Stream<Path> references() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      List<Path> all = files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
      assertThat(all).isNotEmpty();
      return all.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("references")
  void everyFlowNodeAndSequenceFlowIsDrawnUnderItsId(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    SvgDocument svg = SvgDocument.parse(SvgWriter.svg(Pictures.read(file)));

    List<String> ids = svg.ids();
    assertThat(ids).doesNotHaveDuplicates();
    for (FlowNode n : model.getModelElementsByType(FlowNode.class)) {
      assertThat(ids).as("flow node " + n.getId()).contains(n.getId());
      assertThat(svg.group(n.getId()).getElementsByTagName("*").getLength()).as("marks of " + n.getId()).isPositive();
    }
    for (SequenceFlow f : model.getModelElementsByType(SequenceFlow.class)) {
      assertThat(ids).as("sequence flow " + f.getId()).contains(f.getId());
      Element g = svg.group(f.getId());
      // The line and its arrowhead.
      assertThat(g.getElementsByTagName("path").getLength()).as("paths of " + f.getId()).isGreaterThanOrEqualTo(2);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("references")
  void namesAreTheElementsNames(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    SvgDocument svg = SvgDocument.parse(SvgWriter.svg(Pictures.read(file)));

    for (FlowNode n : model.getModelElementsByType(FlowNode.class)) {
      String drawn = String.join(" ", SvgDocument.lines(svg.group(n.getId())));
      assertThat(drawn).as("name of " + n.getId()).isEqualTo(n.getName() == null ? "" : n.getName());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("references")
  void everyShapeFlowAndLabelIsInsideTheViewBoxWithAMargin(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    SvgDocument svg = SvgDocument.parse(SvgWriter.svg(Pictures.read(file)));
    double[] v = svg.viewBox();

    for (double[] b : DiExtent.boxes(model)) {
      assertThat(b[0]).isGreaterThanOrEqualTo(v[0] + Picture.MARGIN);
      assertThat(b[1]).isGreaterThanOrEqualTo(v[1] + Picture.MARGIN);
      assertThat(b[0] + b[2]).isLessThanOrEqualTo(v[0] + v[2] - Picture.MARGIN);
      assertThat(b[1] + b[3]).isLessThanOrEqualTo(v[1] + v[3] - Picture.MARGIN);
    }
    // And no more than the diagram: the frame is the DI's extent plus the margin.
    double[] di = DiExtent.union(model);
    assertThat(v).containsExactly(di[0] - Picture.MARGIN, di[1] - Picture.MARGIN, di[2] + 2 * Picture.MARGIN,
        di[3] + 2 * Picture.MARGIN);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("references")
  void renderingTwiceGivesTheSameBytes(Path file) {
    assertThat(SvgWriter.svg(Pictures.read(file))).isEqualTo(SvgWriter.svg(Pictures.read(file)));
    assertThat(PngWriter.png(Pictures.read(file), PngWriter.SCALE)).isEqualTo(PngWriter.png(Pictures.read(file), PngWriter.SCALE));
  }
}
