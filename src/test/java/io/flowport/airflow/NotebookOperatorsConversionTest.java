package io.flowport.airflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowport.catalog.Catalog;
import io.flowport.contract.Headers;
import io.flowport.convert.Conversion;
import io.flowport.diag.BadInputException;
import io.flowport.ir.DagTask;
import io.flowport.ir.TaskDag;
import io.flowport.report.Code;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * EmrModifyClusterOperator, the notebook execution operators and EmrNotebookExecutionSensor: the
 * calls and waits the provider's code makes (operators/emr.py, sensors/emr.py, waiters/emr.json).
 */
class NotebookOperatorsConversionTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String HEAD = """
      from datetime import datetime
      from airflow import DAG
      from airflow.providers.amazon.aws.operators.emr import (
          EmrStartNotebookExecutionOperator, EmrStopNotebookExecutionOperator)
      from airflow.providers.amazon.aws.operators.emr_modify_cluster import EmrModifyClusterOperator
      from airflow.providers.amazon.aws.sensors.emr import EmrNotebookExecutionSensor

      """;

  static Conversion convert(String body) throws Exception {
    List<Conversion> all = new AirflowConverter(Catalog.builtIn()).convert(Path.of("nb.py"), HEAD + body);
    return all.get(0);
  }

  static DagTask task(Conversion c, String id) {
    return ((TaskDag) c.workflow().body()).tasks().stream().filter(t -> t.taskId().equals(id)).findFirst().orElseThrow();
  }

  static JsonNode header(io.flowport.ir.Call call, String name) throws Exception {
    return JSON.readTree(call.headers().get(name));
  }

  @Test
  void modifyClusterThroughTheOldModulePathReturnsTheLevelAsXcom() throws Exception {
    Conversion c = convert("""
        with DAG("nb", schedule=None, start_date=datetime(2024, 1, 1)):
            EmrModifyClusterOperator(task_id="scale", cluster_id="j-1", step_concurrency_level=4)
        """);
    var call = task(c, "scale").work().start();
    assertThat(call.jobType()).isEqualTo("flowport.emr.ModifyCluster");
    assertThat(header(call, Headers.AIRFLOW_XCOM).asText()).isEqualTo("$.StepConcurrencyLevel");
    assertThat(header(call, Headers.AIRFLOW_TEMPLATED).toString())
        .isEqualTo("[\"cluster_id\",\"step_concurrency_level\"]");
    assertThat(c.report().findings()).noneMatch(f -> f.code() == Code.AIRFLOW_UNKNOWN_OPERATOR);
  }

  @Test
  void theSensorPollsDescribeNotebookExecutionUntilFinishedAndFailsOnFailedByDefault() throws Exception {
    Conversion c = convert("""
        with DAG("nb", schedule=None, start_date=datetime(2024, 1, 1)):
            EmrNotebookExecutionSensor(task_id="watch", notebook_execution_id="ex-1", poke_interval=30)
        """);
    var wait = task(c, "watch").work().waitLoop();
    assertThat(wait.poll().jobType()).isEqualTo("flowport.emr.DescribeNotebookExecution");
    assertThat(wait.interval()).hasSeconds(30);
    JsonNode acceptors = header(wait.poll(), Headers.ACCEPTORS);
    assertThat(acceptors.get(0).get("expected").toString()).isEqualTo("[\"FINISHED\"]");
    assertThat(acceptors.get(0).get("state").asText()).isEqualTo("success");
    assertThat(acceptors.get(1).get("expected").toString()).isEqualTo("[\"FAILED\"]");
    assertThat(header(wait.poll(), Headers.FAILURE).get("cause").asText())
        .isEqualTo("EMR job failed: {NotebookExecution.LastStateChangeReason}");
    assertThat(c.report().findings()).anyMatch(f -> f.code() == Code.EMR_UNTRACKED_WAIT && "watch".equals(f.element()));
    assertThat(c.report().findings()).noneMatch(f -> f.code() == Code.EMR_TRACKED_WAIT);
  }

  @Test
  void startWaitsForRunningOnlyWhenAskedAndBoundsThePollsByWaiterMaxAttempts() throws Exception {
    Conversion c = convert("""
        with DAG("nb", schedule=None, start_date=datetime(2024, 1, 1)):
            EmrStartNotebookExecutionOperator(task_id="plain", editor_id="e-1", relative_path="a.ipynb",
                cluster_id="j-1", service_role="role", notebook_execution_name="daily")
            EmrStartNotebookExecutionOperator(task_id="waits", editor_id="e-1", relative_path="a.ipynb",
                cluster_id="j-1", service_role="role", wait_for_completion=True, waiter_delay=20, waiter_max_attempts=5)
        """);
    var plain = task(c, "plain").work();
    assertThat(plain.start().jobType()).isEqualTo("flowport.emr.StartNotebookExecution");
    assertThat(plain.waitLoop()).isNull();
    JsonNode request = header(plain.start(), Headers.REQUEST);
    assertThat(request.get("ExecutionEngine").get("Type").asText()).isEqualTo("EMR");
    assertThat(request.get("ExecutionEngine").get("Id.$").asText()).isEqualTo("$.cluster_id");
    JsonNode args = header(plain.start(), Headers.AIRFLOW_ARGS);
    // The operator sends "" and [] for what is not given.
    assertThat(args.get("notebook_params").asText()).isEmpty();
    assertThat(args.get("tags").isArray()).isTrue();

    var waits = task(c, "waits").work();
    var poll = waits.waitLoop().poll();
    assertThat(poll.jobType()).isEqualTo("flowport.emr.DescribeNotebookExecution");
    assertThat(waits.waitLoop().interval()).hasSeconds(20);
    assertThat(header(poll, Headers.ACCEPTORS).get(0).get("expected").toString()).isEqualTo("[\"RUNNING\",\"FINISHED\"]");
    // Airflow's first poll is at once, flowport's after one delay: one poll less ends at the same time.
    assertThat(poll.headers().get(Headers.MAX_POLLS)).isEqualTo("4");
    assertThat(header(poll, Headers.EXHAUSTED).get("cause").asText()).isEqualTo("Waiter notebook_running failed: Max attempts exceeded");

    assertThat(c.report().findings()).filteredOn(f -> f.code() == Code.AIRFLOW_GENERATED_VALUE)
        .singleElement().satisfies(f -> {
          assertThat(f.element()).isEqualTo("waits");
          assertThat(f.text()).contains("notebook_execution_name", "emr_notebook_<uuid4>");
        });
  }

  @Test
  void defaultArgsGiveRequiredArgumentsAsInAirflow() throws Exception {
    Conversion c = convert("""
        with DAG("nb", schedule=None, start_date=datetime(2024, 1, 1),
                 default_args={"notebook_execution_id": "ex-1"}):
            EmrStopNotebookExecutionOperator(task_id="stop")
        """);
    assertThat(task(c, "stop").work().start().jobType()).isEqualTo("flowport.emr.StopNotebookExecution");
  }

  @Test
  void aMissingRequiredArgumentIsRefusedAtTheTask() {
    assertThatThrownBy(() -> convert("""
        with DAG("nb", schedule=None, start_date=datetime(2024, 1, 1)):
            EmrStopNotebookExecutionOperator(task_id="stop", wait_for_completion=True)
        """))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("EmrStopNotebookExecutionOperator of task 'stop': missing keyword argument 'notebook_execution_id'")
        .satisfies(e -> assertThat(((BadInputException) e).location().line()).isEqualTo(9));
  }

  @Test
  void pullingTheClusterIdKeyModifyClusterPushesIsReported() throws Exception {
    Conversion c = convert("""
        with DAG("nb", schedule=None, start_date=datetime(2024, 1, 1)):
            scale = EmrModifyClusterOperator(task_id="scale", cluster_id="j-1", step_concurrency_level=2)
            stop = EmrStopNotebookExecutionOperator(task_id="stop",
                notebook_execution_id="{{ ti.xcom_pull(task_ids='scale', key='cluster_id') }}")
            same = EmrStopNotebookExecutionOperator(task_id="same",
                notebook_execution_id="{{ ti.xcom_pull(task_ids='scale', key='return_value') }}")
            scale >> [stop, same]
        """);
    assertThat(c.report().findings()).filteredOn(f -> f.code() == Code.AIRFLOW_XCOM_KEY_NOT_KEPT)
        .singleElement().satisfies(f -> {
          assertThat(f.element()).isEqualTo("stop");
          assertThat(f.text()).contains("key 'cluster_id' of 'scale'", "EmrModifyClusterOperator", "renders None");
        });
  }

  @Test
  void falsyArgumentsTakeTheDefaultAsTheOperatorsOrDoes() throws Exception {
    Conversion c = convert("""
        with DAG("nb", schedule=None, start_date=datetime(2024, 1, 1)):
            EmrNotebookExecutionSensor(task_id="watch", notebook_execution_id="ex-1", target_states=[], failed_states=None)
            EmrStartNotebookExecutionOperator(task_id="start", editor_id="e-1", relative_path="a.ipynb",
                cluster_id="j-1", service_role="role", notebook_execution_name="n", notebook_params=None,
                tags=None, wait_for_completion=True, waiter_delay=None, waiter_max_attempts=0)
        """);
    JsonNode acceptors = header(task(c, "watch").work().waitLoop().poll(), Headers.ACCEPTORS);
    assertThat(acceptors.get(0).get("expected").toString()).isEqualTo("[\"FINISHED\"]");
    assertThat(acceptors.get(1).get("expected").toString()).isEqualTo("[\"FAILED\"]");
    var start = task(c, "start").work();
    JsonNode args = header(start.start(), Headers.AIRFLOW_ARGS);
    assertThat(args.get("notebook_params").asText()).isEmpty();
    assertThat(args.get("notebook_params").isTextual()).isTrue();
    assertThat(args.get("tags").isArray()).isTrue();
    assertThat(start.waitLoop().interval()).hasSeconds(60);
    assertThat(start.waitLoop().poll().headers().get(Headers.MAX_POLLS)).isEqualTo("24");
  }
}
