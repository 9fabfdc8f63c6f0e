package io.flowport.picture;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.dc.Bounds;
import io.flowport.bpmn.LabelText;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;

/**
 * Names longer than their shape wrap, with the layout's own text measure ({@link LabelText}: Arial's
 * widths), into lines that each fit inside the shape's padding; in the PNG too, whatever the font.
 */
class NameWrapTest {

  static final String LONG = "Create the EMR cluster for the nightly aggregation of clickstream events and wait";
  static final String ONE_WORD = "Supercalifragilisticexpialidocious_cluster_bootstrap";

  static BpmnModelInstance model(String taskName, String eventName) {
    return Bpmn.createExecutableProcess("wrap").startEvent("start").name(eventName)
        .serviceTask("task", t -> t.zeebeJobType("work")).name(taskName).endEvent("end").done();
  }

  @ParameterizedTest
  @ValueSource(strings = {LONG, ONE_WORD})
  void aLongTaskNameWrapsToLinesThatFitTheTask(String name) {
    BpmnModelInstance model = model(name, "Start");
    Bounds task = shape(model, "task").getBounds();
    Element g = SvgDocument.parse(SvgWriter.svg(Pictures.of(model, null))).group("task");

    List<String> lines = SvgDocument.lines(g);
    Mark.Text text = text(Pictures.of(model, null), "task");
    assertThat(lines).as("wrapped").hasSizeGreaterThan(1);
    for (String line : lines) {
      assertThat(LabelText.width(line, text.size())).as(line).isLessThanOrEqualTo(task.getWidth() - 2 * Labels.PADDING);
    }
    assertThat(String.join("", lines).replace(" ", "")).as("no text lost").isEqualTo(name.replace(" ", ""));
    double top = text.baseline() - 0.75 * text.lineHeight();
    assertThat(top).isGreaterThanOrEqualTo(task.getY());
    assertThat(top + lines.size() * text.lineHeight()).isLessThanOrEqualTo(task.getY() + task.getHeight());
  }

  @Test
  void aNameThatFitsKeepsModelersSizeAndOneTooTallForTheTaskGetsASmallerOne() {
    assertThat(text(Pictures.of(model("Wait for EMR job completion", "Start"), null), "task").size())
        .isEqualTo(LabelText.EMBEDDED_SIZE);
    // Six lines at 12px would be taller than the task: bpmn-js lets them run over its border.
    assertThat(LabelText.lines(LONG, 90, LabelText.EMBEDDED_SIZE)).hasSize(6);
    assertThat(text(Pictures.of(model(LONG, "Start"), null), "task").size()).isLessThan(LabelText.EMBEDDED_SIZE);
  }

  @Test
  void anEventNameWithoutLabelBoundsWrapsAtModelersWidth() {
    String name = "Wait for the cluster to reach the WAITING state";
    BpmnModelInstance model = model("Work", name);

    Mark.Text text = text(Pictures.of(model, null), "start");

    assertThat(text.lines()).hasSizeGreaterThan(1);
    assertThat(text.size()).isEqualTo(LabelText.EXTERNAL_SIZE);
    for (Mark.Line l : text.lines()) {
      assertThat(LabelText.width(l.text(), LabelText.EXTERNAL_SIZE)).isLessThanOrEqualTo(LabelText.MAX_WIDTH);
    }
  }

  @Test
  void inThePngTheNameStaysInsideTheTasksPaddingWhateverTheFont() {
    BpmnModelInstance model = model(LONG, "Start");
    Picture all = Pictures.of(model, null);
    Figure task = all.figures().stream().filter(f -> f.id().equals("task")).findFirst().orElseThrow();
    Picture alone = new Picture(all.x(), all.y(), all.width(), all.height(), List.of(task));
    Bounds b = shape(model, "task").getBounds();
    double scale = 2;

    BufferedImage img = PngWriter.image(alone, scale);

    // Between the border (2px) and the text's 5px padding, on both sides, nothing is drawn.
    for (double y = b.getY() + 12; y < b.getY() + b.getHeight() - 12; y += 0.5) {
      for (double x : new double[] {b.getX() + 2.5, b.getX() + 3.5, b.getX() + b.getWidth() - 3.5, b.getX() + b.getWidth() - 2.5}) {
        int px = (int) Math.round((x - all.x()) * scale);
        int py = (int) Math.round((y - all.y()) * scale);
        int rgb = img.getRGB(px, py);
        int grey = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
        assertThat(grey).as("pixel at %s,%s", x, y).isGreaterThan(200);
      }
    }
  }

  static BpmnShape shape(BpmnModelInstance model, String id) {
    return model.getModelElementsByType(BpmnShape.class).stream()
        .filter(s -> s.getBpmnElement().getId().equals(id)).findFirst().orElseThrow();
  }

  static Mark.Text text(Picture p, String id) {
    return p.figures().stream().filter(f -> f.id().equals(id)).flatMap(f -> f.marks().stream())
        .filter(Mark.Text.class::isInstance).map(Mark.Text.class::cast).findFirst().orElseThrow();
  }
}
