package io.flowport.asl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowport.bpmn.BpmnGenerator;
import io.flowport.catalog.Catalog;
import io.flowport.contract.Headers;
import io.flowport.convert.Conversion;
import io.flowport.diag.BadInputException;
import io.flowport.ir.StateGraph;
import io.flowport.ir.Step;
import io.flowport.report.Code;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** QueryLanguage JSONata: which states are JSONata, what their jobs carry, which fields need a job, what is refused. */
class JsonataConversionTest {

  static Conversion convert(String top, String states) {
    return new AslConverter(Catalog.builtIn()).convert(Path.of("jsonata.asl.json"),
        "{" + top + "\"StartAt\": \"A\", \"States\": {" + states + "}}");
  }

  static StateGraph graph(Conversion c) {
    return (StateGraph) c.workflow().body();
  }

  static final String JSONATA = "\"QueryLanguage\": \"JSONata\", ";

  @Test
  void everyStateOfAJsonataMachineCarriesQueryLanguageJsonataInItsJobs() {
    Conversion c = convert(JSONATA, "\"A\": {\"Type\": \"Pass\", \"Output\": {\"x\": \"{% $states.input.x %}\"}, \"Next\": \"M\"},"
        + "\"M\": {\"Type\": \"Map\", \"Items\": \"{% $states.input.list %}\", \"ItemProcessor\": {\"StartAt\": \"In\", \"States\": {"
        + "  \"In\": {\"Type\": \"Pass\", \"Output\": \"{% $states.input * 2 %}\", \"End\": true}}}, \"End\": true}");
    Step.Pass a = (Step.Pass) graph(c).step("A");
    assertThat(a.transform()).as("a Pass with Output has a data-flow job").isNotNull();
    assertThat(a.transform().headers().get(Headers.ASL_STATE)).contains("\"QueryLanguage\":\"JSONata\"");
    Step.Map m = (Step.Map) graph(c).step("M");
    assertThat(m.prepare().headers().get(Headers.ASL_STATE)).contains("\"QueryLanguage\":\"JSONata\"", "\"Items\"");
    Step.Pass in = (Step.Pass) m.iterator().step("In");
    assertThat(in.transform().headers().get(Headers.ASL_STATE)).as("nested states inherit the machine's language")
        .contains("\"QueryLanguage\":\"JSONata\"");
    assertThat(c.report().findings()).extracting(f -> f.code()).contains(Code.ASL_JSONATA, Code.ASL_JSONATA_PORT)
        .doesNotContain(Code.ASL_JSONATA_SEEDED_RANDOM);
  }

  @Test
  void aJsonPathMachineMarksOnlyItsJsonataStates() {
    Conversion c = convert("", "\"A\": {\"Type\": \"Pass\", \"Parameters\": {\"x.$\": \"$.x\"}, \"Next\": \"B\"},"
        + "\"B\": {\"Type\": \"Pass\", \"QueryLanguage\": \"JSONata\", \"Output\": \"{% $random(7) %}\", \"End\": true}");
    assertThat(((Step.Pass) graph(c).step("A")).transform().headers().get(Headers.ASL_STATE)).doesNotContain("QueryLanguage");
    assertThat(((Step.Pass) graph(c).step("B")).transform().headers().get(Headers.ASL_STATE)).contains("\"QueryLanguage\":\"JSONata\"");
    assertThat(c.report().findings()).filteredOn(f -> f.code() == Code.ASL_JSONATA).singleElement()
        .satisfies(f -> assertThat(f.text()).contains("[B]"));
    assertThat(c.report().findings()).filteredOn(f -> f.code() == Code.ASL_JSONATA_SEEDED_RANDOM).singleElement()
        .satisfies(f -> assertThat(f.element()).isEqualTo("B"));
  }

  @Test
  void expressionsInWaitFailAndTimeoutSecondsAreComputedByAJobLiteralsAreNot() {
    Conversion c = convert(JSONATA, "\"A\": {\"Type\": \"Wait\", \"Seconds\": 5, \"Next\": \"B\"},"
        + "\"B\": {\"Type\": \"Wait\", \"Seconds\": \"{% $states.input.n %}\", \"Next\": \"T\"},"
        + "\"T\": {\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::aws-sdk:emr:describeCluster\","
        + "  \"Arguments\": {\"ClusterId\": \"{% $states.input.id %}\"}, \"TimeoutSeconds\": \"{% $states.input.t %}\", \"Next\": \"F\"},"
        + "\"F\": {\"Type\": \"Fail\", \"Error\": \"{% $states.input.e %}\", \"Cause\": \"literal\"}");
    Step.Delay fixed = (Step.Delay) graph(c).step("A");
    assertThat(fixed.duration()).hasSeconds(5);
    assertThat(fixed.transform()).isNull();
    Step.Delay computed = (Step.Delay) graph(c).step("B");
    assertThat(computed.duration()).isNull();
    assertThat(computed.transform()).isNotNull();
    Step.Task t = (Step.Task) graph(c).step("T");
    assertThat(t.limits().timeoutFromInput()).isTrue();
    assertThat(t.limits().timeout()).isNull();
    assertThat(t.limits().read()).isNotNull();
    assertThat(((Step.Fail) graph(c).step("F")).transform()).isNotNull();
    String xml = new BpmnGenerator().toXml(c.workflow());
    assertThat(xml).contains("aslTimeout");
  }

  @Test
  void aStringThatIsNotWhollyOneExpressionIsALiteralAndIsNotParsed() {
    Conversion c = convert(JSONATA, "\"A\": {\"Type\": \"Pass\", \"Output\": {\"x\": \"a {% ( %} b\", \"y\": \" {% ( %}\"}, \"End\": true}");
    assertThat(graph(c).step("A")).isNotNull();
  }

  @Test
  void jsonataVariablesCountForTheNeverAssignedWarningButBoundNamesAndFunctionsDoNot() {
    Conversion c = convert(JSONATA, "\"A\": {\"Type\": \"Pass\", \"Assign\": {\"known\": 1}, \"Next\": \"B\"},"
        + "\"B\": {\"Type\": \"Pass\", \"Output\": \"{% ($f := function($v) { $v + $known }; $f($missing) & '$quoted' & $string(1)) %}\","
        + " \"End\": true}");
    assertThat(c.report().findings()).filteredOn(f -> f.code() == Code.ASL_VARIABLE_NEVER_ASSIGNED).singleElement()
        .satisfies(f -> assertThat(f.text()).contains("[$missing]"));
  }

  @Test
  void aJsonataCallbackPassesItsTokenWithStatesContextTaskToken() {
    String callback = "\"A\": {\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke.waitForTaskToken\","
        + " \"Arguments\": {\"Payload\": {\"t\": \"{% $states.context.Task.%s %}\"}}, \"End\": true}";
    assertThat(convert(JSONATA, callback.replace("%s", "Token")).report().findings()).extracting(f -> f.code())
        .doesNotContain(Code.ASL_TOKEN_NOT_PASSED);
    assertThat(convert(JSONATA, callback.replace("%s", "Other")).report().findings()).extracting(f -> f.code())
        .contains(Code.ASL_TOKEN_NOT_PASSED);
  }

  @Test
  void refusesJsonPathFieldsInJsonataStatesAndTheReverse() {
    assertThatThrownBy(() -> convert(JSONATA, "\"A\": {\"Type\": \"Pass\", \"Result\": 1, \"End\": true}"))
        .isInstanceOf(BadInputException.class).hasMessageContaining("Result is not allowed (JSONPath only)");
    assertThatThrownBy(() -> convert(JSONATA, "\"A\": {\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::aws-sdk:emr:describeCluster\","
        + " \"TimeoutSecondsPath\": \"$.t\", \"End\": true}"))
        .isInstanceOf(BadInputException.class).hasMessageContaining("TimeoutSecondsPath is not allowed");
    assertThatThrownBy(() -> convert("", "\"A\": {\"Type\": \"Map\", \"Items\": [1], \"ItemProcessor\": {\"StartAt\": \"In\","
        + " \"States\": {\"In\": {\"Type\": \"Pass\", \"End\": true}}}, \"End\": true}"))
        .isInstanceOf(BadInputException.class).hasMessageContaining("Items is not allowed (JSONata only)");
    assertThatThrownBy(() -> convert(JSONATA, "\"A\": {\"Type\": \"Pass\", \"Output\": [\"{% 1 + %}\"], \"End\": true}"))
        .isInstanceOf(BadInputException.class).hasMessageContaining("/States/A/Output/0").hasMessageContaining("is not valid");
  }
}
