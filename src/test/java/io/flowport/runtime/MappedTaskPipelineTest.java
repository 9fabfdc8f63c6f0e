package io.flowport.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.contract.Headers;
import io.flowport.contract.Vars;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * One instance of a mapped TaskFlow task: its mapped arguments join op_kwargs, a literal one
 * rendered as Airflow renders it, one from an XCom passed as it is; its mock is looked up by
 * task_id[map_index] first.
 */
class MappedTaskPipelineTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static Job instance(int mapIndex) throws Exception {
    ObjectNode vars = JSON.createObjectNode();
    vars.set(Vars.MAP_ITEM, JSON.readTree("{\"day\": \"{{ ds }}\", \"path\": \"{{ not_rendered }}\"}"));
    vars.put(Vars.MAP_INDEX, mapIndex);
    return new Job("airflow.python.d.process", Map.of(Headers.DIALECT, "airflow", Headers.SOURCE, "process",
        Headers.AIRFLOW_TASK_ID, "process", Headers.AIRFLOW_DAG_ID, "d",
        Headers.AIRFLOW_ARGS, "{\"op_kwargs\":{\"mode\":\"fast\"}}",
        Headers.AIRFLOW_TEMPLATED, "[\"templates_dict\",\"op_args\",\"op_kwargs\"]",
        Headers.AIRFLOW_EXPAND, "{\"into\":\"/op_kwargs\",\"rendered\":[\"day\"]}", Headers.AIRFLOW_XCOM, "\"$\""),
        vars, "d", 1L, "process_call", 2L, null);
  }

  JobPipeline pipeline(Mocks mocks) {
    return new JobPipeline((api, request) -> {
      throw new AssertionError("no EMR call expected");
    }, mocks, () -> Instant.parse("2026-12-04T00:00:00Z"));
  }

  @Test
  void mappedArgumentsJoinTheFunctionsKeywordArguments() throws Exception {
    AtomicReference<JsonNode> seen = new AtomicReference<>();
    pipeline(Mocks.NONE).task(instance(0), request -> {
      seen.set(request);
      return JSON.getNodeFactory().numberNode(1);
    });
    // "day" came from a literal and is rendered; "path" came from an XCom and is the value itself.
    assertThat(seen.get()).isEqualTo(JSON.readTree(
        "{\"op_kwargs\":{\"mode\":\"fast\",\"day\":\"2026-12-04\",\"path\":\"{{ not_rendered }}\"}}"));
  }

  @Test
  void anInstanceMockWinsOverTheTasksAndEachInstanceCountsItsOwnCalls() throws Exception {
    List<String> asked = new ArrayList<>();
    Mocks mocks = new Mocks() {
      @Override
      public Optional<Response> next(String state) {
        throw new AssertionError("mapped instances count per instance");
      }

      @Override
      public Optional<Response> next(String state, String counter) {
        asked.add(state + "@" + counter);
        return state.equals("process[1]") ? Optional.of(new Response(JSON.getNodeFactory().numberNode(2), null, null))
            : state.equals("process") ? Optional.of(new Response(JSON.getNodeFactory().numberNode(7), null, null))
            : Optional.empty();
      }
    };
    Outcome first = pipeline(mocks).task(instance(0), r -> null);
    Outcome second = pipeline(mocks).task(instance(1), r -> null);
    assertThat(((Outcome.Complete) first).variables()).containsEntry(Vars.xcom("process"), JSON.getNodeFactory().numberNode(7));
    assertThat(((Outcome.Complete) second).variables()).containsEntry(Vars.xcom("process"), JSON.getNodeFactory().numberNode(2));
    assertThat(asked).containsExactly("process[0]@process[0]", "process@process[0]", "process[1]@process[1]");
  }
}
