package io.flowport.airflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.convert.Conversion;
import io.flowport.ir.DagTask;
import io.flowport.ir.TaskDag;
import io.flowport.report.Code;
import io.flowport.report.Finding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** EmrAddStepsOperator and EmrStepSensor: their job types, and the report on the steps' wait. */
class EmrStepOperatorsConversionTest {

  static final Path WAITING = Path.of("src/test/resources/airflow/runs/emr_steps.py");
  static final Path NOT_WAITING = Path.of("src/test/resources/airflow/runs/emr_step_sensor.py");

  @Test
  void addStepsCallsAddJobFlowStepsAndTheSensorPollsDescribeStep() throws Exception {
    Conversion c = ReferenceDagConversionTest.convert(NOT_WAITING);
    DagTask add = ((TaskDag) c.workflow().body()).tasks().stream().filter(t -> t.taskId().equals("add_steps")).findFirst().orElseThrow();
    assertThat(add.work().start().jobType()).isEqualTo("flowport.emr.AddJobFlowSteps");
    assertThat(c.report().convertedLines()).anyMatch(l -> l.startsWith("watch_step: EmrStepSensor") && l.contains("flowport.emr.DescribeStep"));
    assertThat(c.report().findings()).noneMatch(f -> f.code() == Code.AIRFLOW_OPERATOR_WAIT || f.code() == Code.AIRFLOW_NOT_REPRODUCED);
  }

  @Test
  void waitingForTheStepsIsAPollLoopWhoseAttemptBoundIsReported() throws Exception {
    Conversion c = ReferenceDagConversionTest.convert(WAITING);
    List<Finding> review = c.report().findings().stream().filter(f -> f.code() == Code.AIRFLOW_NOT_REPRODUCED).toList();
    assertThat(review).singleElement().satisfies(f -> {
      assertThat(f.element()).isEqualTo("add_steps");
      assertThat(f.location().line()).isEqualTo(33);
      assertThat(f.text()).contains("waiter_max_attempts polls per step", "ListSteps");
    });
    assertThat(c.report().findings()).anyMatch(f -> f.code() == Code.AIRFLOW_OPERATOR_WAIT && f.text().contains("at most 60 polls"));
  }
}
