package io.flowport.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.Documentation;
import io.flowport.catalog.Catalog;
import io.flowport.convert.Conversion;
import io.flowport.convert.Converters;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The report's findings in the diagram, on the element they concern, as Modeler shows documentation. */
class FindingNotesTest {

  private static String notes(BpmnModelInstance model, String id) {
    BaseElement e = model.getModelElementById(id);
    return e.getChildElementsByType(Documentation.class).stream().map(Documentation::getTextContent).findFirst().orElse("");
  }

  @Test
  void warningsAndReviewNotesGoOnTheStatesActivityWithTheirFix() {
    Conversion c = new Converters(Catalog.builtIn()).convert(Path.of("examples/seed/original/emr_job.asl.json")).get(0);
    BpmnModelInstance model = new BpmnGenerator().generate(c.workflow(), c.report());

    assertThat(notes(model, "WaitForEMRJobCompletion"))
        .contains("FP101 warning: arn:aws:states:::elasticmapreduce:describeCluster.sync is not a Step Functions integration")
        .contains("FP102 warning: the field 'ClusterId.$' reads $.CreateClusterClusterId").contains("Fix: use $.ClusterId");
    // StartEMRJob's .sync is a subprocess: the note is on it, not on the call inside.
    assertThat(notes(model, "StartEMRJob")).contains("FP202 warning").contains("FP303 review");
    assertThat(notes(model, "StartEMRJob_call")).isEmpty();
    // INFO findings (how something converted) stay in the report only.
    assertThat(model.getModelElementsByType(Documentation.class)).noneMatch(d -> d.getTextContent().contains("FP302"));
  }

  @Test
  void withoutTheReportTheDiagramHasNoNotes() {
    Conversion c = new Converters(Catalog.builtIn()).convert(Path.of("examples/seed/original/emr_job.asl.json")).get(0);
    BpmnModelInstance model = new BpmnGenerator().generate(c.workflow());
    assertThat(notes(model, "WaitForEMRJobCompletion")).isEmpty();
  }
}
