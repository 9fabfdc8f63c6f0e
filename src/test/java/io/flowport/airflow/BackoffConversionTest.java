package io.flowport.airflow;

import static io.flowport.airflow.DagArgumentsTest.convert;
import static io.flowport.airflow.DagArgumentsTest.dag;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.flowport.bpmn.BpmnGenerator;
import io.flowport.contract.Headers;
import io.flowport.contract.JobTypes;
import io.flowport.convert.Conversion;
import io.flowport.ir.DagTask;
import io.flowport.ir.TaskDag;
import io.flowport.report.Code;
import io.flowport.report.Finding;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** retry_exponential_backoff, max_retry_delay, exponential_backoff and max_wait in the IR, headers and report. */
class BackoffConversionTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static DagTask task(Conversion c) {
    return ((TaskDag) c.workflow().body()).tasks().get(0);
  }

  static List<Code> codes(Conversion c) {
    return c.report().findings().stream().map(Finding::code).toList();
  }

  @Test
  void retryBackoffIsAJobWithTheTasksSettings() throws Exception {
    Conversion c = convert(dag("None", "datetime(2024, 1, 1)", """
        start = EmptyOperator(task_id='start', retries=3, retry_delay=timedelta(seconds=20),
                              retry_exponential_backoff=True, max_retry_delay=timedelta(minutes=5))
        """));
    DagTask start = task(c);

    assertThat(start.retryBackoff().jobType()).isEqualTo(JobTypes.AIRFLOW_RETRY_DELAY);
    assertThat(JSON.readTree(start.retryBackoff().headers().get(Headers.AIRFLOW_RETRY_BACKOFF)))
        .isEqualTo(JSON.readTree("{\"retry_delay\": \"PT20S\", \"multiplier\": 2.0, \"max_retry_delay\": \"PT5M\"}"));
    assertThat(start.retryBackoff().headers()).containsEntry(Headers.AIRFLOW_DAG_ID, "d").containsEntry(Headers.AIRFLOW_TASK_ID, "start");
    assertThat(codes(c)).doesNotContain(Code.AIRFLOW_NOT_REPRODUCED, Code.AIRFLOW_BACKOFF_MULTIPLIER);
  }

  @Test
  void withoutBackoffTheDelayStaysFixedAndMaxRetryDelayDoesNothing() {
    Conversion c = convert(dag("None", "datetime(2024, 1, 1)", """
        start = EmptyOperator(task_id='start', retries=3, max_retry_delay=timedelta(minutes=5))
        """));

    assertThat(task(c).retryBackoff()).isNull();
    assertThat(c.report().findings()).anySatisfy(f -> {
      assertThat(f.code()).isEqualTo(Code.AIRFLOW_IGNORED_ARG);
      assertThat(f.text()).contains("max_retry_delay only applies with retry_exponential_backoff");
    });
  }

  @Test
  void aNumericBackoffIsTheBaseAndReported() throws Exception {
    Conversion c = convert(dag("None", "datetime(2024, 1, 1)", """
        start = EmptyOperator(task_id='start', retries=2, retry_exponential_backoff=1.5)
        """));

    assertThat(JSON.readTree(task(c).retryBackoff().headers().get(Headers.AIRFLOW_RETRY_BACKOFF)).get("multiplier").asDouble())
        .isEqualTo(1.5);
    assertThat(codes(c)).contains(Code.AIRFLOW_BACKOFF_MULTIPLIER);
  }

  @Test
  void sensorBackoffGoesOnThePollJobAndTheJitterIsReported() throws Exception {
    Conversion c = convert(dag("None", "datetime(2024, 1, 1)", """
        wait = EmrJobFlowSensor(task_id='wait', job_flow_id='j-1', poke_interval=120, timeout=1200,
                                exponential_backoff=True, max_wait=timedelta(minutes=5))
        """));
    DagTask wait = task(c);

    assertThat(wait.work().waitLoop().backoff()).isTrue();
    assertThat(JSON.readTree(wait.work().waitLoop().poll().headers().get(Headers.AIRFLOW_POKE_BACKOFF)))
        .isEqualTo(JSON.readTree("{\"poke_interval\": 120.0, \"timeout\": 1200.0, \"max_wait\": 300.0}"));
    assertThat(codes(c)).contains(Code.AIRFLOW_POKE_JITTER).doesNotContain(Code.AIRFLOW_NOT_REPRODUCED);
  }

  @Test
  void aPlainSensorPollsAtItsInterval() {
    DagTask wait = task(convert(dag("None", "datetime(2024, 1, 1)", """
        wait = EmrJobFlowSensor(task_id='wait', job_flow_id='j-1', max_wait=timedelta(minutes=5))
        """)));

    assertThat(wait.work().waitLoop().backoff()).isFalse();
    assertThat(wait.work().waitLoop().poll().headers()).doesNotContainKey(Headers.AIRFLOW_POKE_BACKOFF);
  }

  @Test
  void eachMappedInstanceKeepsItsOwnRetryDelay() {
    String source = """
        from datetime import datetime
        from airflow import DAG
        from airflow.operators.bash import BashOperator

        with DAG('d', schedule=None, start_date=datetime(2024, 1, 1)) as dag:
            BashOperator.partial(task_id='m', retries=2, retry_exponential_backoff=True).expand(bash_command=['a', 'b'])
        """;
    BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(
        new BpmnGenerator().toXml(convert(source).workflow()).getBytes(StandardCharsets.UTF_8)));
    SubProcess instances = model.getModelElementById("m_instances");
    var inputs = instances.getSingleExtensionElement(ZeebeIoMapping.class).getInputs();
    assertThat(inputs).anySatisfy(i -> assertThat(i.getTarget()).isEqualTo("retry_delay_m"));
    ServiceTask backoff = model.getModelElementById("m_retry_backoff");
    assertThat(backoff.getParentElement()).isEqualTo(instances);
  }

  @Test
  void exponentialBackoffOnAnOperatorIsIgnored() {
    Conversion c = convert(dag("None", "datetime(2024, 1, 1)", "start = EmptyOperator(task_id='start', exponential_backoff=True)"));

    assertThat(c.report().findings()).anySatisfy(f -> assertThat(f.text()).isEqualTo("exponential_backoff only applies to sensors"));
  }
}
