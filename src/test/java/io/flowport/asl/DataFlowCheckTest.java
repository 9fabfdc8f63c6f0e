package io.flowport.asl;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.catalog.Catalog;
import io.flowport.report.Code;
import io.flowport.report.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The data-flow check warns (FP102) only where a path certainly finds nothing. */
class DataFlowCheckTest {

  static List<Finding> pathWarnings(String machine) {
    return new AslConverter(Catalog.builtIn()).convert(Path.of("machine.asl.json"), machine).report().findings().stream()
        .filter(f -> f.code() == Code.ASL_PATH_NEVER_SET).toList();
  }

  /** A Pass state whose Result is {"status": "ok"}, then a Choice on {@code variable}. */
  static String choiceAfterPass(String variable) {
    return """
        {
          "StartAt": "Seed",
          "States": {
            "Seed": {"Type": "Pass", "Result": {"status": "ok"}, "Next": "Check"},
            "Check": {
              "Type": "Choice",
              "Choices": [{"Variable": "%s", "StringEquals": "ok", "Next": "Done"}],
              "Default": "Done"
            },
            "Done": {"Type": "Succeed"}
          }
        }
        """.formatted(variable);
  }

  @Test
  void fixedMachineGetsNoWarning() throws IOException {
    assertThat(ReferenceMachineTest.convert(ReferenceMachineTest.FIXED).report().findings())
        .extracting(Finding::code).doesNotContain(Code.ASL_PATH_NEVER_SET);
  }

  @Test
  void originalMachineReadsAClusterIdThatIsNeverThere() throws IOException {
    List<Finding> warnings = ReferenceMachineTest.convert(ReferenceMachineTest.ORIGINAL).report().findings().stream()
        .filter(f -> f.code() == Code.ASL_PATH_NEVER_SET).toList();

    assertThat(warnings).singleElement().satisfies(f -> {
      assertThat(f.element()).isEqualTo("WaitForEMRJobCompletion");
      assertThat(f.location().pointer()).isEqualTo("/States/WaitForEMRJobCompletion/Parameters/ClusterId.$");
      assertThat(f.text()).contains("reads $.CreateClusterClusterId", "[ClusterId, ClusterStatus]");
      assertThat(f.fix()).isEqualTo("use $.ClusterId");
    });
  }

  @Test
  void choiceVariableThatIsCertainlyMissingIsWarned() {
    assertThat(pathWarnings(choiceAfterPass("$.state"))).singleElement().satisfies(f -> {
      assertThat(f.element()).isEqualTo("Check");
      assertThat(f.location().pointer()).isEqualTo("/States/Check/Choices/0/Variable");
      assertThat(f.location().line()).isEqualTo(7);
      assertThat(f.text()).startsWith("Variable reads $.state, but 'state' is never there").contains("[status]");
    });
  }

  @Test
  void choiceVariableThatIsThereIsNotWarned() {
    assertThat(pathWarnings(choiceAfterPass("$.status"))).isEmpty();
  }

  @Test
  void choiceOnTheUnknownExecutionInputIsNotWarned() {
    String machine = """
        {
          "StartAt": "Check",
          "States": {
            "Check": {
              "Type": "Choice",
              "Choices": [{"Variable": "$.anything", "StringEquals": "ok", "Next": "Done"}],
              "Default": "Done"
            },
            "Done": {"Type": "Succeed"}
          }
        }
        """;
    assertThat(pathWarnings(machine)).isEmpty();
  }

  @Test
  void missingVariableInsideNotIsWarnedToo() {
    String machine = choiceAfterPass("$.status").replace(
        "{\"Variable\": \"$.status\", \"StringEquals\": \"ok\", \"Next\": \"Done\"}",
        "{\"Not\": {\"Variable\": \"$.state\", \"StringEquals\": \"ok\"}, \"Next\": \"Done\"}");

    assertThat(pathWarnings(machine)).singleElement()
        .satisfies(f -> assertThat(f.location().pointer()).isEqualTo("/States/Check/Choices/0/Not/Variable"));
  }
}
