package io.flowport.airflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.flowport.bpmn.BpmnGenerator;
import io.flowport.bpmn.HappensBefore;
import io.flowport.convert.Conversion;
import io.flowport.ir.DagTask;
import io.flowport.ir.TaskDag;
import io.flowport.report.Code;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The dependency and TaskGroup corpus: task ids as Airflow dots them, the dependencies Airflow
 * sets, and a BPMN whose order between tasks is exactly the DAG's dependency closure.
 */
class CorpusConversionTest {

  static final Path CORPUS = Path.of("src/test/resources/airflow/corpus");

  static Stream<Path> files() throws IOException {
    return Files.list(CORPUS).filter(f -> f.toString().endsWith(".py")).sorted();
  }

  private static Conversion convert(String name) throws IOException {
    return ReferenceDagConversionTest.convert(CORPUS.resolve(name));
  }

  private static TaskDag dag(String name) throws IOException {
    return (TaskDag) convert(name).workflow().body();
  }

  private static List<String> ids(TaskDag dag) {
    return dag.tasks().stream().map(DagTask::taskId).toList();
  }

  private static List<String> edges(TaskDag dag) {
    return dag.edges().stream().map(e -> e.upstream() + ">>" + e.downstream()).toList();
  }

  @ParameterizedTest
  @MethodSource("files")
  void bpmnOrdersTasksExactlyAsTheDependencyClosure(Path file) throws IOException {
    Conversion c = ReferenceDagConversionTest.convert(file);
    TaskDag dag = (TaskDag) c.workflow().body();
    BpmnModelInstance model = new BpmnGenerator().generate(c.workflow());
    assertThat(HappensBefore.of(model, ids(dag))).isEqualTo(HappensBefore.closure(dag.edges()));
  }

  @Test
  void chainLinksListsPairwiseAndOutputMakesTheCreatorUpstream() throws IOException {
    TaskDag dag = dag("chain_lists.py");
    assertThat(ids(dag)).containsExactly("begin", "create_sales", "create_stock", "watch_sales", "watch_stock",
        "stop_sales", "stop_stock", "done");
    assertThat(edges(dag)).containsExactlyInAnyOrder("create_sales>>watch_sales", "create_stock>>watch_stock",
        "create_sales>>stop_sales", "create_stock>>stop_stock", "begin>>create_sales", "begin>>create_stock",
        "watch_sales>>stop_sales", "watch_stock>>stop_stock", "stop_sales>>done", "stop_stock>>done");
  }

  @Test
  void crossDownstreamAndChainLinearLinkEveryPair() throws IOException {
    assertThat(edges(dag("cross_downstream.py"))).hasSize(2 + 6 + 3).contains("extract_customers>>load_cache",
        "load_lake>>publish");
    assertThat(edges(dag("chain_linear.py"))).hasSize(2 + 6 + 3).contains("transform_2>>insert_1", "insert_3>>finish");
  }

  @Test
  void nestedGroupsAreNestedSubprocessesNamedAfterTheirGroups() throws IOException {
    Conversion c = convert("nested_groups.py");
    TaskDag dag = (TaskDag) c.workflow().body();
    assertThat(ids(dag)).containsExactly("start", "ingest.create_cluster", "ingest.raw.orders", "ingest.raw.items",
        "ingest.cluster_up", "report.daily", "report.weekly", "stop_cluster");
    assertThat(edges(dag)).contains("start>>ingest.create_cluster", "ingest.raw.orders>>report.daily",
        "ingest.raw.items>>report.daily", "report.weekly>>stop_cluster", "ingest.create_cluster>>stop_cluster");
    assertThat(dag.groups()).extracting(TaskDag.Group::groupId, TaskDag.Group::parentId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("ingest", null),
            org.assertj.core.groups.Tuple.tuple("ingest.raw", "ingest"),
            org.assertj.core.groups.Tuple.tuple("report", null));
    BpmnModelInstance model = new BpmnGenerator().generate(c.workflow());
    SubProcess raw = (SubProcess) model.getModelElementById("ingest.raw");
    assertThat(raw.getName()).isEqualTo("Raw");
    assertThat(((SubProcess) model.getModelElementById("ingest.cluster_up")).getName()).isEqualTo("Cluster up");
    assertThat(((SubProcess) raw.getParentElement()).getName()).isEqualTo("Ingest");
    assertThat(raw.getChildElementsByType(FlowNode.class).stream().map(HappensBefore::sourceOf))
        .contains("ingest.raw.orders", "ingest.raw.items", "ingest.raw");
  }

  @Test
  void prefixGroupIdOffKeepsTaskIdsAndAGroupInsideItPrefixesOnlyItself() throws IOException {
    TaskDag dag = dag("prefix_off.py");
    assertThat(ids(dag)).containsExactly("begin", "copy_files", "checks.row_count", "checks.null_count",
        "publish.swap_tables");
    assertThat(dag.groups()).extracting(TaskDag.Group::groupId).containsExactly("staging", "checks", "publish");
  }

  @Test
  void groupDefaultArgsLayOverTheDagsAndUnderTheTasks() throws IOException {
    TaskDag dag = dag("group_failure.py");
    assertThat(ReferenceDagConversionTest.task(dag, "cluster.ready").retries()).isEqualTo(1);
    assertThat(ReferenceDagConversionTest.task(dag, "cluster.ready").retryDelay()).hasMinutes(1);
    assertThat(ReferenceDagConversionTest.task(dag, "cluster.create").retries()).isZero();
    assertThat(ReferenceDagConversionTest.task(dag, "alert").retries()).isZero();
    TaskDag decorated = dag("task_group_decorator.py");
    assertThat(ids(decorated)).containsExactly("start", "end", "load.stage", "load.merge", "load__1.stage", "load__1.merge");
    assertThat(edges(decorated)).contains("load.merge>>load__1.stage", "start>>load.stage", "load__1.merge>>end");
    assertThat(ReferenceDagConversionTest.task(decorated, "load__1.merge").retries()).isEqualTo(2);
  }

  @Test
  void groupsOnEitherSideStandForTheirLeavesAndRoots() throws IOException {
    assertThat(edges(dag("group_edges.py"))).containsExactlyInAnyOrder("right.c>>right.d", "start>>left.a", "start>>left.b", "start>>right.c",
        "left.a>>join", "left.b>>join", "right.d>>join", "join>>tail.e", "start>>tail.e");
  }

  @Test
  void xcomArgInATemplatedFieldIsPulledFromTheCreator() throws IOException {
    TaskDag dag = dag("xcom_output.py");
    assertThat(edges(dag)).containsExactlyInAnyOrder("create_job_flow>>check_job_flow", "create_job_flow>>remove_cluster",
        "check_job_flow>>remove_cluster");
    String args = ReferenceDagConversionTest.task(dag, "check_job_flow").work().waitLoop().poll().headers()
        .get(io.flowport.contract.Headers.AIRFLOW_ARGS);
    assertThat(args).contains("\"job_flow_id\":\"{{ ti.xcom_pull(task_ids='create_job_flow') }}\"");
  }

  @Test
  void dagParamsReachEveryTasksTemplatesAndTaskParamsOverrideThem() throws IOException {
    TaskDag dag = dag("branch_on_params.py");
    assertThat(ReferenceDagConversionTest.task(dag, "incremental_load").work().start().headers()
        .get(io.flowport.contract.Headers.AIRFLOW_PARAMS)).isEqualTo("{\"mode\":\"incremental\",\"table\":\"orders\"}");
    TaskDag jinja = dag("jinja_templates.py");
    assertThat(ReferenceDagConversionTest.task(jinja, "watch").work().waitLoop().poll().headers()
        .get(io.flowport.contract.Headers.AIRFLOW_PARAMS)).isEqualTo("{\"bucket\":\"company-data\",\"env\":\"prod\"}");

    Path file = Files.createTempFile("task_params", ".py");
    Files.writeString(file, """
        from datetime import datetime
        from airflow import DAG
        from airflow.operators.bash import BashOperator
        with DAG("task_params", schedule=None, start_date=datetime(2024, 1, 1), params={"env": "prod", "days": 1}):
            BashOperator(task_id="a", bash_command="echo {{ params.env }}", params={"env": "test"})
        """);
    TaskDag own = (TaskDag) ReferenceDagConversionTest.convert(file).workflow().body();
    Files.delete(file);
    assertThat(ReferenceDagConversionTest.task(own, "a").work().start().headers().get(io.flowport.contract.Headers.AIRFLOW_PARAMS))
        .isEqualTo("{\"env\":\"test\",\"days\":1}");
  }

  @Test
  void aGroupThatTasksLeaveAndReenterIsFlattenedAndReported() throws IOException {
    Conversion c = convert("flattened_group.py");
    assertThat(((TaskDag) c.workflow().body()).groups()).isEmpty();
    assertThat(c.report().findings()).anySatisfy(f -> {
      assertThat(f.code()).isEqualTo(Code.AIRFLOW_GROUP_FLATTENED);
      assertThat(f.text()).contains("'g.first' leads out of it to 'outside', which leads back into it to 'g.last'");
    });
  }

  @Test
  void aGroupWhoseTasksHaveDifferentUpstreamsWaitsForAllOfThemAndSaysSo() throws IOException {
    Conversion c = convert("review/task_into_group.py");
    TaskDag dag = (TaskDag) c.workflow().body();
    assertThat(dag.groups()).hasSize(1);
    BpmnModelInstance model = new BpmnGenerator().generate(c.workflow());
    java.util.Set<String> order = new java.util.TreeSet<>(HappensBefore.of(model, ids(dag)));
    assertThat(order).containsAll(HappensBefore.closure(dag.edges()));
    order.removeAll(HappensBefore.closure(dag.edges()));
    assertThat(order).containsExactly("lookup>>load.dims");
    assertThat(c.report().findings()).anySatisfy(f -> {
      assertThat(f.code()).isEqualTo(Code.AIRFLOW_GROUP_TIMING);
      assertThat(f.text()).contains("'load.dims' waits for 'lookup', which is upstream of 'load.facts' only");
    });
  }
}
