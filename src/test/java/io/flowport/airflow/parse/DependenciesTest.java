package io.flowport.airflow.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flowport.diag.SourceLocation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every way Airflow files declare dependencies. */
class DependenciesTest {

  private static DagDef dag(String body) {
    return Dags.onlyDag(source(body));
  }

  private static String source(String body) {
    StringBuilder source = new StringBuilder("""
        from airflow import DAG
        from airflow.operators.empty import EmptyOperator
        from airflow.models.baseoperator import chain, chain_linear, cross_downstream
        with DAG('d') as dag:
            a, b, c, d, e = [EmptyOperator(task_id=n) for n in 'abcde']
        """);
    body.lines().forEach(line -> source.append("    ").append(line).append('\n'));
    return source.toString();
  }

  @Test
  void shiftOperatorsAndChains() {
    assertEquals(List.of("a>>b", "b>>c"), Dags.edges(dag("a >> b >> c")));
    assertEquals(List.of("b>>a"), Dags.edges(dag("a << b")));
    assertEquals(List.of("a>>b", "c>>b"), Dags.edges(dag("a >> b << c")));
  }

  @Test
  void listsOnEitherSide() {
    assertEquals(List.of("a>>b", "a>>c", "b>>d", "c>>d"), Dags.edges(dag("a >> [b, c] >> d")));
    assertEquals(List.of("a>>c", "b>>c"), Dags.edges(dag("[a, b] >> c")));
    assertEquals(List.of("b>>a", "c>>a"), Dags.edges(dag("a << (b, c)")));
  }

  @Test
  void setUpstreamAndSetDownstream() {
    assertEquals(List.of("a>>b", "a>>c", "d>>e"), Dags.edges(dag("a.set_downstream([b, c])\ne.set_upstream(d)")));
  }

  @Test
  void chainLinksNeighboursAndListsPairwise() {
    assertEquals(List.of("a>>b", "a>>c", "b>>d", "c>>e"), Dags.edges(dag("chain(a, [b, c], [d, e])")));
    assertEquals(List.of("a>>b", "b>>c"), Dags.edges(dag("steps = [a, b, c]\nchain(*steps)")));
  }

  @Test
  void crossDownstreamLinksEveryPair() {
    assertEquals(List.of("a>>c", "a>>d", "b>>c", "b>>d"), Dags.edges(dag("cross_downstream([a, b], [c, d])")));
  }

  @Test
  void repeatedDependenciesAppearOnce() {
    assertEquals(List.of("a>>b"), Dags.edges(dag("a >> b\nb << a\na.set_downstream(b)")));
  }

  @Test
  void dependencyLocationIsTheOperatorOrCall() {
    DagDef dag = dag("a >> b\nchain(c, d)");
    assertEquals(SourceLocation.of(Dags.FILE, 6, 7), dag.dependencies().get(0).location());
    assertEquals(SourceLocation.of(Dags.FILE, 7, 5), dag.dependencies().get(1).location());
  }

  @Test
  void taskGroupsStandForTheirFirstAndLastTasks() {
    DagDef dag = Dags.onlyDag("""
        from airflow import DAG
        from airflow.operators.empty import EmptyOperator
        from airflow.utils.task_group import TaskGroup
        with DAG('d'):
            start = EmptyOperator(task_id='start')
            with TaskGroup('g') as g:
                x = EmptyOperator(task_id='x')
                y = EmptyOperator(task_id='y')
                z = EmptyOperator(task_id='z')
                x >> [y, z]
            end = EmptyOperator(task_id='end')
            start >> g >> end
        """);
    assertEquals(List.of("g.x>>g.y", "g.x>>g.z", "start>>g.x", "g.y>>end", "g.z>>end"), Dags.edges(dag));
  }

  @Test
  void xcomOutputPassedToAnotherTaskMakesItUpstream() {
    DagDef dag = Dags.onlyDag("""
        from airflow import DAG
        from airflow.providers.amazon.aws.operators.emr import EmrCreateJobFlowOperator, EmrAddStepsOperator
        with DAG('d'):
            create = EmrCreateJobFlowOperator(task_id='create')
            add = EmrAddStepsOperator(task_id='add', job_flow_id=create.output, steps=[])
        """);
    assertEquals(List.of("create>>add"), Dags.edges(dag));
    assertEquals(new PyValue.PyXcom("create", "return_value", "create.output"), Dags.kwarg(dag, "add", "job_flow_id"));
  }

  @Test
  void unknownNamesAreErrorsAtTheName() {
    DagFile file = Dags.parse("""
        from airflow import DAG
        from airflow.operators.empty import EmptyOperator
        with DAG('d'):
            a = EmptyOperator(task_id='a')
            a >> [missing, a_typo] >> a
        """);
    assertEquals(List.of("unknown-dependency@5:11", "unknown-dependency@5:20"), Dags.findings(file));
    assertEquals(Severity.ERROR, file.findings().get(0).severity());
    assertEquals("'missing' is not defined in this file; the dependency is not added", file.findings().get(0).message());
    assertEquals(List.of(), Dags.edges(file.dags().get(0)));
  }

  @Test
  void chainLinearLinksEveryTaskOfAnElementToEveryTaskOfTheNext() {
    assertEquals(List.of("a>>b", "a>>c", "b>>d", "b>>e", "c>>d", "c>>e"), Dags.edges(dag("chain_linear(a, [b, c], [d, e])")));
    assertEquals(List.of("chain-linear-nothing@6:5"), Dags.findings(Dags.parse(source("chain_linear([a, b])"))));
  }

  @Test
  void groupSetDownstreamUsesItsLeavesAndXcomKeysAreKept() {
    DagDef dag = Dags.onlyDag("""
        from airflow import DAG
        from airflow.operators.empty import EmptyOperator
        from airflow.utils.task_group import TaskGroup
        with DAG('d'):
            with TaskGroup('g', default_args={'retries': 2}) as g:
                x = EmptyOperator(task_id='x')
            end = EmptyOperator(task_id='end', doc_md=x.output['note'])
            g.set_downstream(end)
        """);
    assertEquals(List.of("g.x>>end"), Dags.edges(dag));
    assertEquals(new PyValue.PyXcom("g.x", "note", "x.output['note']"), Dags.kwarg(dag, "end", "doc_md"));
    assertEquals("g", dag.task("g.x").orElseThrow().group());
    assertEquals(1, dag.groups().size());
  }

  @Test
  void aGroupInsideAnUnprefixedGroupIsNotPrefixedAndNeitherAreTheTasksOfAnUnprefixedGroup() {
    DagDef dag = Dags.onlyDag("""
        from airflow import DAG
        from airflow.operators.empty import EmptyOperator
        from airflow.utils.task_group import TaskGroup
        with DAG('d'):
            with TaskGroup('outer'):
                with TaskGroup('flat', prefix_group_id=False):
                    EmptyOperator(task_id='t')
                    with TaskGroup('inner'):
                        EmptyOperator(task_id='u')
        """);
    assertEquals(List.of("t", "inner.u"), Dags.taskIds(dag));
    assertEquals(List.of("outer", "outer.flat", "inner"), dag.groups().stream().map(GroupDef::groupId).toList());
  }
}
