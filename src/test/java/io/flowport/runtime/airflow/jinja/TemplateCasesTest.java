package io.flowport.runtime.airflow.jinja;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the case tables in src/test/resources/jinja. Their expectations (except those marked
 * flowport_only, and the columns) come from real Jinja2 set up like Airflow; see
 * src/test/jinja-oracle/oracle.py, which checks them again.
 */
class TemplateCasesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path CASES = Path.of("src/test/resources/jinja");

  @TestFactory
  Stream<DynamicTest> cases() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : caseFiles()) {
      for (JsonNode c : JSON.readTree(file.toFile())) {
        String name = file.getFileName() + ": " + c.get("name").asText();
        tests.add(DynamicTest.dynamicTest(name, () -> run(c)));
      }
    }
    return tests.stream();
  }

  @Test
  void theTablesHoldAtLeast100Cases() throws IOException {
    int n = 0;
    for (Path file : caseFiles()) {
      n += JSON.readTree(file.toFile()).size();
    }
    assertTrue(n >= 100, n + " cases");
  }

  private static List<Path> caseFiles() throws IOException {
    try (Stream<Path> files = Files.list(CASES)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  private static void run(JsonNode c) {
    String source = c.get("template").asText();
    if (c.has("syntax")) {
      JsonNode want = c.get("syntax");
      TemplateSyntaxException e = assertThrows(TemplateSyntaxException.class,
          () -> Template.parse(source));
      assertEquals(want.get("type").asText(), e.pythonType(), "type");
      assertEquals(want.get("message").asText(), e.jinjaMessage(), "message");
      assertEquals(want.get("line").asInt(), e.line(), "line");
      assertEquals(want.get("column").asInt(), e.column(), "column");
      return;
    }
    Template template = Template.parse(source);
    TemplateContext context = context(c);
    if (c.has("error")) {
      JsonNode want = c.get("error");
      TemplateRenderException e = assertThrows(TemplateRenderException.class,
          () -> template.render(context));
      assertEquals(want.get("type").asText(), e.pythonType(), "type");
      assertEquals(want.get("message").asText(), e.getMessage(), "message");
      assertEquals(c.path("flowport_only").asBoolean(), e.unsupported(), "unsupported");
      return;
    }
    assertEquals(c.get("output").asText(), template.render(context));
  }

  @SuppressWarnings("unchecked")
  private static TemplateContext context(JsonNode c) {
    if (!c.has("airflow")) {
      return TemplateContext.of(c.has("vars") ? JSON.convertValue(c.get("vars"), Map.class)
          : Map.of());
    }
    JsonNode a = c.get("airflow");
    Map<String, Object> spec = JSON.convertValue(a, Map.class);
    Map<List<String>, Object> xcoms = new HashMap<>();
    ((Map<String, Object>) spec.getOrDefault("xcoms", Map.of()))
        .forEach((task, v) -> xcoms.put(List.of(task, "return_value"), v));
    ((Map<String, Map<String, Object>>) spec.getOrDefault("xcom_keys", Map.of()))
        .forEach((task, byKey) -> byKey.forEach((k, v) -> xcoms.put(List.of(task, k), v)));
    AirflowContext.Builder b = AirflowContext.builder()
        .dagId(a.path("dag_id").asText("dag"))
        .taskId(a.path("task_id").asText("task"))
        .params((Map<String, Object>) spec.getOrDefault("params", Map.of()))
        .conf((Map<String, Object>) spec.getOrDefault("conf", Map.of()))
        .xcoms((task, key) -> Optional.ofNullable(xcoms.get(List.of(task, key))));
    if (a.has("run_id")) {
      b.runId(a.get("run_id").asText());
    }
    if (a.has("logical_date")) {
      b.logicalDate(Instant.parse(a.get("logical_date").asText()));
    }
    return b.build();
  }

}
