package io.flowport.runtime.airflow.jinja;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * A pendulum.DateTime in UTC, as Airflow puts logical_date and the data interval into the
 * context. {@code str()} is pendulum 3's {@code isoformat(" ")}.
 */
final class PyDateTime implements HostObject {

  /** pendulum methods flowport does not reproduce; using one is reported. */
  private static final Set<String> UNSUPPORTED = Set.of("add", "subtract", "format",
      "in_timezone", "in_tz", "start_of", "end_of", "date", "time", "replace", "tz", "timezone",
      "tzinfo", "naive", "diff", "diff_for_humans", "astimezone", "utcoffset", "set", "on", "at",
      "next", "previous", "day_of_week", "day_of_year", "week_of_year", "isocalendar", "ctime",
      "timetuple", "offset", "timezone_name", "float_timestamp", "days_in_month");

  private final LocalDateTime time;

  PyDateTime(Instant instant) {
    this.time = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  String strftime(String fmt) {
    return Strftime.format(time, true, fmt);
  }

  String isoformat(String sep) {
    String s = String.format("%04d-%02d-%02d%s%02d:%02d:%02d", time.getYear(),
        time.getMonthValue(), time.getDayOfMonth(), sep, time.getHour(), time.getMinute(),
        time.getSecond());
    if (time.getNano() / 1000 != 0) {
      s += String.format(".%06d", time.getNano() / 1000);
    }
    return s + "+00:00";
  }

  @Override
  public String typeModule() {
    return "pendulum.datetime";
  }

  @Override
  public String typeName() {
    return "DateTime";
  }

  @Override
  public Object attribute(String name) {
    return switch (name) {
      case "year" -> (long) time.getYear();
      case "month" -> (long) time.getMonthValue();
      case "day" -> (long) time.getDayOfMonth();
      case "hour" -> (long) time.getHour();
      case "minute" -> (long) time.getMinute();
      case "second" -> (long) time.getSecond();
      case "microsecond" -> (long) (time.getNano() / 1000);
      case "int_timestamp" -> time.toEpochSecond(ZoneOffset.UTC);
      case "strftime" -> new Builtin("DateTime.strftime", "method", (a, k) -> {
        Object[] v = new Signature("strftime", false, 1, List.of("format"), Signature.REQUIRED)
            .bind(a, k);
        if (!(v[0] instanceof String fmt)) {
          throw TemplateRenderException.typeError(
              "strftime() argument 1 must be str, not " + Py.typeName(v[0]));
        }
        return strftime(fmt);
      });
      case "isoformat" -> new Builtin("DateTime.isoformat", "method", (a, k) -> {
        Object[] v = new Signature("isoformat", false, 2, List.of("sep", "timespec"), "T", "auto")
            .bind(a, k);
        if (!"auto".equals(v[1])) {
          throw TemplateRenderException.unsupported("isoformat(timespec=...) is not supported");
        }
        return isoformat(Py.str(v[0]));
      });
      case "timestamp" -> new Builtin("DateTime.timestamp", "method",
          (a, k) -> time.toEpochSecond(ZoneOffset.UTC) + time.getNano() / 1e9);
      case "weekday" -> new Builtin("DateTime.weekday", "method",
          (a, k) -> (long) time.getDayOfWeek().getValue() - 1);
      case "isoweekday" -> new Builtin("DateTime.isoweekday", "method",
          (a, k) -> (long) time.getDayOfWeek().getValue());
      case "to_date_string" -> new Builtin("DateTime.to_date_string", "method",
          (a, k) -> strftime("%Y-%m-%d"));
      case "to_datetime_string" -> new Builtin("DateTime.to_datetime_string", "method",
          (a, k) -> strftime("%Y-%m-%d %H:%M:%S"));
      default -> {
        if (UNSUPPORTED.contains(name)) {
          throw TemplateRenderException.unsupported(
              "the pendulum DateTime attribute '" + name + "' is not supported by flowport");
        }
        yield NO_ATTRIBUTE;
      }
    };
  }

  @Override
  public String str() {
    return isoformat(" ");
  }

  @Override
  public String repr() {
    String us = time.getNano() / 1000 != 0 ? ", " + time.getNano() / 1000 : "";
    return "DateTime(" + time.getYear() + ", " + time.getMonthValue() + ", "
        + time.getDayOfMonth() + ", " + time.getHour() + ", " + time.getMinute() + ", "
        + time.getSecond() + us + ", tzinfo=Timezone('UTC'))";
  }
}
