package io.flowport.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.Documentation;
import io.flowport.catalog.Catalog;
import io.flowport.convert.Conversion;
import io.flowport.convert.Converters;
import io.flowport.ir.Names;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The report's findings in the diagram, on the element they concern, as Modeler shows documentation. */
class ElementNotesTest {

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

  @Test
  void stateCommentsAndTaskDocsBecomeTheElementsDocumentation(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path machine = java.nio.file.Files.writeString(dir.resolve("commented.asl.json"), """
        {"StartAt": "Fan out", "States": {
          "Fan out": {"Type": "Parallel", "Comment": "both branches share the cluster", "End": true, "Branches": [
            {"StartAt": "Note", "States": {"Note": {"Type": "Pass", "Comment": "kept for the audit trail", "End": true}}}]}}}
        """);
    Conversion asl = new Converters(Catalog.builtIn()).convert(machine).get(0);
    BpmnModelInstance model = new BpmnGenerator().generate(asl.workflow(), asl.report());
    assertThat(notes(model, Names.ncName("Fan out"))).isEqualTo("both branches share the cluster");
    assertThat(model.getModelElementsByType(Documentation.class)).anyMatch(d -> d.getTextContent().equals("kept for the audit trail"));

    Path dag = java.nio.file.Files.writeString(dir.resolve("documented.py"), """
        from airflow import DAG
        from airflow.operators.empty import EmptyOperator
        with DAG('documented', schedule=None):
            EmptyOperator(task_id='start', doc_md='Marks the *start* of the nightly load')
        """);
    Conversion airflow = new Converters(Catalog.builtIn()).convert(dag).get(0);
    BpmnModelInstance dagModel = new BpmnGenerator().generate(airflow.workflow(), airflow.report());
    assertThat(dagModel.getModelElementsByType(Documentation.class))
        .anyMatch(d -> d.getTextContent().equals("Marks the *start* of the nightly load"));
  }
}
