package io.flowport.airflow.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flowport.airflow.parse.PyValue.PyDynamic;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Operators are named by the import path written in the file, however they were imported. */
class ImportsAndOperatorsTest {

  @Test
  void everyImportFormResolvesToTheWrittenPath() {
    DagDef dag = Dags.onlyDag("""
        import airflow.operators.empty
        import airflow.providers.amazon.aws.operators.emr as emr
        from airflow.providers.amazon.aws.sensors.emr import EmrStepSensor as StepSensor
        from airflow import models
        from .plugins.ops import LocalCopyOperator
        with models.DAG('d'):
            airflow.operators.empty.EmptyOperator(task_id='full_path')
            emr.EmrAddStepsOperator(task_id='module_alias')
            StepSensor(task_id='class_alias')
            LocalCopyOperator(task_id='relative')
        """);
    assertEquals(List.of(
            "airflow.operators.empty.EmptyOperator",
            "airflow.providers.amazon.aws.operators.emr.EmrAddStepsOperator",
            "airflow.providers.amazon.aws.sensors.emr.EmrStepSensor",
            ".plugins.ops.LocalCopyOperator"),
        dag.tasks().stream().map(TaskDef::operator).toList());
  }

  @Test
  void airflowClassesFromOperatorModulesAreTasksEvenWithoutTheSuffix() {
    DagFile file = Dags.parse("""
        from airflow import DAG
        from airflow.sensors.external_task import ExternalTaskMarker
        from airflow.models.param import Param
        with DAG('d', params={'n': Param(5, type='integer')}):
            ExternalTaskMarker(task_id='mark', external_dag_id='other', external_task_id='t')
        """);
    DagDef dag = file.dags().get(0);
    assertEquals(List.of("mark"), Dags.taskIds(dag));
    assertEquals(new PyDynamic("Param(5, type='integer')", "call of 'airflow.models.param.Param' is not evaluated"),
        ((PyValue.PyDict) dag.arg("params").orElseThrow()).get("n").orElseThrow());
    assertEquals(List.of("dynamic-value@4:28"), Dags.findings(file));
  }

  @Test
  void lowercaseAirflowFunctionsAreNotTasks() {
    DagFile file = Dags.parse("""
        from airflow import DAG
        from airflow.operators.python import get_current_context
        with DAG('d'):
            get_current_context()
        """);
    assertEquals(List.of(), file.dags().get(0).tasks());
    assertEquals(List.of("ignored-call@4:5"), Dags.findings(file));
  }
}
