package io.flowport.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowport.contract.ElementTemplates;
import io.flowport.worker.WorkerTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code element-templates/} holds the current templates of every EMR job type; this fails when they are stale. */
class TemplateFilesTest {

  static final String REGENERATE = "regenerate with: ./flowport templates -o element-templates";
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void folderHoldsTheCurrentTemplateOfEveryEmrJobType() throws IOException {
    Map<String, String> files = TemplateGenerator.files();
    for (Map.Entry<String, String> f : files.entrySet()) {
      assertThat(Files.readString(Path.of("element-templates", f.getKey()))).as(f.getKey() + " is stale; " + REGENERATE)
          .isEqualTo(f.getValue());
    }
    List<String> expected = new ArrayList<>(files.keySet());
    expected.add("README.md");
    try (Stream<Path> listed = Files.list(Path.of("element-templates"))) {
      assertThat(listed.map(p -> p.getFileName().toString()).toList()).as(REGENERATE)
          .containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void everyEmrWorkerHasATemplateBoundToItsJobType() throws IOException {
    List<String> emrTypes = WorkerTypes.known().stream().filter(ElementTemplates::has).toList();
    assertThat(emrTypes).contains("flowport.emr.RunJobFlow", "flowport.emr-serverless.StartJobRun");
    for (String type : emrTypes) {
      JsonNode t = JSON.readTree(TemplateGenerator.files().get(ElementTemplates.id(type) + ".json"));
      assertThat(t.path("id").asText()).isEqualTo(type);
      assertThat(t.path("version").asInt()).isEqualTo(ElementTemplates.VERSION);
      assertThat(property(t, "taskDefinition").path("value").asText()).isEqualTo(type);
      assertThat(property(t, "dialect").path("value").asText()).isEqualTo(ElementTemplates.DIALECT);
    }
  }

  @Test
  void requestMembersFollowTheSdkModel() throws IOException {
    JsonNode run = JSON.readTree(TemplateGenerator.files().get("flowport.emr.RunJobFlow.json"));
    // Required by the service model, a string, an enum, a structure, a list, a boolean.
    assertThat(property(run, "request.Name").path("constraints").path("notEmpty").asBoolean()).isTrue();
    assertThat(property(run, "request.Name").path("type").asText()).isEqualTo("String");
    assertThat(property(run, "request.ScaleDownBehavior").path("type").asText()).isEqualTo("Dropdown");
    assertThat(property(run, "request.ScaleDownBehavior").path("choices").findValuesAsText("value"))
        .containsExactly("TERMINATE_AT_INSTANCE_HOUR", "TERMINATE_AT_TASK_COMPLETION");
    assertThat(property(run, "request.Instances").path("type").asText()).isEqualTo("Text");
    assertThat(property(run, "request.Instances").path("feel").asText()).isEqualTo("required");
    assertThat(property(run, "request.Steps").path("optional").asBoolean()).isTrue();
    assertThat(property(run, "request.VisibleToAllUsers").path("feel").asText()).isEqualTo("required");
    assertThat(property(run, "request.Name").path("binding").path("name").asText()).isEqualTo("request.Name");
    // The serverless service spells members as its wire does; the client token is the worker's.
    JsonNode start = JSON.readTree(TemplateGenerator.files().get("flowport.emr-serverless.StartJobRun.json"));
    assertThat(property(start, "request.applicationId").path("constraints").path("notEmpty").asBoolean()).isTrue();
    assertThat(start.path("properties").findValuesAsText("id")).doesNotContain("request.clientToken");
  }

  /** Generated EMR tasks refer to their job type's template, so Modeler shows its form. */
  @Test
  void generatedEmrTasksReferToTheirTemplate() throws IOException {
    String ns = io.camunda.zeebe.model.bpmn.impl.BpmnModelConstants.ZEEBE_NS;
    int found = 0;
    try (Stream<Path> listed = Files.list(Path.of("bpmn"))) {
      for (Path f : listed.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
        var model = io.camunda.zeebe.model.bpmn.Bpmn.readModelFromFile(f.toFile());
        for (var task : model.getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.ServiceTask.class)) {
          String type = task.getSingleExtensionElement(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition.class).getType();
          String template = task.getAttributeValueNs(ns, "modelerTemplate");
          if (ElementTemplates.has(type)) {
            found++;
            assertThat(template).as(f + " " + task.getId()).isEqualTo(ElementTemplates.id(type));
            assertThat(task.getAttributeValueNs(ns, "modelerTemplateVersion")).isEqualTo(String.valueOf(ElementTemplates.VERSION));
            assertThat(Path.of("element-templates", template + ".json")).exists();
          } else {
            assertThat(template).as(f + " " + task.getId()).isNull();
          }
        }
      }
    }
    assertThat(found).isGreaterThan(5);
  }

  static JsonNode property(JsonNode template, String id) {
    for (JsonNode p : template.path("properties")) {
      if (id.equals(p.path("id").asText())) {
        return p;
      }
    }
    throw new AssertionError(template.path("id").asText() + " has no property " + id);
  }
}
