package io.flowport.airflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.catalog.Catalog;
import io.flowport.convert.Conversion;
import io.flowport.ir.DagTask;
import io.flowport.ir.Dialect;
import io.flowport.ir.Schedule;
import io.flowport.ir.TaskDag;
import io.flowport.ir.Wait;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The task DAG the reference DAG file becomes. */
class ReferenceDagConversionTest {

  static final Path ORIGINAL = Path.of("examples/seed/original/orchestrate_emr_jobs.py");
  static final Path FIXED = Path.of("examples/seed/orchestrate_emr_jobs_fixed.py");

  static Conversion convert(Path file) throws IOException {
    List<Conversion> all = new AirflowConverter(Catalog.builtIn()).convert(file, Files.readString(file));
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  static TaskDag dag(Path file) throws IOException {
    return (TaskDag) convert(file).workflow().body();
  }

  static DagTask task(TaskDag dag, String taskId) {
    return dag.tasks().stream().filter(t -> t.taskId().equals(taskId)).findFirst().orElseThrow();
  }

  @Test
  void twoTasksWithOneDependency() throws IOException {
    Conversion c = convert(ORIGINAL);
    TaskDag dag = (TaskDag) c.workflow().body();

    assertThat(c.workflow().id()).isEqualTo("orchestrate_emr_jobs");
    assertThat(c.workflow().dialect()).isEqualTo(Dialect.AIRFLOW);
    assertThat(c.workflow().description()).isEqualTo("Orchestrate EMR jobs with Apache Airflow");
    assertThat(dag.tasks()).extracting(DagTask::taskId).containsExactly("create_emr_cluster", "wait_for_emr_job_completion");
    assertThat(dag.edges()).containsExactly(new TaskDag.Edge("create_emr_cluster", "wait_for_emr_job_completion"));
  }

  @Test
  void defaultArgsGiveEveryTaskOneRetryAfterFiveMinutes() throws IOException {
    for (DagTask t : dag(ORIGINAL).tasks()) {
      assertThat(t.retries()).as(t.taskId()).isEqualTo(1);
      assertThat(t.retryDelay()).as(t.taskId()).isEqualTo(Duration.ofMinutes(5));
      assertThat(t.triggerRule()).as(t.taskId()).isEqualTo("all_success");
      assertThat(t.executionTimeout()).as(t.taskId()).isNull();
    }
  }

  @Test
  void createJobFlowIsOneRunJobFlowCall() throws IOException {
    DagTask create = task(dag(ORIGINAL), "create_emr_cluster");

    assertThat(create.work().start().jobType()).isEqualTo("flowport.emr.RunJobFlow");
    assertThat(create.work().waitLoop()).isNull();
  }

  @Test
  void sensorPollsEveryMinuteForAtMostSevenDays() throws IOException {
    DagTask sensor = task(dag(ORIGINAL), "wait_for_emr_job_completion");

    assertThat(sensor.work().start()).isNull();
    Wait wait = sensor.work().waitLoop();
    assertThat(wait.poll().jobType()).isEqualTo("flowport.emr.DescribeCluster");
    assertThat(wait.interval()).isEqualTo(Duration.ofSeconds(60));
    assertThat(wait.slowInterval()).isNull();
    assertThat(wait.timeout()).isEqualTo(Duration.ofDays(7));
  }

  @Test
  void dailyScheduleFromAMidnightStartBecomesACronAtMidnight() throws IOException {
    List<Schedule> triggers = convert(ORIGINAL).workflow().triggers();

    assertThat(triggers).singleElement().satisfies(s -> {
      assertThat(s.timeCycle()).isEqualTo("0 0 0 * * *");
      assertThat(s.description()).isEqualTo("schedule timedelta(days=1)");
      assertThat(s.source().line()).isEqualTo(22);
    });
  }

  @Test
  void fixedCopyHasItsOwnDagId() throws IOException {
    assertThat(convert(FIXED).workflow().id()).isEqualTo("orchestrate_emr_jobs_fixed");
    assertThat(dag(FIXED).tasks()).extracting(DagTask::taskId)
        .containsExactly("create_emr_cluster", "wait_for_emr_job_completion");
  }
}
