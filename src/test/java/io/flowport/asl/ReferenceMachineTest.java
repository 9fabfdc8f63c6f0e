package io.flowport.asl;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.catalog.Catalog;
import io.flowport.convert.Conversion;
import io.flowport.ir.Dialect;
import io.flowport.ir.StateGraph;
import io.flowport.ir.Step;
import io.flowport.ir.Wait;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The state graph the two reference machines become. */
class ReferenceMachineTest {

  static final Path ORIGINAL = Path.of("examples/seed/original/emr_job.asl.json");
  static final Path FIXED = Path.of("examples/seed/emr_job_fixed.asl.json");

  static Conversion convert(Path file) throws IOException {
    return new AslConverter(Catalog.builtIn()).convert(file, Files.readString(file));
  }

  static StateGraph graph(Path file) throws IOException {
    return (StateGraph) convert(file).workflow().body();
  }

  @Test
  void originalBecomesFourStepsInSourceOrder() throws IOException {
    Conversion c = convert(ORIGINAL);
    StateGraph g = (StateGraph) c.workflow().body();

    assertThat(c.workflow().id()).isEqualTo("emr_job");
    assertThat(c.workflow().dialect()).isEqualTo(Dialect.ASL);
    assertThat(c.workflow().description()).isEqualTo("An example workflow to run an EMR job");
    assertThat(g.entry()).isEqualTo("StartEMRJob");
    assertThat(g.steps()).extracting(Step::name)
        .containsExactly("StartEMRJob", "WaitForEMRJobCompletion", "CheckEMRJobStatus", "EMRJobComplete");
    assertThat(g.steps()).extracting(s -> s.getClass().getSimpleName())
        .containsExactly("Task", "Task", "Choice", "Succeed");
  }

  @Test
  void originalTransitionsLoopFromTheChoiceBackToTheDescribeTask() throws IOException {
    StateGraph g = graph(ORIGINAL);

    assertThat(g.step("StartEMRJob").successors()).containsExactly("WaitForEMRJobCompletion");
    assertThat(g.step("WaitForEMRJobCompletion").successors()).containsExactly("CheckEMRJobStatus");
    // Both rules go to the same state: it is listed once, before the Default.
    assertThat(g.step("CheckEMRJobStatus").successors()).containsExactly("WaitForEMRJobCompletion", "EMRJobComplete");
    assertThat(g.step("EMRJobComplete").successors()).isEmpty();
  }

  @Test
  void createClusterSyncStartsTheClusterThenPollsLikeStepFunctions() throws IOException {
    Step.Task start = (Step.Task) graph(ORIGINAL).step("StartEMRJob");

    assertThat(start.work().start().jobType()).isEqualTo("flowport.emr.RunJobFlow");
    Wait wait = start.work().waitLoop();
    assertThat(wait.poll().jobType()).isEqualTo("flowport.emr.DescribeCluster");
    assertThat(wait.interval()).isEqualTo(Duration.ofSeconds(60));
    assertThat(wait.slowInterval()).isEqualTo(Duration.ofSeconds(300));
    assertThat(wait.slowAfterPolls()).isEqualTo(10);
    assertThat(wait.timeout()).isNull();
    assertThat(start.timeout()).isNull();
  }

  @Test
  void describeClusterSyncIsOneCallWithTheStateTimeout() throws IOException {
    Step.Task describe = (Step.Task) graph(ORIGINAL).step("WaitForEMRJobCompletion");

    assertThat(describe.work().start().jobType()).isEqualTo("flowport.emr.DescribeCluster");
    assertThat(describe.work().waitLoop()).isNull();
    assertThat(describe.timeout()).isEqualTo(Duration.ofSeconds(3600));
  }

  @Test
  void fixedMachineWaitsSixtySecondsBeforeTheNextCheck() throws IOException {
    Conversion c = convert(FIXED);
    StateGraph g = (StateGraph) c.workflow().body();

    assertThat(c.workflow().id()).isEqualTo("emr_job_fixed");
    assertThat(g.step("CheckEMRJobStatus").successors()).containsExactly("WaitBeforeNextCheck", "EMRJobComplete");
    Step.Delay delay = (Step.Delay) g.step("WaitBeforeNextCheck");
    assertThat(delay.duration()).isEqualTo(Duration.ofSeconds(60));
    assertThat(delay.next()).isEqualTo("WaitForEMRJobCompletion");
    assertThat(delay.transform()).isNull();
  }
}
