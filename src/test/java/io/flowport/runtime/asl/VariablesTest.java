package io.flowport.runtime.asl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Workflow variables in JSONPath: $name paths everywhere a path goes, Assign's evaluation, its limits. */
class VariablesTest {

  static final ObjectMapper JSON = new ObjectMapper();
  final DataFlow flow = DataFlow.standard();

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  static ContextObject vars(String variables) {
    return new ContextObject(json("{'Execution': {'Name': 'run-1'}}"), json(variables));
  }

  @Test
  void aPathStartingWithANameReadsThatVariableAndGoesOnInsideIt() {
    ContextObject ctx = vars("{'cluster': {'ids': ['j-1', 'j-2']}, 'n': 3}");
    JsonNode out = flow.payload(json("{'first.$': '$cluster.ids[0]', 'all.$': '$cluster', 'n.$': 'States.MathAdd($n, 1)',"
        + " 'name.$': '$$.Execution.Name', 'in.$': '$.x'}"), json("{'x': 7}"), ctx);
    assertThat(out).isEqualTo(json("{'first': 'j-1', 'all': {'ids': ['j-1', 'j-2']}, 'n': 4, 'name': 'run-1', 'in': 7}"));
  }

  @Test
  void allValuesOfOneAssignReadTheVariablesFromBeforeTheState() {
    JsonNode after = flow.assign(json("{'x.$': '$y', 'y.$': '$x', 'z.$': '$.z'}"), json("{'z': true}"), vars("{'x': 1, 'y': 2, 'keep': 0}"), "S");
    assertThat(after).isEqualTo(json("{'x': 2, 'y': 1, 'keep': 0, 'z': true}"));
  }

  @Test
  void noAssignChangesNothing() {
    assertThat(flow.assign(null, json("{}"), vars("{'x': 1}"), "S")).isNull();
  }

  @Test
  void anUndefinedVariableFailsWithStatesRuntimeNamingThePathAndTheField() {
    assertThatThrownBy(() -> flow.payload(json("{'a.$': '$nope.b'}"), json("{}"), vars("{}")))
        .isInstanceOfSatisfying(AslRuntimeException.class, e -> {
          assertThat(e.error()).isEqualTo("States.Runtime");
          assertThat(e.cause()).contains("'$nope.b'", "'a.$'", "'nope'");
        });
  }

  @Test
  void aChoiceRuleComparesVariablesAndBringsItsOwnAssign() {
    JsonNode choice = json("{'Choices': [{'Variable': '$guess', 'StringEqualsPath': '$answer', 'Assign': {'r': 'yes'}, 'Next': 'Ok'},"
        + " {'Variable': '$missing', 'IsPresent': true, 'Next': 'Never'}], 'Default': 'No', 'Assign': {'r': 'no'}}");
    Choices.Decision hit = Choices.decide(choice, json("{}"), vars("{'guess': 'a', 'answer': 'a'}"));
    assertThat(hit.next()).isEqualTo("Ok");
    assertThat(hit.assign()).isEqualTo(json("{'r': 'yes'}"));
    Choices.Decision miss = Choices.decide(choice, json("{}"), vars("{'guess': 'a', 'answer': 'b'}"));
    assertThat(miss.next()).isEqualTo("No");
    assertThat(miss.assign()).isEqualTo(json("{'r': 'no'}"));
  }

  @Test
  void referencePathsAcceptAVariableButResultPathDoesNotWriteOne() {
    JsonPaths.validate("$limits.timeout", true);
    assertThatThrownBy(() -> flow.stateOutput(json("{}"), json("1"), "$count", false, null))
        .isInstanceOfSatisfying(AslRuntimeException.class, e -> assertThat(e.cause()).contains("variable"));
  }

  @Test
  void outputPathReadsTheVariablesTheStateFound() {
    assertThat(flow.stateOutput(json("{}"), json("{}"), null, true, "$answer", false, vars("{'answer': 42}"))).isEqualTo(json("42"));
  }

  @Test
  void moreThan256KiBAssignedByOneStateIsADataLimitError() {
    String big = "x".repeat(Variables.MAX_STATE_BYTES);
    assertThatThrownBy(() -> flow.assign(json("{'big.$': '$.s'}"), JSON.createObjectNode().put("s", big), vars("{}"), "Keep"))
        .isInstanceOfSatisfying(AslRuntimeException.class, e -> {
          assertThat(e.error()).isEqualTo("States.DataLimitExceeded");
          assertThat(e.cause()).contains("'Keep'");
        });
    String half = "y".repeat(Variables.MAX_STATE_BYTES / 2);
    assertThat(flow.assign(json("{'ok.$': '$.s'}"), JSON.createObjectNode().put("s", half), vars("{}"), "Keep").get("ok").asText())
        .hasSize(half.length());
  }
}
