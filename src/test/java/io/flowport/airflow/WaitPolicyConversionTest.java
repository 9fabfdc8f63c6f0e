package io.flowport.airflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowport.catalog.Catalog;
import io.flowport.contract.Headers;
import io.flowport.convert.Conversion;
import io.flowport.ir.DagTask;
import io.flowport.ir.TaskDag;
import io.flowport.report.Code;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * EmrCreateJobFlowOperator's wait_policy, as the provider reads it (operators/emr.py,
 * WAITER_POLICY_NAME_MAPPING in utils/waiter.py, waiters/emr.json): WAIT_FOR_COMPLETION waits for
 * job_flow_waiting (WAITING, RUNNING or TERMINATED), WAIT_FOR_STEPS_COMPLETION for
 * job_flow_terminated (TERMINATED); a policy waits even with wait_for_completion=False.
 */
class WaitPolicyConversionTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String HEAD = """
      from datetime import datetime
      from airflow import DAG
      from airflow.providers.amazon.aws.operators.emr import EmrCreateJobFlowOperator
      from airflow.providers.amazon.aws.utils.waiter import WaitPolicy

      with DAG("wp", schedule=None, start_date=datetime(2025, 1, 1)):
      """;

  static DagTask convert(String task) throws Exception {
    Conversion c = new AirflowConverter(Catalog.builtIn()).convert(Path.of("wp.py"), HEAD + "    " + task + "\n").get(0);
    return ((TaskDag) c.workflow().body()).tasks().get(0);
  }

  /** The states the wait's success acceptor accepts, or null when the task does not wait. */
  static String successStates(DagTask t) throws Exception {
    if (t.work().waitLoop() == null) {
      return null;
    }
    JsonNode acceptors = JSON.readTree(t.work().waitLoop().poll().headers().get(Headers.ACCEPTORS));
    for (JsonNode a : acceptors) {
      if (a.path("state").asText().equals("success")) {
        return a.get("expected").toString();
      }
    }
    throw new AssertionError("no success acceptor in " + acceptors);
  }

  @Test
  void stepsCompletionWaitsUntilTheClusterTerminated() throws Exception {
    DagTask t = convert("EmrCreateJobFlowOperator(task_id='c', job_flow_overrides={}, wait_policy=WaitPolicy.WAIT_FOR_STEPS_COMPLETION)");
    assertThat(successStates(t)).isEqualTo("\"TERMINATED\"");
    assertThat(t.work().waitLoop().poll().jobType()).isEqualTo("flowport.emr.DescribeCluster");
  }

  @Test
  void completionWaitsUntilTheClusterRunsOrWaits() throws Exception {
    assertThat(successStates(convert("EmrCreateJobFlowOperator(task_id='c', wait_policy=WaitPolicy.WAIT_FOR_COMPLETION)")))
        .isEqualTo("[\"WAITING\",\"RUNNING\",\"TERMINATED\"]");
    // The enum is a str Enum: its string value picks the same waiter.
    assertThat(successStates(convert("EmrCreateJobFlowOperator(task_id='c', wait_policy='wait_for_steps_completion')")))
        .isEqualTo("\"TERMINATED\"");
  }

  @Test
  void withoutAPolicyWaitForCompletionDecides() throws Exception {
    assertThat(successStates(convert("EmrCreateJobFlowOperator(task_id='c', wait_policy=None)"))).isNull();
    assertThat(successStates(convert("EmrCreateJobFlowOperator(task_id='c')"))).isNull();
    assertThat(successStates(convert("EmrCreateJobFlowOperator(task_id='c', wait_policy=None, wait_for_completion=True)")))
        .isEqualTo("[\"WAITING\",\"RUNNING\",\"TERMINATED\"]");
  }

  @Test
  void aPolicyWithWaitForCompletionFalseStillWaitsAndIsWarnedAbout() throws Exception {
    String task = "EmrCreateJobFlowOperator(task_id='c', wait_for_completion=False, wait_policy=WaitPolicy.WAIT_FOR_STEPS_COMPLETION)";
    assertThat(successStates(convert(task))).isEqualTo("\"TERMINATED\"");
    Conversion c = new AirflowConverter(Catalog.builtIn()).convert(Path.of("wp.py"), HEAD + "    " + task + "\n").get(0);
    assertThat(c.report().findings()).filteredOn(f -> f.code() == Code.AIRFLOW_DEPRECATED_ARGS).singleElement().satisfies(f -> {
      assertThat(f.location().line()).isEqualTo(7);
      assertThat(f.location().column()).isEqualTo(43); // 4 spaces, then 25 + 13 characters before wait_for_completion
      assertThat(f.text()).contains("still waits");
    });
  }
}
