package io.flowport.runtime.airflow;

import io.flowport.runtime.JobFailure;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * DateTimeSensor's target_time as Airflow reads it ({@code timezone.parse}): ISO 8601 with an
 * offset, a naive date-time or date (in UTC, the default DAG time zone), a space instead of the
 * {@code T} as Python's {@code str(datetime)} writes it, or a zone id in brackets. Airflow falls
 * back on dateutil for other free-form dates ("March 1, 2026"); those fail here with the error
 * pendulum gives when dateutil fails too.
 */
public final class TargetTimes {

  public static Instant parse(String text) {
    String s = text.strip();
    ZoneId zone = ZoneOffset.UTC;
    int bracket = s.indexOf('[');
    String zoneText = null;
    if (bracket > 0 && s.endsWith("]")) {
      zoneText = s.substring(bracket + 1, s.length() - 1);
      s = s.substring(0, bracket);
    }
    if (s.length() > 10 && s.charAt(10) == ' ') {
      s = s.substring(0, 10) + "T" + s.substring(11);
    }
    try {
      if (zoneText != null) {
        zone = ZoneId.of(zoneText);
      }
      try {
        return OffsetDateTime.parse(s).toInstant();
      } catch (DateTimeParseException notOffset) {
        // naive: below
      }
      try {
        return ZonedDateTime.of(LocalDateTime.parse(s), zone).toInstant();
      } catch (DateTimeParseException notLocal) {
        return LocalDate.parse(s).atStartOfDay(zone).toInstant();
      }
    } catch (java.time.DateTimeException e) {
      throw new JobFailure("ParserError", "Invalid date string: " + text);
    }
  }

  private TargetTimes() {}
}
