package io.flowport.airflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowport.convert.Conversion;
import io.flowport.diag.BadInputException;
import io.flowport.ir.DagTask;
import io.flowport.ir.TaskDag;
import io.flowport.report.Code;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.junit.jupiter.api.Test;

/**
 * A mapped task's instances: its FEEL list of mapped arguments, evaluated by Zeebe's FEEL engine,
 * against Airflow's expansion written out by hand (cross product with the last argument varying
 * fastest, a dict as its (key, value) pairs, expand_kwargs one dict per instance).
 */
class MappedTaskTest {

  private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();

  private static String dag(String body) {
    return """
        from datetime import datetime
        from airflow.decorators import dag, task
        from airflow.operators.python import BranchPythonOperator

        @task
        def files():
            return ["a", "b"]

        @task
        def add(x, y=0):
            return x + y

        @dag(dag_id='d', start_date=datetime(2024, 1, 1))
        def d():
        %s

        d()
        """.formatted(body.indent(4).stripTrailing());
  }

  private static Conversion convert(String body) {
    return DagArgumentsTest.convert(dag(body));
  }

  private static DagTask task(Conversion c, String id) {
    return ((TaskDag) c.workflow().body()).tasks().stream().filter(t -> t.taskId().equals(id)).findFirst().orElseThrow();
  }

  private static Object instances(String body, String id, Map<String, Object> vars) {
    String items = task(convert(body), id).mapping().items();
    EvaluationResult r = FEEL.evaluateExpression(items, vars);
    assertThat(r.isSuccess()).as(items + ": " + (r.isSuccess() ? "" : r.failure().message())).isTrue();
    return r.result();
  }

  @Test
  void severalArgumentsMapOverTheirCrossProductLastOneFastest() {
    // Airflow's docs: add.expand(x=[2, 4, 8], y=[5, 10]) runs 2+5, 2+10, 4+5, 4+10, 8+5, 8+10.
    assertThat(instances("add.expand(x=[2, 4, 8], y=[5, 10])", "add", Map.of())).isEqualTo(List.of(
        Map.of("x", 2L, "y", 5L), Map.of("x", 2L, "y", 10L), Map.of("x", 4L, "y", 5L), Map.of("x", 4L, "y", 10L),
        Map.of("x", 8L, "y", 5L), Map.of("x", 8L, "y", 10L)));
  }

  @Test
  void aDictMapsOverItsKeyValuePairs() {
    assertThat(instances("add.expand(x={'a': 1, 'b': 2})", "add", Map.of())).isEqualTo(List.of(
        Map.of("x", List.of("a", 1L)), Map.of("x", List.of("b", 2L))));
  }

  @Test
  void anUpstreamXComIsMappedOverWhenTheTaskStarts() {
    Map<String, Object> vars = new HashMap<>();
    vars.put("xcom_files", List.of("a.csv", "b.csv"));
    assertThat(instances("add.expand(x=files())", "add", vars)).isEqualTo(List.of(Map.of("x", "a.csv"), Map.of("x", "b.csv")));
    vars.put("xcom_files", Map.of("k", 1L));
    assertThat(instances("add.expand(x=files())", "add", vars)).isEqualTo(List.of(Map.of("x", List.of("k", 1L))));
    // Nothing to map (and a None XCom, FP421): no instance, the task is skipped.
    vars.put("xcom_files", List.of());
    assertThat(instances("add.expand(x=files())", "add", vars)).isEqualTo(List.of());
    vars.put("xcom_files", null);
    assertThat(instances("add.expand(x=files())", "add", vars)).isEqualTo(List.of());
  }

  @Test
  void expandKwargsGivesEachInstanceItsDict() {
    assertThat(instances("add.expand_kwargs([{'x': 1}, {'x': 2, 'y': 3}])", "add", Map.of())).isEqualTo(List.of(
        Map.of("x", 1L), Map.of("x", 2L, "y", 3L)));
    Map<String, Object> vars = new HashMap<>();
    vars.put("xcom_files", List.of(Map.of("x", 5L)));
    assertThat(instances("add.expand_kwargs(files())", "add", vars)).isEqualTo(List.of(Map.of("x", 5L)));
  }

  @Test
  void concurrencyLimitsAndMapIndexTemplateAreReported() {
    Conversion c = convert("add.override(max_active_tis_per_dagrun=2, map_index_template='{{ x }}').expand(x=[1])");
    assertThat(c.report().findings()).extracting(f -> f.code())
        .contains(Code.AIRFLOW_MAPPED, Code.AIRFLOW_MAPPED_CONCURRENCY, Code.AIRFLOW_MAP_INDEX_TEMPLATE);
    assertThat(convert("add.expand(x=files())").report().findings()).extracting(f -> f.code()).contains(Code.AIRFLOW_MAPPED_XCOM);
    assertThat(task(convert("add(1)"), "add").mapping()).isNull();
  }

  @Test
  void aMappedBranchIsRefusedAtItsLine() {
    assertThatThrownBy(() -> convert("BranchPythonOperator.partial(task_id='b', python_callable=files).expand(op_args=[[1]])"))
        .isInstanceOf(BadInputException.class).hasMessageContaining("dag.py:15").hasMessageContaining("mapped BranchPythonOperator");
  }

  @Test
  void aMappedProducersXComIsAList() {
    String source = """
        from datetime import datetime
        from airflow import DAG
        from airflow.providers.amazon.aws.operators.emr import EmrCreateJobFlowOperator, EmrTerminateJobFlowOperator

        with DAG('d', schedule=None, start_date=datetime(2024, 1, 1)) as dag:
            create = EmrCreateJobFlowOperator.partial(task_id='create').expand(job_flow_overrides=[{'Name': 'a'}, {'Name': 'b'}])
            first = EmrTerminateJobFlowOperator(task_id='first', job_flow_id="{{ ti.xcom_pull(task_ids='create')[0] }}")
            all = EmrTerminateJobFlowOperator(task_id='all', job_flow_id=create.output)
        """;
    // Indexing the list is fine (no FP for a str XCom); passing the list where a str goes is refused.
    assertThatThrownBy(() -> DagArgumentsTest.convert(source)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("dag.py:8").hasMessageContaining("task 'create' is mapped");
    Conversion c = DagArgumentsTest.convert(source.replace("    all = EmrTerminateJobFlowOperator(task_id='all', job_flow_id=create.output)\n", ""));
    assertThat(c.report().findings()).noneMatch(f -> "first".equals(f.element()) && f.code() == Code.AIRFLOW_XCOM_SHAPE);
  }
}
