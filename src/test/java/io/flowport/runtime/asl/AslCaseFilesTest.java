package io.flowport.runtime.asl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case in src/test/resources/asl-runtime/*.json. A case gives an input (and optionally
 * a context object) plus one of: a state fragment (data flow, or Choice when it has Choices), an
 * intrinsic {@code expression}, a {@code path} to read, or something to {@code validate}; and the
 * expectation: output/effectiveInput/next/value, error+cause, or valid/invalidAt.
 */
class AslCaseFilesTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Path DIR = dir();
  private static final int MIN_CASES = 120;

  @TestFactory
  Stream<DynamicTest> cases() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : files()) {
      for (JsonNode c : read(file)) {
        tests.add(DynamicTest.dynamicTest(file.getFileName() + ": " + c.path("name").asText(), () -> run(c)));
      }
    }
    return tests.stream();
  }

  @Test
  void caseFilesAreLargeEnoughAndNamesUnique() throws IOException {
    Set<String> names = new HashSet<>();
    int count = 0;
    for (Path file : files()) {
      for (JsonNode c : read(file)) {
        assertTrue(c.hasNonNull("name"), "case without a name in " + file);
        assertTrue(names.add(c.get("name").asText()), "duplicate case name " + c.get("name"));
        count++;
      }
    }
    assertTrue(count >= MIN_CASES, "only " + count + " cases");
  }

  private static void run(JsonNode c) {
    boolean expectsError = c.has("error");
    try {
      check(c);
    } catch (AslRuntimeException e) {
      if (!expectsError) {
        fail("unexpected " + e.error() + ": " + e.cause());
      }
      assertEquals(c.get("error").asText(), e.error());
      assertEquals(c.get("cause").asText(), e.cause());
      return;
    }
    assertFalse(expectsError, "expected " + c.path("error").asText() + " but the case succeeded");
  }

  private static void check(JsonNode c) {
    JsonNode input = c.has("input") ? c.get("input") : MAPPER.createObjectNode();
    ContextObject ctx = new ContextObject(c.get("context"));
    Intrinsics intrinsics = new Intrinsics(new FixedRandom(c.path("random").asLong()),
        () -> UUID.fromString(c.path("uuid").asText("0f8fad5b-d9cb-469f-a165-70867728950e")));
    if (c.has("validate")) {
      validate(c);
    } else if (c.has("expression")) {
      assertJson(c.get("value"), intrinsics.evaluate(c.get("expression").asText(), input, ctx, "value.$"));
    } else if (c.has("path")) {
      assertJson(c.get("value"), JsonPaths.read(c.get("path").asText(), input, ctx));
    } else if (c.path("state").has("Choices")) {
      String next = Choices.next(c.get("state"), input, ctx);
      assertEquals(c.path("next").asText(), next);
    } else {
      JsonNode state = c.get("state");
      DataFlow flow = new DataFlow(intrinsics);
      JsonNode effective = flow.inputOf(state, input, ctx);
      if (c.has("effectiveInput")) {
        assertJson(c.get("effectiveInput"), effective);
      }
      JsonNode result = c.has("result") ? c.get("result") : effective;
      JsonNode output = flow.outputOf(state, input, result, ctx);
      if (c.has("output")) {
        assertJson(c.get("output"), output);
      }
    }
  }

  private static void validate(JsonNode c) {
    JsonNode v = c.get("validate");
    Runnable call = v.has("intrinsic")
        ? () -> Intrinsics.validate(v.get("intrinsic").asText())
        : () -> JsonPaths.validate(v.get("path").asText(), v.path("reference").asBoolean());
    if (c.has("invalidAt")) {
      AslSyntaxException e = assertThrows(AslSyntaxException.class, call::run);
      assertEquals(c.get("invalidAt").asInt(), e.position(), e.getMessage());
    } else {
      assertTrue(c.path("valid").asBoolean(), "a validate case needs valid or invalidAt");
      call.run();
    }
  }

  /** Objects compare without key order; integers and decimals are told apart, as AWS prints them. */
  static void assertJson(JsonNode expected, JsonNode actual) {
    assertTrue(sameJson(expected, actual), "expected " + expected + " but got " + actual);
  }

  private static boolean sameJson(JsonNode a, JsonNode b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a.isNumber() && b.isNumber()) {
      return a.isIntegralNumber() == b.isIntegralNumber() && a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (var it = a.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (!sameJson(a.get(k), b.get(k))) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!sameJson(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  /** Answers origin + (k mod range), so a case can name the random draw it expects. */
  record FixedRandom(long k) implements RandomGenerator {
    @Override
    public long nextLong() {
      return k;
    }

    @Override
    public long nextLong(long origin, long bound) {
      return origin + Math.floorMod(k, bound - origin);
    }
  }

  private static List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  private static JsonNode read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return MAPPER.readTree(in);
    }
  }

  private static Path dir() {
    try {
      return Path.of(AslCaseFilesTest.class.getResource("/asl-runtime").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
