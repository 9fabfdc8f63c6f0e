package io.flowport.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.TimerRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import io.flowport.contract.Vars;
import io.flowport.runtime.Mocks;
import io.flowport.simulator.SimulatorConfig;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * retry_exponential_backoff with max_retry_delay, and a sensor's exponential_backoff with max_wait,
 * read from the due dates of the timers the run created.
 */
@ZeebeProcessTest
class AirflowBackoffProcessTest {

  static final Path DAG = Path.of("src/test/resources/airflow/backoff.py");

  private ZeebeTestEngine engine;

  @Test
  void retryDelaysAndPokeIntervalsFollowAirflowsBackoff() throws Exception {
    Mocks failing = task -> task.equals("flaky")
        ? Optional.of(new Mocks.Response(null, "AirflowException", "Bash command failed. The command returned a non-zero exit code 1."))
        : Optional.empty();
    // Without the tracker the sensor's timer is its own back-off, not the tracker's fallback.
    try (Harness h = new Harness(engine, SimulatorConfig.defaults(), failing, Map.of("flowport.tracker.enabled", "false"))) {
      h.runtime.openMockedWorkers(List.of("airflow.bash.backoff.flaky"));
      long instance = h.start(Harness.convert(DAG), Map.of(Vars.LOGICAL_DATE, "2026-01-01T00:00:00Z"));
      h.runToEnd(instance, Duration.ofSeconds(30), Duration.ofHours(3));
      Map<String, com.fasterxml.jackson.databind.JsonNode> vars = h.variables(instance);
      assertThat(vars.get(Vars.taskState("flaky")).asText()).isEqualTo("failed");
      assertThat(vars.get(Vars.tryNumber("flaky")).asInt()).isEqualTo(5);
      assertThat(vars.get(Vars.taskState("wait_terminated")).asText()).isEqualTo("failed");

      // Airflow's next_retry_datetime, worked out in Python for "backoff#flaky#2026-01-01 00:00:00+00:00#<try>":
      // minimum back-off 30, 60, 120, 240 s; jitter gives 54, 80, 236, 252 s; max_retry_delay caps the last two at 180 s.
      assertThat(seconds(waits(h, "flaky_retry_delay"))).containsExactly(54L, 80L, 180L, 180L);

      // The sensor hashes its first poke's time; the expected intervals come from the formula written out below.
      Instant started = Instant.parse(firstValue(h, Vars.POKE_START));
      List<Duration> pokes = waits(h, "wait_terminated_delay");
      assertThat(pokes).hasSizeGreaterThan(6);
      for (int poke = 1; poke <= 6; poke++) {
        long min = Math.max((long) (60 * Math.pow(2, poke - 2)), 1);
        long jitter = sha1("backoff#wait_terminated#" + pythonStr(started) + "#" + poke).mod(BigInteger.valueOf(min)).longValueExact();
        long expected = Math.min(min + jitter, 300);
        assertThat(seconds(pokes).get(poke - 1)).as("interval after poke %d", poke).isEqualTo(expected);
      }
      assertThat(seconds(pokes).get(4)).isEqualTo(300); // the minimum back-off 480 s is above max_wait
    }
  }

  /**
   * Whole seconds: a timer record's timestamp can trail the clock its due date was computed from
   * by a few milliseconds, and Airflow's delays here are whole seconds.
   */
  private static List<Long> seconds(List<Duration> waits) {
    return waits.stream().map(d -> Math.round(d.toMillis() / 1000.0)).toList();
  }

  private static BigInteger sha1(String text) throws Exception {
    return new BigInteger(1, MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** str() of an aware UTC datetime in Python: microseconds only when there are some. */
  private static String pythonStr(Instant t) {
    String base = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC).format(t);
    int micros = t.getNano() / 1000;
    return base + (micros == 0 ? "" : String.format(".%06d", micros)) + "+00:00";
  }

  /** How long each timer of the element waited: its due date minus when it was created, in order. */
  private static List<Duration> waits(Harness h, String elementId) {
    return h.records().stream()
        .filter(r -> r.getValueType() == ValueType.TIMER && r.getIntent() == TimerIntent.CREATED)
        .filter(r -> ((TimerRecordValue) ((Record<?>) r).getValue()).getTargetElementId().equals(elementId))
        .map(r -> Duration.ofMillis(((TimerRecordValue) ((Record<?>) r).getValue()).getDueDate() - r.getTimestamp()))
        .toList();
  }

  private static String firstValue(Harness h, String name) throws Exception {
    String json = h.records().stream()
        .filter(r -> r.getValueType() == ValueType.VARIABLE && r.getIntent() == VariableIntent.UPDATED)
        .map(r -> (VariableRecordValue) ((Record<?>) r).getValue())
        .filter(v -> v.getName().equals(name) && !v.getValue().equals("null"))
        .map(VariableRecordValue::getValue)
        .findFirst().orElseThrow(() -> new AssertionError("no variable " + name));
    return new ObjectMapper().readValue(json, String.class);
  }
}
