package io.flowport.airflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowport.contract.Headers;
import io.flowport.convert.Conversion;
import io.flowport.ir.Call;
import io.flowport.ir.DagTask;
import io.flowport.ir.TaskDag;
import io.flowport.report.Code;
import io.flowport.report.Finding;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Tasks whose work is the user's code: job types per the catalog, the code's place, and what to write. */
class UserCodeConversionTest {

  static final Path DAG = CorpusConversionTest.CORPUS.resolve("python_tasks.py");

  static Map<String, Call> calls(Conversion c) {
    return ((TaskDag) c.workflow().body()).tasks().stream().filter(t -> t.work() != null)
        .collect(Collectors.toMap(DagTask::taskId, t -> t.work().start()));
  }

  @Test
  void pythonAndBashTasksGetAJobTypePerTaskAndUnknownOperatorsOnePerClass() throws Exception {
    Map<String, Call> calls = calls(ReferenceDagConversionTest.convert(DAG));
    assertThat(calls.get("overrides").jobType()).isEqualTo("airflow.python.python_tasks.overrides");
    assertThat(calls.get("extract").jobType()).isEqualTo("airflow.python.python_tasks.extract");
    assertThat(calls.get("count_rows").jobType()).isEqualTo("airflow.python.python_tasks.count_rows");
    assertThat(calls.get("report").jobType()).isEqualTo("airflow.bash.python_tasks.report");
    assertThat(calls.get("notify").jobType()).isEqualTo("airflow.operator.SlackWebhookOperator");
    assertThat(calls.get("create_cluster").jobType()).isEqualTo("flowport.emr.RunJobFlow");
  }

  @Test
  void headersSayWhereTheCodeIsAndWhereXComArgsGo() throws Exception {
    Map<String, Call> calls = calls(ReferenceDagConversionTest.convert(DAG));
    Map<String, String> overrides = calls.get("overrides").headers();
    assertThat(overrides).containsEntry(Headers.AIRFLOW_CODE, "python_tasks.py:23")
        .containsEntry(Headers.AIRFLOW_CALLABLE, "build_overrides")
        .containsEntry(Headers.AIRFLOW_ARGS, "{\"op_kwargs\":{\"env\":\"prod\"}}")
        .containsEntry(Headers.AIRFLOW_XCOM, "\"$\"");
    // @task: the def's line; the XComArg of extract() is filled in at run time, not rendered as a str.
    Map<String, String> count = calls.get("count_rows").headers();
    assertThat(count).containsEntry(Headers.AIRFLOW_CODE, "python_tasks.py:33")
        .containsEntry(Headers.AIRFLOW_CALLABLE, "transform")
        .containsEntry(Headers.AIRFLOW_ARGS, "{\"op_args\":[null],\"op_kwargs\":{\"factor\":2}}")
        .containsEntry(Headers.AIRFLOW_XCOM_ARGS, "{\"/op_args/0\":\"extract\"}");
    Map<String, String> report = calls.get("report").headers();
    assertThat(report).containsEntry(Headers.AIRFLOW_CODE, "python_tasks.py:41").doesNotContainKey(Headers.AIRFLOW_CALLABLE);
    assertThat(report.get(Headers.AIRFLOW_ARGS)).contains("\"bash_command\":\"echo {{ ds }}");
    assertThat(calls.get("notify").headers().get(Headers.AIRFLOW_ARGS))
        .isEqualTo("{\"slack_webhook_conn_id\":\"slack\",\"message\":\"done\"}");
  }

  @Test
  void theReportTellsWhichWorkerToWriteAtTheCodesLine() throws Exception {
    List<Finding> findings = ReferenceDagConversionTest.convert(DAG).report().findings();
    List<String> lines = findings.stream().filter(f -> f.code() == Code.AIRFLOW_OWN_WORKER || f.code() == Code.AIRFLOW_UNKNOWN_OPERATOR)
        .map(f -> f.location().line() + " " + f.element() + " " + f.code().severity()).toList();
    assertThat(lines).containsExactlyInAnyOrder("23 overrides TASK", "28 extract TASK", "33 count_rows TASK",
        "41 report TASK", "42 notify TASK");
    assertThat(findings).filteredOn(f -> "count_rows".equals(f.element()) && f.code() == Code.AIRFLOW_OWN_WORKER).singleElement()
        .satisfies(f -> assertThat(f.oneLine()).contains("runs the Python function transform at python_tasks.py:33")
            .contains("Fix: write a job worker for airflow.python.python_tasks.count_rows"));
    assertThat(findings).filteredOn(f -> "notify".equals(f.element())).singleElement()
        .satisfies(f -> assertThat(f.oneLine()).contains("SlackWebhookOperator is in no catalog"));
  }

  @Test
  void taskFlowOverrideKeepsTheDecoratorsRetries() throws Exception {
    TaskDag dag = (TaskDag) ReferenceDagConversionTest.convert(DAG).workflow().body();
    DagTask count = dag.tasks().stream().filter(t -> t.taskId().equals("count_rows")).findFirst().orElseThrow();
    assertThat(count.retries()).isEqualTo(2);
    assertThat(dag.edges()).contains(new TaskDag.Edge("extract", "count_rows"));
  }

  @Test
  void branchingOperatorsCarryTheirKindAndTheDagsTaskIdsForTheCheck() throws Exception {
    TaskDag branching = (TaskDag) ReferenceDagConversionTest.convert(CorpusConversionTest.CORPUS.resolve("branching.py")).workflow().body();
    Map<String, DagTask> byId = branching.tasks().stream().collect(Collectors.toMap(DagTask::taskId, t -> t));
    assertThat(byId.get("pick").branch()).isEqualTo(new DagTask.Branch(DagTask.Branch.Kind.BRANCH, false));
    assertThat(byId.get("route_report").branch().kind()).isEqualTo(DagTask.Branch.Kind.BRANCH);
    assertThat(byId.get("fast").branch()).isNull();
    assertThat(byId.get("pick").work().start().headers()).containsEntry(Headers.AIRFLOW_BRANCH, "branch")
        .containsEntry(Headers.AIRFLOW_DAG_TASK_IDS, "[\"start\",\"pick\",\"fast\",\"slow\",\"after_slow\",\"join\",\"mail\",\"chat\",\"page\",\"route_report\"]");

    TaskDag shortCircuit = (TaskDag) ReferenceDagConversionTest.convert(CorpusConversionTest.CORPUS.resolve("short_circuit.py")).workflow().body();
    Map<String, DagTask> sc = shortCircuit.tasks().stream().collect(Collectors.toMap(DagTask::taskId, t -> t));
    assertThat(sc.get("has_data").branch()).isEqualTo(new DagTask.Branch(DagTask.Branch.Kind.SHORT_CIRCUIT, true));
    assertThat(sc.get("gate").branch()).isEqualTo(new DagTask.Branch(DagTask.Branch.Kind.SHORT_CIRCUIT, false));
    // A lambda is its own worker: it is not an argument, and the report points at it.
    assertThat(sc.get("gate").work().start().headers()).containsEntry(Headers.AIRFLOW_CALLABLE, "lambda: False")
        .containsEntry(Headers.AIRFLOW_CODE, "short_circuit.py:26");
    // @task.bash: the function returns the command, so the Bash worker runs that function.
    assertThat(sc.get("list_archive").work().start().jobType()).isEqualTo("airflow.bash.short_circuit.list_archive");
    assertThat(sc.get("list_archive").work().start().headers()).containsEntry(Headers.AIRFLOW_CALLABLE, "list_archive")
        .containsEntry(Headers.AIRFLOW_CODE, "short_circuit.py:16");
  }
}
