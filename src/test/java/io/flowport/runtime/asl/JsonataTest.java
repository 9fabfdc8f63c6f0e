package io.flowport.runtime.asl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The JSONata evaluator with Step Functions' bindings. The expected values are JSONata's documented
 * semantics (docs.jsonata.org) and Step Functions' functions as AWS documents them; the cases are the
 * rows of the JSONata/FEEL table in docs/architecture.md, where a FEEL translation would differ.
 */
class JsonataTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  static JsonNode eval(String expr, String input) {
    return eval(expr, input, "{}");
  }

  static JsonNode eval(String expr, String input, String variables) {
    return Jsonata.expression("{% " + expr + " %}", "Output", Jsonata.States.of(json(input), new ContextObject(
        json("{\"State\": {\"Name\": \"S\"}}"), json(variables))));
  }

  @Test
  void aPathOverOneItemIsTheItemNotAListOfOne() {
    // FEEL's path over a list is always a list; JSONata unwraps a singleton sequence.
    assertThat(eval("$states.input.items.name", "{\"items\": [{\"name\": \"a\"}]}")).isEqualTo(json("\"a\""));
    assertThat(eval("$states.input.items.name", "{\"items\": [{\"name\": \"a\"}, {\"name\": \"b\"}]}")).isEqualTo(json("[\"a\", \"b\"]"));
    assertThat(eval("[$states.input.items.name]", "{\"items\": [{\"name\": \"a\"}]}")).isEqualTo(json("[\"a\"]"));
  }

  @Test
  void nestedSequencesAreFlattened() {
    assertThat(eval("$states.input.a.b", "{\"a\": [{\"b\": [1, 2]}, {\"b\": [3]}]}")).isEqualTo(json("[1, 2, 3]"));
  }

  @Test
  void undefinedIsNotNullAndAnUndefinedFieldValueFailsTheState() {
    assertThat(eval("$states.input.x", "{\"x\": null}")).isEqualTo(json("null"));
    assertThatThrownBy(() -> eval("$states.input.missing", "{}"))
        .isInstanceOfSatisfying(AslRuntimeException.class, e -> {
          assertThat(e.error()).isEqualTo("States.QueryEvaluationError");
          assertThat(e.cause()).isEqualTo("The JSONata expression '$states.input.missing' specified for the field 'Output' returned nothing (undefined).");
        });
    // Inside an object constructor an undefined value drops the key (FEEL would keep null).
    assertThat(eval("{'a': $states.input.missing, 'b': 1}", "{}")).isEqualTo(json("{\"b\": 1}"));
  }

  @Test
  void ampersandConcatenatesAfterStringifyingAndStringOfANumberHasNoFraction() {
    assertThat(eval("'n=' & $states.input.n", "{\"n\": 3}")).isEqualTo(json("\"n=3\""));
    assertThat(eval("'x' & $states.input.missing", "{}")).isEqualTo(json("\"x\""));
    assertThat(eval("$string(2.0) & '|' & $string(0.5)", "{}")).isEqualTo(json("\"2|0.5\""));
  }

  @Test
  void indexesAreZeroBasedAndNegativeOnesCountFromTheEnd() {
    assertThat(eval("$states.input.l[0]", "{\"l\": [10, 20, 30]}")).isEqualTo(json("10"));
    assertThat(eval("$states.input.l[-1]", "{\"l\": [10, 20, 30]}")).isEqualTo(json("30"));
  }

  @Test
  void regexesAndDatesAreJsonatas() {
    assertThat(eval("$contains($states.input.s, /^j-[A-Z0-9]+$/)", "{\"s\": \"j-1ABC\"}")).isEqualTo(json("true"));
    assertThat(eval("$replace($states.input.s, /-/, '_')", "{\"s\": \"a-b-c\"}")).isEqualTo(json("\"a_b_c\""));
    assertThat(eval("$toMillis('2024-11-22T00:00:00.000Z')", "{}")).isEqualTo(json("1732233600000"));
    assertThat(eval("$fromMillis(0)", "{}")).isEqualTo(json("\"1970-01-01T00:00:00.000Z\""));
  }

  @Test
  void statesContextAndVariablesAreBound() {
    assertThat(eval("$states.context.State.Name & $v", "{}", "{\"v\": \"!\"}")).isEqualTo(json("\"S!\""));
    assertThatThrownBy(() -> eval("$states.result", "{}")).hasMessageContaining("returned nothing (undefined)");
  }

  @Test
  void stepFunctionsFunctions() {
    assertThat(eval("$partition([1, 2, 3, 4, 5], 2)", "{}")).isEqualTo(json("[[1, 2], [3, 4], [5]]"));
    assertThat(eval("$range(0, 10, 5)", "{}")).isEqualTo(json("[0, 5, 10]"));
    assertThat(eval("$range(3, 1, -1)", "{}")).isEqualTo(json("[3, 2, 1]"));
    assertThat(eval("$hash('abc', 'SHA-256')", "{}"))
        .isEqualTo(json("\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\""));
    assertThat(eval("$parse('{\"a\": [1, true]}')", "{}")).isEqualTo(json("{\"a\": [1, true]}"));
    assertThat(eval("$uuid()", "{}").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    double r = eval("$random()", "{}").asDouble();
    assertThat(r).isBetween(0.0, 1.0);
    assertThat(eval("$random(42)", "{}")).isEqualTo(eval("$random(42)", "{}"));
    assertThatThrownBy(() -> eval("$partition([1], 0)", "{}")).isInstanceOfSatisfying(AslRuntimeException.class,
        e -> assertThat(e.cause()).contains("threw an error during evaluation", "$partition"));
  }

  @Test
  void errorsAndFunctionsAreQueryEvaluationErrors() {
    assertThatThrownBy(() -> eval("$nope()", "{}")).isInstanceOfSatisfying(AslRuntimeException.class, e -> assertThat(e.cause())
        .isEqualTo("The JSONata expression '$nope()' specified for the field 'Output' threw an error during evaluation. "
            + "T1006: Attempted to invoke a non-function"));
    assertThatThrownBy(() -> eval("function($x) { $x }", "{}")).hasMessageContaining("returned an unsupported result type.");
  }

  @Test
  void templatesEvaluateEveryWholeExpressionStringAtAnyDepth() {
    JsonNode out = Jsonata.template(json("{\"a\": [\"{% 1 + 1 %}\", \"x {% 1 %}\"], \"b\": {\"c\": \"{% $states.input.v %}\"}, \"d\": 5}"),
        "Arguments", Jsonata.States.of(json("{\"v\": true}"), ContextObject.empty()));
    assertThat(out).isEqualTo(json("{\"a\": [2, \"x {% 1 %}\"], \"b\": {\"c\": true}, \"d\": 5}"));
    assertThatThrownBy(() -> Jsonata.template(json("{\"b\": {\"c\": \"{% $states.input.w %}\"}}"), "Arguments",
        Jsonata.States.of(json("{}"), ContextObject.empty()))).hasMessageContaining("for the field 'Arguments/b/c'");
  }
}
