package io.flowport.airflow.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.airflow.parse.PyValue.*;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading dynamic task mapping: each form Airflow accepts, and each form flowport refuses, at its line. */
class MappingParseTest {

  private static final String HEAD = """
      from datetime import datetime
      from airflow.decorators import dag, task, task_group
      from airflow.providers.amazon.aws.operators.emr import EmrAddStepsOperator

      @task
      def files():
          return ["a", "b"]

      @task
      def add(x, y=0):
          return x + y

      """;

  private static DagDef dag(String body) {
    return Dags.onlyDag(HEAD + "@dag(dag_id='d', start_date=datetime(2024, 1, 1))\ndef d():\n" + body.indent(4) + "\nd()\n");
  }

  private static Expansion expansion(DagDef dag, String taskId) {
    return dag.task(taskId).orElseThrow().expansion();
  }

  @Test
  void classicOperatorPartialExpandOverALiteralList() {
    DagDef dag = dag("""
        EmrAddStepsOperator.partial(task_id="steps", job_flow_id="j-1").expand(
            steps=[[{"Name": "a"}], [{"Name": "b"}]])
        """);
    Expansion e = expansion(dag, "steps");
    assertThat(e.kind()).isEqualTo(Expansion.Kind.EXPAND);
    assertThat(e.taskflow()).isFalse();
    assertThat(e.args()).containsOnlyKeys("steps");
    assertThat(((PyList) e.args().get("steps").value()).items()).hasSize(2);
    // partial's arguments are the task's, shared by every instance.
    assertThat(Dags.kwarg(dag, "steps", "job_flow_id")).isEqualTo(new PyStr("j-1"));
    assertThat(e.location().line()).isEqualTo(15);
  }

  @Test
  void taskflowExpandOverAnUpstreamXComMakesItUpstream() {
    DagDef dag = dag("add.partial(y=1).expand(x=files())");
    Expansion e = expansion(dag, "add");
    assertThat(e.taskflow()).isTrue();
    assertThat(e.args().get("x").value()).isInstanceOf(PyXcom.class);
    assertThat(((PyXcom) e.args().get("x").value()).taskId()).isEqualTo("files");
    assertThat(Dags.edges(dag)).containsExactly("files>>add");
    assertThat(Dags.kwarg(dag, "add", "op_kwargs")).isEqualTo(new PyDict(java.util.Map.of(new PyStr("y"), PyInt.of(1))));
  }

  @Test
  void overrideThenExpandOverSeveralArgumentsAndADict() {
    DagDef dag = dag("""
        add.override(task_id="pairs").expand(x=[1, 2], y={"a": 1})
        """);
    Expansion e = expansion(dag, "pairs");
    assertThat(e.args()).containsOnlyKeys("x", "y");
    assertThat(e.args().get("y").value()).isInstanceOf(PyDict.class);
  }

  @Test
  void expandKwargsOverALiteralAndOverAnXCom() {
    DagDef dag = dag("""
        add.override(task_id="lit").expand_kwargs([{"x": 1}, {"x": 2, "y": 3}])
        f = files()
        add.override(task_id="up").expand_kwargs(f)
        EmrAddStepsOperator.partial(task_id="steps").expand_kwargs(f)
        """);
    assertThat(expansion(dag, "lit").kind()).isEqualTo(Expansion.Kind.EXPAND_KWARGS);
    assertThat(((PyList) expansion(dag, "lit").args().get("").value()).items()).hasSize(2);
    assertThat(expansion(dag, "up").args().get("").value()).isInstanceOf(PyXcom.class);
    assertThat(expansion(dag, "steps").taskflow()).isFalse();
    assertThat(Dags.edges(dag)).containsExactly("files>>up", "files>>steps");
  }

  @Test
  void aMappedTaskflowResultIsAnXComArgForTheDownstreamTask() {
    DagDef dag = dag("""
        sizes = add.expand(x=[1, 2])
        add.override(task_id="total")(sizes)
        """);
    assertThat(Dags.edges(dag)).containsExactly("add>>total");
  }

  @Test
  void anOperatorOutputIsMappedOver() {
    DagDef dag = dag("""
        up = EmrAddStepsOperator(task_id="up", job_flow_id="j-1", steps=[])
        add.expand(x=up.output)
        """);
    assertThat(((PyXcom) expansion(dag, "add").args().get("x").value()).taskId()).isEqualTo("up");
  }

  /** Each form flowport does not convert is an error at its line (the conversion stops there). */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "xcom-map|add.expand(x=files().map(lambda f: f.upper()))|1",
      "xcom-zip|add.expand(x=files().zip([1, 2]))|1",
      "xcom-concat|add.expand(x=files().concat([1]))|1",
      "expand-positional|add.expand([1, 2])|1",
      "expand-empty|add.expand()|1",
      "mapped-type|add.expand(x='abc')|1",
      "mapped-type|add.expand(x=(1, 2))|1",
      "mapped-type|add.expand_kwargs([1, 2])|1",
      "mapped-nested-xcom|add.expand(x=[files(), 2])|1",
      "mapped-xcom-key|add.expand(x=EmrAddStepsOperator(task_id='u', steps=[]).output['k'])|1",
      "mapped-dynamic|add.expand(x=undefined_list)|1",
      "expand-kwargs-arguments|add.expand_kwargs([{'x': 1}], [{'x': 2}])|1",
  })
  void unsupportedFormsAreErrorsAtTheirLine(String id, String code, int lineInBody) {
    DagFile file = Dags.parse(HEAD + "@dag(dag_id='d', start_date=datetime(2024, 1, 1))\ndef d():\n    x = 1\n    "
        + code + "\n\nd()\n");
    List<Finding> errors = file.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
    // One error, the form's own, which the conversion stops at.
    assertThat(errors).as(file.findings().toString()).singleElement().satisfies(f -> {
      assertThat(f.id()).isEqualTo(id);
      assertThat(f.location().line()).isEqualTo(15 + lineInBody);
    });
  }

  @Test
  void aMappedTaskGroupIsRefusedAtItsLine() {
    DagFile file = Dags.parse(HEAD + """
        @task_group
        def per_file(f):
            add(f)

        @dag(dag_id='d', start_date=datetime(2024, 1, 1))
        def d():
            per_file.expand(f=["a", "b"])

        d()
        """);
    assertThat(file.findings()).anySatisfy(f -> {
      assertThat(f.id()).isEqualTo("mapped-task-group");
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.location().line()).isEqualTo(19);
    });
  }
}
