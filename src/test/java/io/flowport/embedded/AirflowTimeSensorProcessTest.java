package io.flowport.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.protocol.record.value.TimerRecordValue;
import io.flowport.contract.Vars;
import io.flowport.runtime.Mocks;
import io.flowport.simulator.SimulatorConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * TimeDeltaSensor, DateTimeSensor and WaitSensor as timer events, with the due times the standard
 * provider's sensors work out: data_interval_end (the run's logical date here, fixed when the run
 * starts) plus delta; target_time rendered and parsed (an offset, or naive meaning UTC); the task's
 * start plus time_to_wait (an int is minutes). A target beyond the sensor's timeout fails the task
 * with AirflowSensorTimeout; a target_time that is no date fails it when rendered.
 */
@ZeebeProcessTest
class AirflowTimeSensorProcessTest {

  static final Path DAG = Path.of("src/test/resources/airflow/time_sensors.py");

  private ZeebeTestEngine engine;

  @Test
  void timersAreDueWhenAirflowsSensorsWouldSucceed() throws Exception {
    try (Harness h = new Harness(engine, SimulatorConfig.defaults(), Mocks.NONE)) {
      long instance = h.start(Harness.convert(DAG), Map.of());
      h.runToEnd(instance, Duration.ofMinutes(10), Duration.ofHours(48));
      Map<String, com.fasterxml.jackson.databind.JsonNode> vars = h.variables(instance);

      Instant logical = DateTimeFormatter.ISO_DATE_TIME.parse(vars.get(Vars.LOGICAL_DATE).asText(), Instant::from);
      assertThat(due(h, "an_hour_after_timer")).isEqualTo(logical.plus(Duration.ofHours(1)));
      LocalDate tomorrow = logical.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1);
      assertThat(due(h, "at_noon_timer")).isEqualTo(tomorrow.atTime(12, 0).toInstant(ZoneOffset.UTC));
      // rest starts when at_noon's timer fires (the test clock moves in 10-minute steps): due five minutes later.
      Instant noonFired = triggered(h, "at_noon_timer");
      assertThat(noonFired).isAfterOrEqualTo(tomorrow.atTime(12, 0).toInstant(ZoneOffset.UTC));
      assertThat(Duration.between(noonFired, due(h, "rest_timer"))).isBetween(Duration.ofMinutes(5), Duration.ofMinutes(5).plusSeconds(5));

      assertThat(vars.get(Vars.taskState("done")).asText()).isEqualTo("success");
      assertThat(vars.get(Vars.taskState("too_late")).asText()).isEqualTo("failed");
      assertThat(vars.get(Vars.taskState("garbled")).asText()).isEqualTo("failed");
      assertThat(h.completed(instance)).contains("too_late_sensor_timed_out");
    }
  }

  /** When the element's timer fired, on the engine's clock. */
  private static Instant triggered(Harness h, String elementId) {
    return h.records().stream()
        .filter(r -> r.getValueType() == ValueType.TIMER && r.getIntent() == TimerIntent.TRIGGERED)
        .filter(r -> ((TimerRecordValue) ((Record<?>) r).getValue()).getTargetElementId().equals(elementId))
        .map(r -> Instant.ofEpochMilli(r.getTimestamp()))
        .findFirst().orElseThrow(() -> new AssertionError("timer " + elementId + " never fired"));
  }

  /** The due date of the timer the element created (truncated to milliseconds, as Zeebe keeps it). */
  private static Instant due(Harness h, String elementId) {
    return h.records().stream()
        .filter(r -> r.getValueType() == ValueType.TIMER && r.getIntent() == TimerIntent.CREATED)
        .map(r -> (TimerRecordValue) ((Record<?>) r).getValue())
        .filter(v -> v.getTargetElementId().equals(elementId))
        .map(v -> Instant.ofEpochMilli(v.getDueDate()))
        .findFirst().orElseThrow(() -> new AssertionError("no timer " + elementId));
  }
}
