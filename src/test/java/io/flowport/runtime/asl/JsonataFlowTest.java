package io.flowport.runtime.asl;

import static io.flowport.runtime.asl.JsonataTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The defaults of JSONata states (AWS developer guide, "Transforming data with JSONata"; the CDK's
 * JSONata options: Output defaults to $states.result or $states.errorOutput, Arguments to none) and
 * the Choice and Map rules LocalStack recorded against AWS.
 */
class JsonataFlowTest {

  static final ContextObject CTX = new ContextObject(json("{\"State\": {\"Name\": \"S\"}}"), json("{\"v\": 7}"));

  @Test
  void withoutOutputATaskGivesItsResultAPassItsInputACatcherTheErrorOutput() {
    assertThat(JsonataFlow.output(json("{\"Type\": \"Task\"}"), json("{\"in\": 1}"), json("{\"r\": 2}"), CTX)).isEqualTo(json("{\"r\": 2}"));
    assertThat(JsonataFlow.output(json("{\"Type\": \"Pass\"}"), json("{\"in\": 1}"), null, CTX)).isEqualTo(json("{\"in\": 1}"));
    assertThat(JsonataFlow.catchOutput(json("{\"Next\": \"X\"}"), json("{\"in\": 1}"), json("{\"Error\": \"E\", \"Cause\": \"C\"}"), CTX))
        .isEqualTo(json("{\"Error\": \"E\", \"Cause\": \"C\"}"));
    assertThat(JsonataFlow.catchOutput(json("{\"Output\": \"{% $states.input.in & $states.errorOutput.Error & $v %}\"}"),
        json("{\"in\": 1}"), json("{\"Error\": \"E\"}"), CTX)).isEqualTo(json("\"1E7\""));
  }

  @Test
  void withoutArgumentsATaskGetsNothingAndParallelBranchesGetTheInput() {
    assertThat(JsonataFlow.arguments(json("{\"Type\": \"Task\"}"), json("{\"in\": 1}"), CTX)).isEqualTo(json("{}"));
    assertThat(JsonataFlow.arguments(json("{\"Type\": \"Parallel\"}"), json("{\"in\": 1}"), CTX)).isEqualTo(json("{\"in\": 1}"));
  }

  @Test
  void aChoiceTakesTheMatchingRulesOutputAndAssignOrTheStatesForDefault() {
    String state = "{\"Type\": \"Choice\", \"Choices\": [{\"Condition\": \"{% $states.input.n > $v %}\", \"Next\": \"Big\","
        + " \"Output\": \"big\", \"Assign\": {\"a\": 1}}, {\"Condition\": false, \"Next\": \"Never\"}],"
        + " \"Default\": \"Small\", \"Output\": \"small\", \"Assign\": {\"a\": 2}}";
    JsonataFlow.Decision big = JsonataFlow.choose(json(state), json("{\"n\": 8}"), CTX);
    assertThat(big.next()).isEqualTo("Big");
    assertThat(big.output()).isEqualTo(json("\"big\""));
    assertThat(big.assign()).isEqualTo(json("{\"a\": 1}"));
    JsonataFlow.Decision small = JsonataFlow.choose(json(state), json("{\"n\": 7}"), CTX);
    assertThat(small.next()).isEqualTo("Small");
    assertThat(small.output()).isEqualTo(json("\"small\""));
    assertThat(small.assign()).isEqualTo(json("{\"a\": 2}"));
    assertThatThrownBy(() -> JsonataFlow.choose(json("{\"Choices\": [{\"Condition\": \"{% $states.input.n %}\", \"Next\": \"X\"}]}"),
        json("{\"n\": 1}"), CTX)).isInstanceOfSatisfying(AslRuntimeException.class, e -> {
          assertThat(e.error()).isEqualTo("States.QueryEvaluationError");
          assertThat(e.cause()).isEqualTo("The JSONata expression '$states.input.n' specified for the field 'Condition' returned an"
              + " unexpected result type. Expected 'boolean', but was 'number' for value: 1");
        });
  }

  @Test
  void aMapWithoutItemsIteratesItsInputWhichMustBeAnArray() {
    assertThat(JsonataFlow.items(json("{\"Type\": \"Map\"}"), json("[1, 2]"), CTX)).isEqualTo(json("[1, 2]"));
    assertThatThrownBy(() -> JsonataFlow.items(json("{\"Type\": \"Map\"}"), json("{\"foo\": \"bar\"}"), CTX))
        .isInstanceOfSatisfying(AslRuntimeException.class,
            e -> assertThat(e.cause()).isEqualTo("Map state input must be an array but was: {\"foo\":\"bar\"}"));
    assertThat(JsonataFlow.items(json("{\"Items\": [\"a\", \"b\"], \"ItemSelector\": {\"i\": \"{% $states.context.Map.Item.Index %}\","
        + " \"v\": \"{% $states.context.Map.Item.Value %}\", \"in\": \"{% $states.input.k %}\"}}"), json("{\"k\": 0}"), CTX))
        .isEqualTo(json("[{\"i\": 0, \"v\": \"a\", \"in\": 0}, {\"i\": 1, \"v\": \"b\", \"in\": 0}]"));
  }

  @Test
  void assignReadsTheVariablesTheStateFoundAndKeepsTheOthers() {
    var after = JsonataFlow.assign(json("{\"v\": \"{% $v + 1 %}\", \"w\": \"{% $v %}\"}"), Jsonata.States.of(json("{}"), CTX), "S");
    assertThat(after).isEqualTo(json("{\"v\": 8, \"w\": 7}"));
  }
}
