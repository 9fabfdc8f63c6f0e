package io.flowport.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.runtime.Job;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A job hands back only what it changed, so unchanged values cannot leak into outer scopes. */
class JobsTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void unchangedVariablesAreLeftOutAndChangedOrNewOnesKept() throws Exception {
    ObjectNode vars = (ObjectNode) JSON.readTree("{\"payload\": {\"table\": \"orders\"}, \"n\": 1}");
    Job job = new Job("t", Map.of(), vars, "p", 1L, "e", 2L, null);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("payload", JSON.readTree("{\"table\": \"orders\"}"));
    out.put("n", 2);
    out.put("aslWait", "PT2S");
    assertThat(Jobs.changed(out, job)).containsOnlyKeys("n", "aslWait");
    assertThat(Jobs.changed(Map.of("n", 1), job)).isEmpty();
  }
}
