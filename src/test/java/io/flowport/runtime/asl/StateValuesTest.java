package io.flowport.runtime.asl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Wait and Fail values taken from the data. The reference interpreter skips every wait, so it
 * never evaluates SecondsPath or TimestampPath: their errors are checked here.
 */
class StateValuesTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
  static final ContextObject CTX = ContextObject.empty();

  static JsonNode json(String s) throws Exception {
    return JSON.readTree(s.replace('\'', '"'));
  }

  @Test
  void secondsPathAndTimestampsGiveTheWaitFromNow() throws Exception {
    JsonNode input = json("{'s': 90, 'at': '2026-12-04T12:05:00Z', 'past': '2020-01-01T00:00:00+01:00'}");
    assertThat(StateValues.waitFor(json("{'SecondsPath': '$.s'}"), input, CTX, NOW)).isEqualTo(Duration.ofSeconds(90));
    assertThat(StateValues.waitFor(json("{'TimestampPath': '$.at'}"), input, CTX, NOW)).isEqualTo(Duration.ofMinutes(5));
    assertThat(StateValues.waitFor(json("{'TimestampPath': '$.past'}"), input, CTX, NOW)).isEqualTo(Duration.ZERO);
    assertThat(StateValues.waitFor(json("{'Timestamp': '2026-12-04T12:00:01.5Z'}"), input, CTX, NOW)).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void badValuesAreStatesRuntimeErrorsNamingTheField() throws Exception {
    JsonNode input = json("{'s': -1, 'text': 'soon', 'date': '2026-12-04 12:00:00'}");
    assertThatThrownBy(() -> StateValues.waitFor(json("{'SecondsPath': '$.s'}"), input, CTX, NOW))
        .isInstanceOf(AslRuntimeException.class).hasMessageContaining("'SecondsPath' returned -1, but it must be a non-negative integer");
    assertThatThrownBy(() -> StateValues.waitFor(json("{'SecondsPath': '$.text'}"), input, CTX, NOW))
        .hasMessageContaining("returned \"soon\"");
    assertThatThrownBy(() -> StateValues.waitFor(json("{'TimestampPath': '$.date'}"), input, CTX, NOW))
        .hasMessageContaining("must be an RFC 3339 timestamp");
    assertThatThrownBy(() -> StateValues.waitFor(json("{'SecondsPath': '$.missing'}"), input, CTX, NOW))
        .hasMessageContaining("The JSONPath '$.missing' specified for the field 'SecondsPath' could not be found");
  }

  @Test
  void failTakesErrorAndCauseFromPathsOrIntrinsicsOrKeepsTheStaticOnes() throws Exception {
    JsonNode input = json("{'reason': 'Step.Failed', 'step': 's-1'}");
    assertThat(StateValues.failure(json("{'ErrorPath': '$.reason', 'Cause': 'static'}"), input, CTX))
        .isEqualTo(new StateValues.Failure("Step.Failed", "static"));
    assertThat(StateValues.failure(JSON.readTree("{\"CausePath\": \"States.Format('step {} failed', $.step)\"}"), input, CTX))
        .isEqualTo(new StateValues.Failure(null, "step s-1 failed"));
    assertThatThrownBy(() -> StateValues.failure(json("{'ErrorPath': '$'}"), input, CTX))
        .hasMessageContaining("'ErrorPath' returned {\"reason\"");
  }
}
