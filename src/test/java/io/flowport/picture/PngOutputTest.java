package io.flowport.picture;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.dc.Bounds;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The PNG writer: a real PNG, of the diagram's size times the scale, with the shapes where the DI has them. */
class PngOutputTest {

  static final Path FILE = Path.of("bpmn/emr_job_fixed.bpmn");

  @Test
  void decodesToAnImageOfTheDiagramBoundsTimesTheScale() throws IOException {
    BpmnModelInstance model = Bpmn.readModelFromFile(FILE.toFile());
    double[] di = DiExtent.union(model);

    BufferedImage img = ImageIO.read(new ByteArrayInputStream(PngWriter.png(Pictures.read(FILE), 1.5)));

    assertThat(img).as("ImageIO decodes it").isNotNull();
    assertThat(img.getWidth()).isEqualTo((int) Math.ceil((di[2] + 2 * Picture.MARGIN) * 1.5));
    assertThat(img.getHeight()).isEqualTo((int) Math.ceil((di[3] + 2 * Picture.MARGIN) * 1.5));
  }

  @Test
  void shapesAreDrawnWhereTheDiPutsThemOnWhite() throws IOException {
    BpmnModelInstance model = Bpmn.readModelFromFile(FILE.toFile());
    double[] di = DiExtent.union(model);
    double x0 = di[0] - Picture.MARGIN;
    double y0 = di[1] - Picture.MARGIN;
    double scale = 2;
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(PngWriter.png(Pictures.read(FILE), scale)));

    assertThat(img.getRGB(0, 0) & 0xffffff).as("background").isEqualTo(0xffffff);
    for (String id : new String[] {"start", "succeeded", "failed"}) {
      Bounds b = ((BpmnShape) model.getModelElementById(id + "_di")).getBounds();
      // The event's circle crosses its left edge at mid-height; its centre is empty.
      int edgeX = (int) Math.round((b.getX() - x0) * scale);
      int midY = (int) Math.round((b.getY() + b.getHeight() / 2 - y0) * scale);
      int centreX = (int) Math.round((b.getX() + b.getWidth() / 2 - x0) * scale);
      assertThat(dark(img, edgeX, midY)).as(id + " outline").isTrue();
      assertThat(dark(img, centreX, midY)).as(id + " inside").isFalse();
    }
  }

  @Test
  void aVeryLargeDiagramIsDrawnSmallerToFit() {
    Picture huge = new Picture(0, 0, 100_000, 400, java.util.List.of());
    double s = PngWriter.fit(huge, 1.5);

    assertThat(huge.width() * s).isLessThanOrEqualTo(PngWriter.MAX_SIDE);
    assertThat(PngWriter.fit(new Picture(0, 0, 1000, 400, java.util.List.of()), 1.5)).isEqualTo(1.5);
  }

  /** Darker than mid-grey within a pixel of the point (antialiasing spreads a 2px line). */
  private static boolean dark(BufferedImage img, int x, int y) {
    for (int dx = -1; dx <= 1; dx++) {
      int rgb = img.getRGB(x + dx, y);
      if (((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3 < 128) {
        return true;
      }
    }
    return false;
  }
}
