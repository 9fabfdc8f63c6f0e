package io.flowport.airflow.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flowport.airflow.parse.PyValue.*;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tasks created by loops, comprehensions and module-level helper functions. */
class LoopsAndHelpersTest {

  private static final String IMPORTS = """
      from airflow import DAG
      from airflow.operators.empty import EmptyOperator
      from airflow.operators.bash import BashOperator
      """;

  @Test
  void forLoopOverLiteralsCreatesOneTaskPerItem() {
    DagDef dag = Dags.onlyDag(IMPORTS + """
        TABLES = {'users': 'u', 'orders': 'o'}
        with DAG('d'):
            start = EmptyOperator(task_id='start')
            for name, short in TABLES.items():
                load = BashOperator(task_id=f'load_{name}', bash_command=f'load.sh {short}')
                start >> load
            for i in range(3):
                if i == 1:
                    continue
                EmptyOperator(task_id=f'part_{i}')
        """);
    assertEquals(List.of("start", "load_users", "load_orders", "part_0", "part_2"), Dags.taskIds(dag));
    assertEquals(new PyStr("load.sh o"), Dags.kwarg(dag, "load_orders", "bash_command"));
    assertEquals(List.of("start>>load_users", "start>>load_orders"), Dags.edges(dag));
    assertEquals("load", dag.task("load_users").orElseThrow().variable());
  }

  @Test
  void listComprehensionsCreateTasksAndListsOfTasksChain() {
    DagDef dag = Dags.onlyDag(IMPORTS + """
        with DAG('d'):
            steps = [EmptyOperator(task_id=f'step_{n}') for n in ['a', 'b', 'c'] if n != 'b']
            end = EmptyOperator(task_id='end')
            steps >> end
            waits = {t: EmptyOperator(task_id='wait_' + t) for t in ('x', 'y')}
            waits['x'] >> waits['y']
        """);
    assertEquals(List.of("step_a", "step_c", "end", "wait_x", "wait_y"), Dags.taskIds(dag));
    assertEquals(List.of("step_a>>end", "step_c>>end", "wait_x>>wait_y"), Dags.edges(dag));
  }

  @Test
  void appendInLoopCollectsTasks() {
    DagDef dag = Dags.onlyDag(IMPORTS + """
        with DAG('d'):
            tasks = []
            for n in range(2):
                tasks.append(EmptyOperator(task_id=f't{n}'))
            tasks[0] >> tasks[-1]
        """);
    assertEquals(List.of("t0>>t1"), Dags.edges(dag));
  }

  @Test
  void helperFunctionsCalledWithConstants() {
    DagDef dag = Dags.onlyDag(IMPORTS + """
        def make(x, retries=1, **extra):
            name = f't_{x}'
            return EmptyOperator(task_id=name, retries=retries, **extra)

        def pair(prefix):
            first = make(prefix + '1')
            second = make(prefix + '2', retries=3, queue='emr')
            first >> second
            return [first, second]

        with DAG('d'):
            one = make('solo')
            left, right = pair('p')
        """);
    assertEquals(List.of("t_solo", "t_p1", "t_p2"), Dags.taskIds(dag));
    assertEquals(PyInt.of(1), Dags.kwarg(dag, "t_solo", "retries"));
    assertEquals(PyInt.of(3), Dags.kwarg(dag, "t_p2", "retries"));
    assertEquals(new PyStr("emr"), Dags.kwarg(dag, "t_p2", "queue"));
    assertEquals(List.of("t_p1>>t_p2"), Dags.edges(dag));
    assertEquals("one", dag.task("t_solo").orElseThrow().variable());
    assertEquals("first", dag.task("t_p1").orElseThrow().variable());
  }

  @Test
  void helperThatCreatesItsOwnDag() {
    DagFile file = Dags.parse(IMPORTS + """
        def create_dag(env):
            with DAG(f'emr_{env}') as dag:
                EmptyOperator(task_id='run')
            return dag

        for env in ['dev', 'prod']:
            globals()[f'dag_{env}'] = create_dag(env)
        """);
    assertEquals(List.of("emr_dev", "emr_prod"), file.dags().stream().map(DagDef::dagId).toList());
    assertEquals(List.of(), file.findings());
  }

  @Test
  void argumentsThatDoNotFitTheHelperAreReported() {
    DagFile file = Dags.parse(IMPORTS + """
        def make(x):
            return EmptyOperator(task_id=x)
        with DAG('d'):
            t = make('a', 'b')
            EmptyOperator(task_id='z', retries=make())
        """);
    assertEquals(List.of("z"), Dags.taskIds(file.dags().get(0)));
    assertEquals(List.of("dynamic-value@8:40"), Dags.findings(file));
  }

  @Test
  void runawayLoopsStopWithAFinding() {
    DagFile file = Dags.parse(IMPORTS + """
        with DAG('d'):
            EmptyOperator(task_id='kept')
            for i in range(10000):
                for j in range(10000):
                    pass
        """);
    assertEquals(List.of("kept"), Dags.taskIds(file.dags().get(0)));
    assertEquals(List.of("too-complex@7:9"), Dags.findings(file));
  }
}
