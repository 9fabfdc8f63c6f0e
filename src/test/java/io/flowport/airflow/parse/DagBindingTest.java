package io.flowport.airflow.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.flowport.airflow.parse.PyValue.*;
import io.flowport.diag.SourceLocation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ways a task ends up in a DAG. */
class DagBindingTest {

  private static final String IMPORTS = """
      from airflow import DAG
      from airflow.operators.empty import EmptyOperator
      """;

  @Test
  void dagVariableAndDagKeyword() {
    DagDef dag = Dags.onlyDag(IMPORTS + """
        dag = DAG('kw', schedule='@daily')
        a = EmptyOperator(task_id='a', dag=dag, retries=2)
        """);
    assertEquals("kw", dag.dagId());
    assertEquals(SourceLocation.of(Dags.FILE, 3, 7), dag.location());
    TaskDef a = dag.tasks().get(0);
    assertEquals("a", a.variable());
    assertEquals("airflow.operators.empty.EmptyOperator", a.operator());
    assertEquals(List.of("retries"), List.copyOf(a.kwargs().keySet()), "task_id and dag are not kwargs");
    assertEquals(SourceLocation.of(Dags.FILE, 4, 5), a.location());
    assertEquals(SourceLocation.of(Dags.FILE, 4, 41), a.kwargs().get("retries").location());
  }

  @Test
  void withBlockOwnsTasksCreatedInside() {
    DagFile file = Dags.parse(IMPORTS + """
        with DAG(dag_id='ctx', schedule=None) as dag:
            EmptyOperator(task_id='inside')
            if True:
                EmptyOperator(task_id='nested')
        after = EmptyOperator(task_id='after')
        """);
    assertEquals(List.of("inside", "nested"), Dags.taskIds(file.dags().get(0)));
    assertEquals(List.of("schedule"), List.copyOf(file.dags().get(0).args().keySet()), "dag_id is not an arg");
    assertEquals(List.of("task-without-dag@7:9"), Dags.findings(file));
  }

  @Test
  void explicitDagArgumentWinsOverTheEnclosingWith() {
    DagFile file = Dags.parse(IMPORTS + """
        other = DAG('other')
        with DAG('outer'):
            EmptyOperator(task_id='mine')
            EmptyOperator(task_id='theirs', dag=other)
        """);
    assertEquals(List.of("other", "outer"), file.dags().stream().map(DagDef::dagId).toList());
    assertEquals(List.of("theirs"), Dags.taskIds(file.dag("other").orElseThrow()));
    assertEquals(List.of("mine"), Dags.taskIds(file.dag("outer").orElseThrow()));
  }

  @Test
  void decoratedDagFunctionCalledAtModuleLevel() {
    DagFile file = Dags.parse("""
        import pendulum
        from airflow.decorators import dag
        from airflow.operators.empty import EmptyOperator

        @dag(schedule='@hourly', start_date=pendulum.datetime(2024, 5, 1), catchup=False)
        def hourly_emr(table='events'):
            EmptyOperator(task_id=f'load_{table}')

        hourly_emr()

        @dag('named_by_id')
        def ignored_name():
            EmptyOperator(task_id='x')

        instance = ignored_name()
        """);
    DagDef hourly = file.dag("hourly_emr").orElseThrow();
    assertEquals(SourceLocation.of(Dags.FILE, 5, 1), hourly.location());
    assertEquals(List.of("schedule", "start_date", "catchup"), List.copyOf(hourly.args().keySet()));
    assertEquals(List.of("load_events"), Dags.taskIds(hourly));
    assertEquals(List.of("x"), Dags.taskIds(file.dag("named_by_id").orElseThrow()));
    assertEquals(List.of(), file.findings());
  }

  @Test
  void taskGroupsPrefixTaskIds() {
    DagDef dag = Dags.onlyDag(IMPORTS + """
        from airflow.utils.task_group import TaskGroup
        with DAG('groups') as dag:
            with TaskGroup('extract') as extract:
                EmptyOperator(task_id='s3')
                with TaskGroup(group_id='inner'):
                    EmptyOperator(task_id='deep')
            flat = TaskGroup('flat', prefix_group_id=False)
            EmptyOperator(task_id='plain', task_group=flat)
        """);
    assertEquals(List.of("extract.s3", "extract.inner.deep", "plain"), Dags.taskIds(dag));
  }

  @Test
  void attributeAssignmentsDescribeTasksAndDags() {
    DagDef dag = Dags.onlyDag(IMPORTS + """
        dag = DAG('doc')
        dag.doc_md = '# EMR'
        t = EmptyOperator(task_id='t', dag=dag)
        t.doc_md = 'runs first'
        """);
    assertEquals(new PyStr("# EMR"), dag.arg("doc_md").orElseThrow());
    assertEquals(new PyStr("runs first"), Dags.kwarg(dag, "t", "doc_md"));
  }

  @Test
  void mainBlocksAndExceptHandlersAreNotRun() {
    DagFile file = Dags.parse("""
        try:
            from airflow.operators.empty import EmptyOperator
        except ImportError:
            from airflow.operators.dummy import DummyOperator as EmptyOperator
        from airflow import DAG
        with DAG('d') as dag:
            EmptyOperator(task_id='t')
        if __name__ == '__main__':
            EmptyOperator(task_id='debug', dag=dag)
        """);
    TaskDef task = file.dags().get(0).tasks().get(0);
    assertEquals(List.of("t"), Dags.taskIds(file.dags().get(0)));
    assertEquals("airflow.operators.empty.EmptyOperator", task.operator());
    assertEquals(List.of("except-not-read@3:1"), Dags.findings(file));
    assertEquals(Severity.INFO, file.findings().get(0).severity());
  }

  @Test
  void customOperatorsAreTasksAndOtherCallsAreNot() {
    DagFile file = Dags.parse("""
        from airflow import DAG
        from plugins.emr import SparkJobOperator
        from plugins.util import build_overrides
        class LocalSensor:
            pass
        with DAG('d'):
            SparkJobOperator(task_id='spark', overrides=build_overrides())
            LocalSensor(task_id='wait')
        """);
    DagDef dag = file.dags().get(0);
    assertEquals(List.of("spark", "wait"), Dags.taskIds(dag));
    assertEquals("plugins.emr.SparkJobOperator", dag.tasks().get(0).operator());
    assertEquals("LocalSensor", dag.tasks().get(1).operator());
    assertEquals(new PyDynamic("build_overrides()", "call of 'plugins.util.build_overrides' is not evaluated"),
        Dags.kwarg(dag, "spark", "overrides"));
    assertEquals(List.of("class-definition@4:1", "dynamic-value@7:49"), Dags.findings(file));
  }

  @Test
  void variableIsNullWhenTheTaskIsNotBoundToAName() {
    DagDef dag = Dags.onlyDag(IMPORTS + """
        with DAG('d'):
            first = EmptyOperator(task_id='first')
            alias = first
            EmptyOperator(task_id='anonymous')
        """);
    assertEquals("first", dag.task("first").orElseThrow().variable());
    assertNull(dag.task("anonymous").orElseThrow().variable());
  }
}
