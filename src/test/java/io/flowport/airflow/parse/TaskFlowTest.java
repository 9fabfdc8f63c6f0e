package io.flowport.airflow.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flowport.airflow.parse.PyValue.*;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** TaskFlow: {@code @task} functions are tasks when called inside a DAG. */
class TaskFlowTest {

  @Test
  void calledTaskFunctionsAreTasksNamedAfterTheFunction() {
    DagFile file = Dags.parse("""
        import pendulum
        from airflow.decorators import dag, task

        @dag(start_date=pendulum.datetime(2024, 1, 1), schedule=None)
        def etl():
            @task
            def extract():
                return {'rows': 1}

            @task(task_id='store', retries=2)
            def load(data, mode='append'):
                print(data)

            @task.bash
            def cleanup():
                return 'rm -rf /tmp/x'

            rows = extract()
            load(rows, mode='replace') >> cleanup()
            extract()

        etl()
        """);
    DagDef dag = file.dags().get(0);
    assertEquals(List.of("extract", "store", "cleanup", "extract__1"), Dags.taskIds(dag));
    TaskDef extract = dag.tasks().get(0);
    assertEquals("airflow.decorators.task", extract.operator());
    assertEquals("rows", extract.variable());
    assertEquals("airflow.decorators.task.bash", dag.task("cleanup").orElseThrow().operator());
    assertEquals(PyInt.of(2), Dags.kwarg(dag, "store", "retries"));
    assertEquals(new PyList(List.of(new PyValue.PyXcom("extract", "return_value", "rows.output"))),
        Dags.kwarg(dag, "store", "op_args"));
    assertEquals(new PyDict(Map.of(new PyStr("mode"), new PyStr("replace"))), Dags.kwarg(dag, "store", "op_kwargs"));
    assertEquals(List.of("extract>>store", "store>>cleanup"), Dags.edges(dag));
    assertEquals(List.of(), file.findings());
  }

  @Test
  void overrideAndTheAirflow3Namespace() {
    DagDef dag = Dags.onlyDag("""
        from airflow.sdk import DAG, task
        with DAG('d'):
            @task(retries=1)
            def ping(host):
                return host
            ping.override(task_id='ping_a')('a')
            ping.override(task_id='ping_b', retries=5)('b')
        """);
    assertEquals(List.of("ping_a", "ping_b"), Dags.taskIds(dag));
    assertEquals("airflow.sdk.task", dag.tasks().get(0).operator());
    assertEquals(PyInt.of(1), Dags.kwarg(dag, "ping_a", "retries"));
    assertEquals(PyInt.of(5), Dags.kwarg(dag, "ping_b", "retries"));
  }

  @Test
  void taskGroupFunctionsGroupTheirTasks() {
    DagDef dag = Dags.onlyDag("""
        from airflow.decorators import dag, task, task_group
        @dag(schedule=None)
        def grouped():
            @task
            def step():
                pass
            @task_group
            def section():
                step() >> step()
            section()
        grouped()
        """);
    assertEquals(List.of("section.step", "section.step__1"), Dags.taskIds(dag));
    assertEquals(List.of("section.step>>section.step__1"), Dags.edges(dag));
  }
}
