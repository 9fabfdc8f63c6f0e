package io.flowport.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.contract.Headers;
import io.flowport.contract.Vars;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** An Airflow task running the user's code: its arguments as Airflow passes them, its XCom, its mock. */
class AirflowUserTaskPipelineTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static Job job() throws Exception {
    ObjectNode vars = JSON.createObjectNode();
    vars.set(Vars.xcom("extract"), JSON.readTree("{\"rows\": 42}"));
    return new Job("airflow.python.d.count_rows", Map.of(Headers.DIALECT, "airflow", Headers.SOURCE, "count_rows",
        Headers.AIRFLOW_TASK_ID, "count_rows", Headers.AIRFLOW_DAG_ID, "d",
        Headers.AIRFLOW_ARGS, "{\"op_args\":[null],\"op_kwargs\":{\"factor\":2,\"day\":\"{{ ds }}\"}}",
        Headers.AIRFLOW_TEMPLATED, "[\"templates_dict\",\"op_args\",\"op_kwargs\"]",
        Headers.AIRFLOW_XCOM_ARGS, "{\"/op_args/0\":\"extract\"}", Headers.AIRFLOW_XCOM, "\"$\""),
        vars, "d", 1L, "count_rows_call", 2L, null);
  }

  JobPipeline pipeline(Mocks mocks) {
    return new JobPipeline((api, request) -> {
      throw new AssertionError("no EMR call expected");
    }, mocks, () -> Instant.parse("2026-12-04T00:00:00Z"));
  }

  @Test
  void theWorkerGetsRenderedArgumentsWithTheUpstreamXComItselfAndItsResultIsTheXCom() throws Exception {
    AtomicReference<JsonNode> seen = new AtomicReference<>();
    Outcome out = pipeline(Mocks.NONE).task(job(), request -> {
      seen.set(request);
      return JSON.getNodeFactory().numberNode(84);
    });
    assertThat(seen.get()).isEqualTo(JSON.readTree("{\"op_args\":[{\"rows\":42}],\"op_kwargs\":{\"factor\":2,\"day\":\"2026-12-04\"}}"));
    assertThat(((Outcome.Complete) out).variables()).containsEntry(Vars.xcom("count_rows"), JSON.getNodeFactory().numberNode(84));
  }

  @Test
  void aMockedThrowFailsTheTryWithItsErrorAndAReturnIsTheXCom() throws Exception {
    Mocks thrown = task -> Optional.of(new Mocks.Response(null, "ValueError", "rows not ready"));
    Outcome out = pipeline(thrown).task(job(), request -> {
      throw new AssertionError("a mocked task makes no call");
    });
    assertThat(out).isInstanceOf(Outcome.Error.class);
    assertThat(((Outcome.Error) out).code()).isEqualTo("ValueError");
    assertThat(((Outcome.Error) out).message()).isEqualTo("rows not ready");

    JsonNode list = JSON.readTree("[1, 2]");
    Mocks returned = task -> task.equals("count_rows") ? Optional.of(new Mocks.Response(list, null, null)) : Optional.empty();
    Outcome ok = pipeline(returned).task(job(), request -> {
      throw new AssertionError("a mocked task makes no call");
    });
    assertThat(((Outcome.Complete) ok).variables()).containsEntry(Vars.xcom("count_rows"), JSON.createArrayNode().add(1).add(2));
  }

  @Test
  void aRunsConfOverridesTheDagsParamsAsATriggeredRunsDoes() throws Exception {
    ObjectNode vars = JSON.createObjectNode();
    vars.set(Vars.CONF, JSON.readTree("{\"table\": \"orders\", \"extra\": 1}"));
    Job job = new Job("airflow.python.d.load", Map.of(Headers.DIALECT, "airflow", Headers.SOURCE, "load",
        Headers.AIRFLOW_TASK_ID, "load", Headers.AIRFLOW_DAG_ID, "d",
        Headers.AIRFLOW_PARAMS, "{\"table\": \"events\", \"day\": \"monday\"}",
        Headers.AIRFLOW_ARGS, "{\"op_kwargs\":{\"t\":\"{{ params.table }}\",\"d\":\"{{ params.day }}\",\"x\":\"{{ params.extra }}\"}}",
        Headers.AIRFLOW_TEMPLATED, "[\"op_kwargs\"]", Headers.AIRFLOW_XCOM, "\"$\""),
        vars, "d", 1L, "load_call", 2L, null);
    AtomicReference<JsonNode> seen = new AtomicReference<>();
    pipeline(Mocks.NONE).task(job, request -> {
      seen.set(request);
      return JSON.nullNode();
    });
    assertThat(seen.get()).isEqualTo(JSON.readTree("{\"op_kwargs\":{\"t\":\"orders\",\"d\":\"monday\",\"x\":\"1\"}}"));
  }
}
