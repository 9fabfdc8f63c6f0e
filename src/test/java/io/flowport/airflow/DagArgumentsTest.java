package io.flowport.airflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.catalog.Catalog;
import io.flowport.convert.Conversion;
import io.flowport.ir.DagTask;
import io.flowport.ir.TaskDag;
import io.flowport.report.Code;
import io.flowport.report.Finding;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Task arguments and schedules other than the reference DAG's defaults. */
class DagArgumentsTest {

  static Conversion convert(String source) {
    return new AirflowConverter(Catalog.builtIn()).convert(Path.of("dag.py"), source).get(0);
  }

  static String dag(String schedule, String startDate, String tasks) {
    return """
        from datetime import datetime, timedelta
        from airflow import DAG
        from airflow.operators.empty import EmptyOperator
        from airflow.providers.amazon.aws.sensors.emr import EmrJobFlowSensor

        with DAG('d', schedule=%s, start_date=%s) as dag:
        %s
        """.formatted(schedule, startDate, tasks.indent(4).stripTrailing());
  }

  @Test
  void sensorArgumentsWinOverTheDefaults() {
    String source = dag("None", "datetime(2024, 1, 1)", """
        wait = EmrJobFlowSensor(task_id='wait', job_flow_id='j-1', poke_interval=120,
                                timeout=timedelta(hours=2), retries=3, retry_delay=timedelta(seconds=30))
        """);
    DagTask wait = ((TaskDag) convert(source).workflow().body()).tasks().get(0);

    assertThat(wait.work().waitLoop().interval()).isEqualTo(Duration.ofMinutes(2));
    assertThat(wait.work().waitLoop().timeout()).isEqualTo(Duration.ofHours(2));
    assertThat(wait.retries()).isEqualTo(3);
    assertThat(wait.retryDelay()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void taskWithoutRetriesHasNone() {
    DagTask start = ((TaskDag) convert(dag("None", "datetime(2024, 1, 1)", "start = EmptyOperator(task_id='start')"))
        .workflow().body()).tasks().get(0);

    assertThat(start.retries()).isZero();
    assertThat(start.work()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    "'@daily'              | 0 0 0 * * *",
    "'@hourly'             | 0 0 * * * *",
    "'30 2 * * 1-5'        | 0 30 2 * * 1-5",
    "timedelta(days=1)     | 0 0 0 * * *",
    "timedelta(hours=6)    | R/PT6H"
  })
  void scheduleBecomesATimerCycle(String schedule, String cycle) {
    Conversion c = convert(dag(schedule, "datetime(2024, 1, 1)", "start = EmptyOperator(task_id='start')"));

    assertThat(c.workflow().triggers()).singleElement().satisfies(s -> assertThat(s.timeCycle()).isEqualTo(cycle));
  }

  @Test
  void dailyTimedeltaFromAStartThatIsNotMidnightIsAnApproximatedInterval() {
    Conversion c = convert(dag("timedelta(days=1)", "datetime(2024, 1, 1, 6, 30)", "start = EmptyOperator(task_id='start')"));

    assertThat(c.workflow().triggers()).singleElement().satisfies(s -> assertThat(s.timeCycle()).isEqualTo("R/PT24H"));
    assertThat(c.report().findings()).extracting(Finding::code).contains(Code.AIRFLOW_SCHEDULE_APPROX);
  }

  @Test
  void noScheduleMakesNoTimer() {
    assertThat(convert(dag("None", "datetime(2024, 1, 1)", "start = EmptyOperator(task_id='start')")).workflow().triggers())
        .isEmpty();
  }
}
