package io.flowport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeProperties;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeProperty;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The BPMN {@code convert} writes ties back to the source: every state or task the report names
 * is a flow node with a {@code source} property, and the file says which Camunda it is for.
 */
class BpmnSourcesTest {

  static final String MODELER = "http://camunda.org/schema/modeler/1.0";

  @TempDir
  Path out;

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    ConvertOutputTest.EMR_JOB + ", emr_job, StartEMRJob WaitForEMRJobCompletion CheckEMRJobStatus EMRJobComplete",
    ConvertOutputTest.EMR_JOB_FIXED + ", emr_job_fixed, StartEMRJob WaitForEMRJobCompletion CheckEMRJobStatus WaitBeforeNextCheck EMRJobComplete",
    ConvertOutputTest.DAG + ", orchestrate_emr_jobs, create_emr_cluster wait_for_emr_job_completion",
    ConvertOutputTest.DAG_FIXED + ", orchestrate_emr_jobs_fixed, create_emr_cluster wait_for_emr_job_completion"
  })
  void everyElementTheReportNamesIsAFlowNodeWithItsSource(String file, String processId, String elements) throws IOException {
    assertThat(Cli.run("convert", file, "-o", out.toString()).exit()).isZero();
    Set<String> named = reportNames(Files.readString(out.resolve(processId + ".report.md")), processId);
    Set<String> sources = sources(model(processId));

    assertThat(named).containsExactlyInAnyOrder(elements.split(" "));
    assertThat(sources).containsAll(named);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({ConvertOutputTest.EMR_JOB + ", emr_job", ConvertOutputTest.DAG + ", orchestrate_emr_jobs"})
  void definitionsNameCamundaEightPointEight(String file, String processId) throws IOException {
    assertThat(Cli.run("convert", file, "-o", out.toString()).exit()).isZero();
    var definitions = model(processId).getDefinitions();

    assertThat(definitions.getAttributeValueNs(MODELER, "executionPlatform")).isEqualTo("Camunda Cloud");
    assertThat(definitions.getAttributeValueNs(MODELER, "executionPlatformVersion")).isEqualTo("8.8.0");
  }

  private BpmnModelInstance model(String processId) throws IOException {
    try (InputStream in = Files.newInputStream(out.resolve(processId + ".bpmn"))) {
      return Bpmn.readModelFromStream(in);
    }
  }

  /** Names in the report's element column and at the start of its "Converted" lines. */
  static Set<String> reportNames(String report, String processId) {
    Set<String> names = new TreeSet<>();
    boolean converted = false;
    for (String line : report.lines().toList()) {
      if (line.startsWith("| FP")) {
        String element = line.split(" \\| ")[2].trim();
        if (!element.isEmpty()) {
          names.add(element.replace("`", ""));
        }
      }
      converted |= line.equals("## Converted");
      if (converted && line.startsWith("- ")) {
        names.add(line.substring(2, line.indexOf(':')));
      }
    }
    names.remove(processId); // a DAG's own line names the process, not a flow node
    return names;
  }

  static Set<String> sources(BpmnModelInstance model) {
    Set<String> out = new TreeSet<>();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (node.getExtensionElements() == null) {
        continue;
      }
      for (ZeebeProperties props : node.getExtensionElements().getChildElementsByType(ZeebeProperties.class)) {
        for (ZeebeProperty p : props.getProperties()) {
          if ("source".equals(p.getName())) {
            out.add(p.getValue());
          }
        }
      }
    }
    return out;
  }
}
