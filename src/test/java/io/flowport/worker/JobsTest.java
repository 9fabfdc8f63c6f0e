package io.flowport.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.runtime.EmrCall;
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

  @Test
  void aThrottledCallBacksOffLongerAndSpreadOutWhileAFailedOneWaitsTheFixedTime() {
    EmrCall.ServiceException throttled = new EmrCall.ServiceException("ThrottlingException", "Rate exceeded", true, true, null);
    // Wrapped (as the create lookup does), it is still throttled.
    EmrCall.ServiceException wrapped = new EmrCall.ServiceException("ThrottlingException", "looking: Rate exceeded", true, throttled);
    EmrCall.ServiceException failed = new EmrCall.ServiceException("InternalServerError", "oops", true, null);

    assertThat(wrapped.throttled()).isTrue();
    assertThat(failed.throttled()).isFalse();
    assertThat(Jobs.backoff(failed)).isEqualTo(Jobs.RETRY_BACKOFF);
    java.util.Set<java.time.Duration> seen = new java.util.HashSet<>();
    for (int i = 0; i < 50; i++) {
      java.time.Duration d = Jobs.backoff(wrapped);
      assertThat(d).isBetween(Jobs.RETRY_BACKOFF, Jobs.RETRY_BACKOFF.multipliedBy(2));
      seen.add(d);
    }
    assertThat(seen).as("jittered").hasSizeGreaterThan(10);
  }
}
