package io.flowport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The warnings {@code convert} prints on stderr for the reference files, where they point. */
class ConvertWarningsTest {

  @TempDir
  Path out;

  private Cli convert(String file) {
    Cli cli = Cli.run("convert", file, "-o", out.toString());
    assertThat(cli.exit()).as(cli.err()).isZero();
    return cli;
  }

  @Test
  void originalMachineGetsItsFourWarningsAtTheirLocations() {
    String file = ConvertOutputTest.EMR_JOB;
    List<String> warnings = convert(file).warnings();

    assertThat(warnings).hasSize(4);
    assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith(file
        + ":32:7 (/States/WaitForEMRJobCompletion/Resource): warning FP101 [WaitForEMRJobCompletion]: "
        + "arn:aws:states:::elasticmapreduce:describeCluster.sync is not a Step Functions integration"));
    assertThat(warnings).anySatisfy(w -> assertThat(w)
        .startsWith(file + ":34:9 (/States/WaitForEMRJobCompletion/Parameters/ClusterId.$): warning FP102 ")
        .contains("reads $.CreateClusterClusterId")
        .endsWith("Fix: use $.ClusterId"));
    assertThat(warnings).anySatisfy(w -> assertThat(w)
        .startsWith(file + ":46:11 (/States/CheckEMRJobStatus/Choices/0/Next): warning FP103 [CheckEMRJobStatus]: ")
        .contains("no Wait state"));
    assertThat(warnings).anySatisfy(w -> assertThat(w)
        .startsWith(file + ":8:7 (/States/StartEMRJob/Parameters): warning FP202 [StartEMRJob]: ")
        .contains("AutoTerminationPolicy"));
  }

  @Test
  void originalDagGetsTheXcomAndCleanupWarnings() {
    String file = ConvertOutputTest.DAG;
    List<String> warnings = convert(file).warnings();

    assertThat(warnings).hasSize(2);
    assertThat(warnings).anySatisfy(w -> assertThat(w)
        .startsWith(file + ":58:5: warning FP201 [wait_for_emr_job_completion]: job_flow_id uses ['JobFlowId']")
        .contains("UndefinedError"));
    assertThat(warnings).anySatisfy(w -> assertThat(w)
        .startsWith(file + ":28:22: warning FP202 [create_emr_cluster]: "));
  }

  /** Step Functions creates such a machine (its run times out), so this is a warning, not a refusal. */
  @Test
  void aCallbackThatNeverPassesItsTokenOnIsAWarning() throws Exception {
    Path file = java.nio.file.Files.writeString(out.resolve("no_token.asl.json"), """
        {"StartAt": "Approve", "States": {
          "Approve": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
            "Parameters": {"QueueUrl": "q", "MessageBody": {"clusterId.$": "$.clusterId"}},
            "TimeoutSeconds": 300, "End": true}}}""");
    List<String> warnings = convert(file.toString()).warnings();

    assertThat(warnings).singleElement().satisfies(w -> assertThat(w)
        .startsWith(file + ":3:5 (/States/Approve/Parameters): warning FP105 [Approve]: ")
        .contains("never use $$.Task.Token").contains("fails with States.Timeout after TimeoutSeconds")
        .endsWith("Fix: pass the token to the call, e.g. \"token.$\": \"$$.Task.Token\" in Parameters"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {ConvertOutputTest.EMR_JOB_FIXED, ConvertOutputTest.DAG_FIXED})
  void correctedCopiesGetNoWarning(String file) {
    Cli cli = convert(file);

    assertThat(cli.warnings()).isEmpty();
    assertThat(cli.errLines()).allSatisfy(l -> assertThat(l).startsWith(file + ":").doesNotContain("warning"));
  }

  @Test
  void triggerRulesThatStartLaterOrLetALeafMaskAFailureAreReportedAtTheTask() {
    String file = "src/test/resources/airflow/runs/trigger_rules.py";
    Cli cli = convert(file);
    assertThat(cli.warnings()).singleElement().satisfies(w -> assertThat(w)
        .startsWith(file + ":31:15: warning FP412 [cleanup]: leaf task 'cleanup' (trigger_rule all_done) can succeed after")
        .contains("Fix: to fail the run on any failure, add a leaf task with trigger_rule='one_failed'"));
    assertThat(cli.errLines()).anySatisfy(l -> assertThat(l).startsWith(file + ":25:46: review FP411 [any_up]: trigger_rule one_success"))
        .anySatisfy(l -> assertThat(l).startsWith(file + ":27:44: review FP411 [alert]: trigger_rule one_failed"));
  }
}
