package io.flowport.picture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowport.diag.BadInputException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A BPMN without (complete) DI has no picture: one clear line, never an empty or partial image. */
class NoDiagramTest {

  static final Path DIR = Path.of("src/test/resources/picture");

  @Test
  void aHandWrittenBpmnWithoutDiIsRefusedInOneLine() {
    assertThatThrownBy(() -> Pictures.read(DIR.resolve("no-di.bpmn")))
        .isInstanceOf(BadInputException.class)
        .hasMessage(DIR.resolve("no-di.bpmn") + ": nothing to draw: the BPMN has no diagram layout (BPMN DI);"
            + " open and save it in Camunda Modeler to add one");
  }

  @Test
  void aDiagramThatLeavesElementsOutIsRefusedNamingTheFirst() {
    assertThatThrownBy(() -> Pictures.read(DIR.resolve("partial-di.bpmn")))
        .isInstanceOf(BadInputException.class)
        .hasMessage(DIR.resolve("partial-di.bpmn") + ": cannot draw the diagram: 2 of 5 flow nodes and sequence flows"
            + " have no shape or edge in the BPMN DI (first: 'end')");
  }

  @Test
  void aFileThatIsNotBpmnIsRefusedInOneLine() {
    assertThatThrownBy(() -> Pictures.read(DIR.resolve("not-bpmn.bpmn")))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(DIR.resolve("not-bpmn.bpmn") + ": not a BPMN file: ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void aMissingFileIsRefusedInOneLine() {
    assertThatThrownBy(() -> Pictures.read(DIR.resolve("nope.bpmn")))
        .isInstanceOf(BadInputException.class).hasMessage(DIR.resolve("nope.bpmn") + ": no such file");
  }
}
