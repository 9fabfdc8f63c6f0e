package io.flowport.runtime.airflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowport.runtime.JobFailure;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** DateTimeSensor's target_time in the forms timezone.parse takes and DAGs write. */
class TargetTimesTest {

  @Test
  void offsetsNaiveTimesDatesAndPythonsStrFormAllParse() {
    assertThat(TargetTimes.parse("2026-03-01T12:00:00+02:00")).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
    assertThat(TargetTimes.parse("2026-03-01T12:00:00Z")).isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
    // Naive: the default DAG time zone, UTC.
    assertThat(TargetTimes.parse("2026-03-01T12:00")).isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
    // str(datetime) of an aware value, as {{ data_interval_end }} renders.
    assertThat(TargetTimes.parse("2026-03-01 12:00:00+00:00")).isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
    assertThat(TargetTimes.parse("2026-03-01")).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    // A datetime literal with a pendulum zone, as the converter writes it.
    assertThat(TargetTimes.parse("2026-03-01T12:00[Europe/Berlin]")).isEqualTo(Instant.parse("2026-03-01T11:00:00Z"));
  }

  @Test
  void somethingElseFailsTheTaskWithPendulumsError() {
    assertThatThrownBy(() -> TargetTimes.parse("2026-03-01 at noon")).isInstanceOf(JobFailure.class)
        .hasMessage("ParserError: Invalid date string: 2026-03-01 at noon");
    assertThatThrownBy(() -> TargetTimes.parse("2026-03-01T12:00[Mars/Olympus]")).isInstanceOf(JobFailure.class);
  }
}
