package io.flowport.asl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowport.bpmn.BpmnGenerator;
import io.flowport.catalog.Catalog;
import io.flowport.contract.Vars;
import io.flowport.convert.Conversion;
import io.flowport.diag.BadInputException;
import io.flowport.ir.StateGraph;
import io.flowport.ir.Step;
import io.flowport.report.Code;
import io.flowport.report.Finding;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Assign (workflow variables, JSONPath): where it is taken, what the IR and the BPMN carry, what is refused. */
class AssignConversionTest {

  static Conversion convert(String states) {
    return new AslConverter(Catalog.builtIn()).convert(Path.of("vars.asl.json"), "{\"StartAt\": \"A\", \"States\": {" + states + "}}");
  }

  static StateGraph graph(Conversion c) {
    return (StateGraph) c.workflow().body();
  }

  static final String MAP = "\"A\": {\"Type\": \"Pass\", \"Assign\": {\"bias\": 1}, \"Next\": \"M\"},"
      + "\"M\": {\"Type\": \"Map\", \"ItemProcessor\": {\"StartAt\": \"In\", \"States\": {"
      + "  \"In\": {\"Type\": \"Pass\", \"Assign\": {\"mine.$\": \"$\"}, \"Next\": \"Plain\"},"
      + "  \"Plain\": {\"Type\": \"Pass\", \"Parameters\": {\"b.$\": \"$bias\"}, \"End\": true}}},"
      + " \"Assign\": {\"n.$\": \"States.ArrayLength($)\"}, \"Next\": \"P\"},"
      + "\"P\": {\"Type\": \"Parallel\", \"Branches\": [{\"StartAt\": \"Quiet\", \"States\": {\"Quiet\": {\"Type\": \"Pass\", \"End\": true}}}],"
      + " \"End\": true}";

  @Test
  void eachScopeCarriesTheNamesItsOwnStatesAssign() {
    Conversion c = convert(MAP);
    StateGraph main = graph(c);
    assertThat(main.variables()).containsExactly("bias", "n");
    assertThat(((Step.Map) main.step("M")).iterator().variables()).containsExactly("mine");
    assertThat(((Step.Parallel) main.step("P")).branches().get(0).variables()).isEmpty();
    assertThat(c.report().findings()).filteredOn(f -> f.code() == Code.ASL_VARIABLES).singleElement()
        .satisfies(f -> assertThat(f.text()).contains("[bias, mine, n]", Vars.ASL_VARS));
  }

  @Test
  void anIterationThatAssignsCopiesTheOuterVariablesAndABranchThatDoesNotLeavesThemAlone() {
    String xml = new BpmnGenerator().toXml(convert(MAP).workflow());
    assertThat(inputsOf(xml, "M_iteration")).contains("source=\"=aslVars\" target=\"aslVars\"");
    assertThat(inputsOf(xml, "P_branch_1")).doesNotContain("aslVars");
  }

  /** The zeebe:ioMapping of the element with that id suffix. */
  private static String inputsOf(String xml, String idSuffix) {
    Matcher m = Pattern.compile("id=\"[^\"]*" + idSuffix + "\"[^>]*>(.*?)</extensionElements>", Pattern.DOTALL).matcher(xml);
    assertThat(m.find()).as("element *" + idSuffix + " in\n" + xml).isTrue();
    return m.group(1);
  }

  @Test
  void aPassOrWaitThatOnlyAssignsStillRunsAJob() {
    StateGraph g = graph(convert("\"A\": {\"Type\": \"Pass\", \"Assign\": {\"x\": 1}, \"Next\": \"W\"},"
        + "\"W\": {\"Type\": \"Wait\", \"Seconds\": 1, \"Assign\": {\"y\": 2}, \"End\": true}"));
    assertThat(((Step.Pass) g.step("A")).transform()).as("Pass with Assign only").isNotNull();
    assertThat(((Step.Delay) g.step("W")).transform()).as("Wait Seconds with Assign").isNotNull();
  }

  @Test
  void assignNextToResultSelectorIsReportedForReview() {
    Conversion c = convert("\"A\": {\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::aws-sdk:emr:describeCluster\","
        + " \"Parameters\": {\"ClusterId\": \"j-1\"}, \"ResultSelector\": {\"s.$\": \"$.Cluster.Status.State\"},"
        + " \"Assign\": {\"s.$\": \"$.Cluster.Status.State\"}, \"End\": true}");
    assertThat(c.report().findings()).extracting(Finding::code).contains(Code.ASL_ASSIGN_RAW_RESULT, Code.ASL_VARIABLES);
  }

  @Test
  void choiceRulesAndCatchersAssignToo() {
    Conversion c = convert("\"A\": {\"Type\": \"Choice\", \"Choices\": [{\"Variable\": \"$.n\", \"IsPresent\": true,"
        + " \"Assign\": {\"seen\": true}, \"Next\": \"T\"}], \"Default\": \"T\", \"Assign\": {\"seen\": false}},"
        + "\"T\": {\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::aws-sdk:emr:describeCluster\", \"Parameters\": {\"ClusterId.$\": \"$id\"},"
        + " \"Catch\": [{\"ErrorEquals\": [\"States.ALL\"], \"Assign\": {\"failed.$\": \"$.Error\"}, \"Next\": \"Done\"}], \"End\": true},"
        + "\"Done\": {\"Type\": \"Succeed\"}");
    assertThat(graph(c).variables()).containsExactly("failed", "seen");
  }

  @Test
  void anInnerStateMayNotAssignAnOuterName() {
    assertThatThrownBy(() -> convert("\"A\": {\"Type\": \"Pass\", \"Assign\": {\"x\": 1}, \"Next\": \"P\"},"
        + "\"P\": {\"Type\": \"Parallel\", \"Branches\": [{\"StartAt\": \"B\", \"States\": {"
        + "\"B\": {\"Type\": \"Pass\", \"Assign\": {\"x\": 2}, \"End\": true}}}], \"End\": true}"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("/States/P/Branches/0/States/B/Assign/x")
        .hasMessageContaining("state 'B' assigns the variable 'x', which a state outside its Parallel branch assigns");
  }

  @Test
  void siblingBranchesMayUseTheSameInnerName() {
    Conversion c = convert("\"P\": {\"Type\": \"Parallel\", \"Branches\": ["
        + "{\"StartAt\": \"B1\", \"States\": {\"B1\": {\"Type\": \"Pass\", \"Assign\": {\"v\": 1}, \"End\": true}}},"
        + "{\"StartAt\": \"B2\", \"States\": {\"B2\": {\"Type\": \"Pass\", \"Assign\": {\"v\": 2}, \"End\": true}}}], \"End\": true},"
        + "\"A\": {\"Type\": \"Pass\", \"Next\": \"P\"}");
    assertThat(((Step.Parallel) graph(c).step("P")).branches()).allSatisfy(b -> assertThat(b.variables()).containsExactly("v"));
  }

  @Test
  void resultPathIntoAVariableIsRefused() {
    assertThatThrownBy(() -> convert("\"A\": {\"Type\": \"Pass\", \"Result\": 1, \"ResultPath\": \"$count\", \"End\": true}"))
        .isInstanceOf(BadInputException.class).hasMessageContaining("/States/A/ResultPath");
  }

  @Test
  void aPathIntoAVariableNoStateAssignsIsAWarning() {
    Conversion c = convert("\"A\": {\"Type\": \"Pass\", \"Assign\": {\"known\": 1}, \"Result\": {\"literal.$\": \"$notAPath\"}, \"Next\": \"B\"},"
        + "\"B\": {\"Type\": \"Pass\", \"Parameters\": {\"a.$\": \"$known\", \"b.$\": \"States.Format('{} $quoted', $typo)\"},"
        + " \"OutputPath\": \"$other.x\", \"End\": true}");
    assertThat(c.report().findings()).filteredOn(f -> f.code() == Code.ASL_VARIABLE_NEVER_ASSIGNED).singleElement()
        .satisfies(f -> {
          assertThat(f.element()).isEqualTo("B");
          assertThat(f.text()).contains("[$other, $typo]").doesNotContain("$known", "$quoted", "$notAPath");
        });
  }

  @Test
  void anInnerStateReadsOuterVariablesWithoutAWarning() {
    assertThat(convert(MAP).report().findings()).extracting(Finding::code).doesNotContain(Code.ASL_VARIABLE_NEVER_ASSIGNED);
  }
}
