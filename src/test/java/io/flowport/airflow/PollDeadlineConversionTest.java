package io.flowport.airflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import io.flowport.bpmn.BpmnGenerator;
import io.flowport.catalog.Catalog;
import io.flowport.contract.Headers;
import io.flowport.convert.Conversion;
import io.flowport.convert.Converters;
import io.flowport.report.Code;
import io.flowport.report.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator whose wait on a cluster counts polls (waiter_max_attempts × waiter_delay): tracked,
 * it polls on changes, so its polls become a deadline. Airflow's waiter polls right after the call
 * and then every waiter_delay: 5 attempts 30 s apart end 120 s after the call. flowport's first poll
 * comes one delay after the call, so the deadline is 90 s after the first poll.
 */
class PollDeadlineConversionTest {

  @TempDir
  Path tmp;

  @Test
  void waiterMaxAttemptsOnATrackedWaitBecomesADeadlineAfterTheFirstPoll() throws Exception {
    Path catalog = Files.writeString(tmp.resolve("ops.yaml"), """
        kind: airflow-operators
        waiters:
          cluster_up:
            api: DescribeCluster
            request: { "ClusterId.$": "$$.Xcom" }
            delay: 60
            acceptors:
              - { matcher: path, argument: Cluster.Status.State, expected: WAITING, state: success }
            failure: { error: AirflowException, cause: "cluster {Cluster.Status.State}" }
            exhausted: { error: AirflowException, cause: "Waiter error: max attempts reached" }
        operators:
          - operator: my_ops.CreateAndWaitOperator
            phases:
              - api: RunJobFlow
                request: "$.job_flow_overrides"
                wait: cluster_up
            waiterDelay: waiter_delay
            waiterAttempts: waiter_max_attempts
            xcom: "$.JobFlowId"
            returns: str
            defaults: { job_flow_overrides: {}, waiter_delay: 60, waiter_max_attempts: 25 }
        """);
    Path dag = Files.writeString(tmp.resolve("wait_dag.py"), """
        from datetime import datetime
        from airflow import DAG
        from my_ops import CreateAndWaitOperator

        with DAG("wait_dag", start_date=datetime(2026, 1, 1), schedule=None, catchup=False):
            create = CreateAndWaitOperator(task_id="create", job_flow_overrides={"Name": "c"}, waiter_delay=30, waiter_max_attempts=5)
        """);
    Conversion c = new Converters(Catalog.load(List.of(catalog))).convert(dag).get(0);

    Map<String, String> poll = headers(new BpmnGenerator().generate(c.workflow()), "flowport.emr.DescribeCluster");
    assertThat(poll).containsEntry(Headers.POLL_DEADLINE, "PT1M30S").containsEntry(Headers.MAX_POLLS, "4");
    assertThat(c.report().findings()).filteredOn(f -> f.code() == Code.EMR_POLLS_AS_DEADLINE).singleElement()
        .extracting(Finding::text).asString().contains("waiter_max_attempts 5 × waiter_delay 30 s became a deadline of 120 s after RunJobFlow");
    assertThat(c.report().findings()).extracting(Finding::code).contains(Code.EMR_TRACKED_WAIT);
  }

  private static Map<String, String> headers(BpmnModelInstance m, String jobType) {
    for (ServiceTask t : m.getModelElementsByType(ServiceTask.class)) {
      ZeebeTaskDefinition def = t.getExtensionElements().getElementsQuery().filterByType(ZeebeTaskDefinition.class).singleResult();
      if (def.getType().equals(jobType)) {
        Map<String, String> out = new HashMap<>();
        t.getExtensionElements().getElementsQuery().filterByType(ZeebeTaskHeaders.class).singleResult().getHeaders()
            .forEach((ZeebeHeader h) -> out.put(h.getKey(), h.getValue()));
        return out;
      }
    }
    throw new AssertionError("no task of type " + jobType);
  }
}
