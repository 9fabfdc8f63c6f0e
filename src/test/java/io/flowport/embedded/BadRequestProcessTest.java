package io.flowport.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import io.flowport.runtime.Mocks;
import io.flowport.simulator.SimulatorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reliability test 7d: an EMR request with an unknown field, a field of the wrong type or without
 * a required field fails the task with an error that names the field, which the source's own
 * failure handling sees (an ASL Catch, an Airflow task failure), never an incident. No cluster is
 * made.
 */
@ZeebeProcessTest
class BadRequestProcessTest {

  private ZeebeTestEngine engine;
  @TempDir Path dir;

  @Test
  void eachBadRequestIsATaskFailureTheCatcherSeesWithTheFieldInItsCause() throws Exception {
    try (Harness h = new Harness(engine, SimulatorConfig.defaults(), Mocks.NONE)) {
      long instance = h.start(Harness.convert(Path.of("src/test/resources/asl/bad_requests.asl.json")), Map.of());
      h.runToEnd(instance, Duration.ofSeconds(10), Duration.ofMinutes(10));

      assertThat(h.incident(instance)).isNull();
      assertThat(h.completed(instance)).contains("Done");
      JsonNode output = h.variables(instance).get("output");
      // Step Functions names a service's errors <Service>.<code>; States.TaskFailed and States.ALL catch them.
      assertThat(output.path("unknownField").path("Error").asText()).isEqualTo("EMR.ValidationException");
      assertThat(output.path("unknownField").path("Cause").asText()).contains("'Colour'");
      assertThat(output.path("wrongType").path("Error").asText()).isEqualTo("EMR.ValidationException");
      assertThat(output.path("wrongType").path("Cause").asText()).contains("InstanceCount");
      // Name is required: EMR refuses the call, naming the member as its API does ('name').
      assertThat(output.path("missingRequired").path("Error").asText()).isEqualTo("EMR.ValidationException");
      assertThat(output.path("missingRequired").path("Cause").asText()).contains("'name'").contains("must not be null");
      assertThat(h.runtime.simulator().clusterTags()).isEmpty();
    }
  }

  /** {@code change}: a field added to the request, or {@code -} to leave out the required Name. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      unknown field  | 'Colour': 'blue',                       | 'Colour'
      wrong type     | 'StepConcurrencyLevel': 'two',          | StepConcurrencyLevel
      missing Name   | -                                       | 'name'
      """)
  void eachBadRequestFailsTheAirflowTaskWithTheFieldInTheError(String what, String change, String field) throws Exception {
    boolean missing = change.equals("-");
    String name = missing ? "" : "'Name': 'bad',";
    Path dag = dir.resolve("bad_request.py");
    Files.writeString(dag, DAG.replace("NAME", name).replace("CHANGE", missing ? "" : change));
    try (Harness h = new Harness(engine, SimulatorConfig.defaults(), Mocks.NONE)) {
      long instance = h.start(Harness.convert(dag), Map.of());
      h.runToEnd(instance, Duration.ofSeconds(10), Duration.ofMinutes(10));

      assertThat(h.incident(instance)).isNull();
      Map<String, JsonNode> vars = h.variables(instance);
      assertThat(vars.get("dagState").asText()).isEqualTo("failed");
      assertThat(vars.get("ti_create_emr_cluster").asText()).isEqualTo("failed");
      assertThat(vars.get("cause").asText()).contains(field);
      assertThat(h.runtime.simulator().clusterTags()).isEmpty();
    }
  }

  private static final String DAG = """
      from datetime import datetime
      from airflow import DAG
      from airflow.providers.amazon.aws.operators.emr_create_job_flow import EmrCreateJobFlowOperator

      dag = DAG('bad_request', schedule_interval=None, start_date=datetime(2024, 1, 1), catchup=False)

      create_emr_cluster = EmrCreateJobFlowOperator(
          task_id='create_emr_cluster',
          job_flow_overrides={
              NAME
              CHANGE
              'ReleaseLabel': 'emr-7.1.0',
              'Instances': {
                  'InstanceGroups': [{'InstanceRole': 'MASTER', 'InstanceCount': 1, 'InstanceType': 'm5.xlarge'}],
                  'KeepJobFlowAliveWhenNoSteps': False,
              },
          },
          dag=dag,
      )
      """;
}
