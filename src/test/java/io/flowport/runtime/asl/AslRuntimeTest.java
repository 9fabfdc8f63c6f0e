package io.flowport.runtime.asl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Behaviour that the JSON case files cannot express: wording helpers, randomness, size limits, copying. */
class AslRuntimeTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final Intrinsics intrinsics = new Intrinsics(new SplittableRandom(7), UUID::randomUUID);

  @Test
  void statePrefixMatchesAwsWording() {
    assertEquals("An error occurred while executing the state 'Submit'. ", AslRuntimeException.statePrefix("Submit"));
    assertEquals("An error occurred while executing the state 'pass' (entered at the event id #2). ",
        AslRuntimeException.statePrefix("pass", 2));
    AslRuntimeException e = new AslRuntimeException("States.Runtime", "boom");
    assertEquals("An error occurred while executing the state 'S'. boom", e.causeInState("S"));
  }

  @Test
  void mathRandomStaysInsideStartInclusiveEndExclusive() {
    for (int i = 0; i < 500; i++) {
      int v = eval("States.MathRandom(3, 6)").intValue();
      assertTrue(v >= 3 && v < 6, "out of range: " + v);
    }
  }

  @Test
  void mathRandomWithASeedRepeats() {
    assertEquals(eval("States.MathRandom(0, 1000000, 42)"), eval("States.MathRandom(0, 1000000, 42)"));
  }

  @Test
  void uuidComesFromTheStandardSupplierAsVersion4() {
    String id = Intrinsics.standard().evaluate("States.UUID()", MAPPER.createObjectNode(), ContextObject.empty(), "id.$").asText();
    assertEquals(4, UUID.fromString(id).version());
  }

  @Test
  void stringFunctionsAcceptTenThousandCharactersAndNoMore() {
    ObjectNode input = MAPPER.createObjectNode().put("ok", "a".repeat(10_000)).put("big", "a".repeat(10_001));
    for (String fn : new String[] {"States.Base64Encode($.%s)", "States.Hash($.%s, 'MD5')"}) {
      intrinsics.evaluate(fn.formatted("ok"), input, ContextObject.empty(), "v.$");
      AslRuntimeException e = assertThrows(AslRuntimeException.class,
          () -> intrinsics.evaluate(fn.formatted("big"), input, ContextObject.empty(), "v.$"));
      assertEquals("States.Runtime", e.error());
    }
  }

  @Test
  void dataFlowLeavesTheCallersDocumentsAlone() throws Exception {
    JsonNode input = MAPPER.readTree("{\"a\":{\"b\":1}}");
    JsonNode result = MAPPER.readTree("{\"r\":[1]}");
    JsonNode state = MAPPER.readTree("{\"Parameters\":{\"x.$\":\"$.a\"},\"ResultPath\":\"$.a.c\"}");
    DataFlow flow = new DataFlow(intrinsics);
    ObjectNode effective = (ObjectNode) flow.inputOf(state, input, ContextObject.empty());
    JsonNode output = flow.outputOf(state, input, result, ContextObject.empty());
    ((ObjectNode) effective.get("x")).put("changed", true);
    ((ObjectNode) output.get("a").get("c")).put("changed", true);
    assertEquals("{\"a\":{\"b\":1}}", input.toString());
    assertEquals("{\"r\":[1]}", result.toString());
  }

  @Test
  void runtimeSyntaxErrorsAreStatesRuntime() {
    AslRuntimeException e = assertThrows(AslRuntimeException.class, () -> eval("States.Nope()"));
    assertEquals("States.Runtime", e.error());
  }

  private JsonNode eval(String expression) {
    return intrinsics.evaluate(expression, MAPPER.createObjectNode(), ContextObject.empty(), "v.$");
  }
}
