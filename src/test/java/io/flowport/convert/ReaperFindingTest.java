package io.flowport.convert;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.catalog.Catalog;
import io.flowport.report.Code;
import io.flowport.report.Finding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FP510 and FP511: the report lists the reaper on every task that creates a cluster or starts a job run, and how to keep one. */
class ReaperFindingTest {

  private static List<Finding> reaperFindings(String file) {
    return new Converters(Catalog.builtIn()).convert(Path.of(file)).get(0).report().findings().stream()
        .filter(f -> f.code() == Code.CLUSTER_REAPER).toList();
  }

  @Test
  void aStateMachineThatCreatesAClusterIsToldHowToKeepIt() {
    List<Finding> found = reaperFindings("src/test/resources/asl/reaper_wait.asl.json");
    assertThat(found).singleElement().satisfies(f -> {
      assertThat(f.element()).isEqualTo("CreateCluster");
      assertThat(f.text()).contains("terminates").contains("cancelled");
      assertThat(f.fix()).contains("flowport:keep").contains("flowport.reaper.enabled=false");
    });
  }

  @Test
  void aKeepTagInTheRequestIsReportedAsKept() {
    assertThat(reaperFindings("src/test/resources/asl/reaper_keep.asl.json")).singleElement()
        .satisfies(f -> assertThat(f.text()).contains("leaves it running"));
  }

  @Test
  void aDagThatCreatesAClusterGetsItToo() {
    assertThat(reaperFindings("examples/seed/orchestrate_emr_jobs_fixed.py")).singleElement()
        .satisfies(f -> assertThat(f.element()).isEqualTo("create_emr_cluster"));
  }

  private static List<Finding> jobRunFindings(String file) {
    return new Converters(Catalog.builtIn()).convert(Path.of(file)).get(0).report().findings().stream()
        .filter(f -> f.code() == Code.JOB_RUN_REAPER).toList();
  }

  @Test
  void everyJobRunAStateMachineStartsIsListedWithHowToKeepIt() {
    assertThat(jobRunFindings("src/test/resources/asl/reaper_serverless.asl.json")).singleElement().satisfies(f -> {
      assertThat(f.element()).isEqualTo("RunJob");
      assertThat(f.text()).contains("cancels").contains("cancelled");
      assertThat(f.fix()).contains("flowport:keep").contains("Tags").contains("flowport.reaper.enabled=false");
    });
    assertThat(jobRunFindings("src/test/resources/asl/reaper_eks.asl.json")).hasSize(1);
    assertThat(jobRunFindings("src/test/resources/asl/reaper_serverless_keep.asl.json")).singleElement()
        .satisfies(f -> assertThat(f.text()).contains("leaves it running"));
    assertThat(reaperFindings("src/test/resources/asl/reaper_serverless.asl.json")).as("no cluster there").isEmpty();
  }

  @Test
  void dagsGetItPerStartJobRunTaskWithTheirOperatorsWayToKeep() {
    assertThat(jobRunFindings("examples/eks/spark_eks.py")).singleElement()
        .satisfies(f -> assertThat(f.fix()).contains("operator's tags"));
    assertThat(jobRunFindings("examples/serverless/spark_serverless.py")).singleElement()
        .satisfies(f -> assertThat(f.fix()).contains("config={'tags'"));
    assertThat(jobRunFindings("examples/seed/orchestrate_emr_jobs_fixed.py")).isEmpty();
  }

  @Test
  void aWorkflowThatCreatesNoClusterHasNoSuchFinding() {
    assertThat(reaperFindings("src/test/resources/asl/serverless_no_catch.asl.json")).isEmpty();
  }
}
