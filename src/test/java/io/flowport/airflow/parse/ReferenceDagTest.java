package io.flowport.airflow.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowport.airflow.parse.PyValue.*;
import io.flowport.diag.SourceLocation;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seed DAG the project started from, read completely. */
class ReferenceDagTest {

  private static final Path FILE = Path.of("examples/seed/original/orchestrate_emr_jobs.py");

  private final DagFile model = new DagFileParser().parse(FILE);

  private static SourceLocation at(int line, int column) {
    return SourceLocation.of(FILE, line, column);
  }

  @Test
  void hasOneDagAndNoFindings() {
    assertEquals(FILE, model.file());
    assertEquals(List.of("orchestrate_emr_jobs"), model.dags().stream().map(DagDef::dagId).toList());
    assertEquals(List.of(), model.findings());
  }

  @Test
  void dagArgumentsAreReadAsWritten() {
    DagDef dag = model.dags().get(0);
    assertEquals(at(18, 7), dag.location());
    assertEquals(List.of("default_args", "description", "schedule_interval", "start_date", "catchup"),
        List.copyOf(dag.args().keySet()));
    assertEquals(new PyStr("Orchestrate EMR jobs with Apache Airflow"), dag.args().get("description").value());
    assertEquals(at(21, 5), dag.args().get("description").location());
    assertEquals(new PyTimedelta(Duration.ofDays(1)), dag.args().get("schedule_interval").value());
    assertEquals(at(22, 5), dag.args().get("schedule_interval").location());
    assertEquals(new PyDateTime(LocalDateTime.of(2023, 7, 1, 0, 0), null), dag.args().get("start_date").value());
    assertEquals(new PyBool(false), dag.args().get("catchup").value());
    assertEquals(at(24, 5), dag.args().get("catchup").location());
  }

  @Test
  void defaultArgsKeepTheirOrderAndTypes() {
    PyDict defaults = (PyDict) model.dags().get(0).args().get("default_args").value();
    Map<PyValue, PyValue> expected = new java.util.LinkedHashMap<>();
    expected.put(new PyStr("owner"), new PyStr("airflow"));
    expected.put(new PyStr("depends_on_past"), new PyBool(false));
    expected.put(new PyStr("email_on_failure"), new PyBool(false));
    expected.put(new PyStr("email_on_retry"), new PyBool(false));
    expected.put(new PyStr("retries"), PyInt.of(1));
    expected.put(new PyStr("retry_delay"), new PyTimedelta(Duration.ofMinutes(5)));
    assertEquals(List.copyOf(expected.entrySet()), List.copyOf(defaults.entries().entrySet()));
    assertEquals(at(20, 5), model.dags().get(0).args().get("default_args").location());
  }

  @Test
  void createClusterTaskWithNestedOverridesAsJson() throws Exception {
    TaskDef task = model.dags().get(0).tasks().get(0);
    assertEquals("create_emr_cluster", task.taskId());
    assertEquals("create_emr_cluster", task.variable());
    assertEquals("airflow.providers.amazon.aws.operators.emr_create_job_flow.EmrCreateJobFlowOperator", task.operator());
    assertEquals(at(28, 22), task.location());
    assertEquals(List.of("job_flow_overrides"), List.copyOf(task.kwargs().keySet()));
    assertEquals(at(30, 5), task.kwargs().get("job_flow_overrides").location());
    String expected = """
        {"Name": "MyEMRJob", "ReleaseLabel": "emr-6.5.0",
         "Instances": {"InstanceGroups": [{"InstanceRole": "MASTER", "InstanceCount": 1,
                                           "InstanceType": "m5.xlarge", "Market": "ON_DEMAND"}],
                       "Ec2KeyName": "my-key-pair", "KeepJobFlowAliveWhenNoSteps": true},
         "Applications": [{"Name": "Spark"}], "VisibleToAllUsers": true}""";
    assertEquals(new ObjectMapper().readTree(expected),
        task.kwargs().get("job_flow_overrides").value().toJson().orElseThrow());
  }

  @Test
  void sensorTaskKeepsTheJinjaTemplate() {
    TaskDef task = model.dags().get(0).tasks().get(1);
    assertEquals("wait_for_emr_job_completion", task.taskId());
    assertEquals("wait_for_emr_job_completion", task.variable());
    assertEquals("airflow.providers.amazon.aws.sensors.emr_job_flow.EmrJobFlowSensor", task.operator());
    assertEquals(at(56, 31), task.location());
    assertEquals(Map.of("job_flow_id", new Arg(
            new PyStr("{{ task_instance.xcom_pull(task_ids='create_emr_cluster')['JobFlowId'] }}"), at(58, 5))),
        task.kwargs());
    assertNull(task.kwargs().get("dag"));
  }

  @Test
  void oneDependencyAtTheShiftOperator() {
    assertEquals(List.of(new Dependency("create_emr_cluster", "wait_for_emr_job_completion", at(63, 20))),
        model.dags().get(0).dependencies());
  }
}
