package io.flowport.airflow;

import io.flowport.airflow.parse.Arg;
import io.flowport.airflow.parse.DagDef;
import io.flowport.airflow.parse.PyValue;
import io.flowport.diag.BadInputException;
import io.flowport.ir.Schedule;
import io.flowport.report.Code;
import io.flowport.report.Report;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * {@code schedule}/{@code schedule_interval} → a timer start event. Presets and cron expressions
 * become Zeebe cron cycles (seconds field added); a timedelta of whole days from a midnight
 * start_date becomes a daily cron, which is exactly when Airflow starts those runs; other
 * timedeltas become a repeating interval from deployment, reported as an approximation.
 */
final class ScheduleConversion {

  private static final Map<String, String> PRESETS = Map.of(
      "@hourly", "0 0 * * * *",
      "@daily", "0 0 0 * * *",
      "@midnight", "0 0 0 * * *",
      "@weekly", "0 0 0 * * SUN",
      "@monthly", "0 0 0 1 * *",
      "@yearly", "0 0 0 1 1 *",
      "@annually", "0 0 0 1 1 *");

  static List<Schedule> schedules(DagDef dag, Report report) {
    Arg arg = dag.args().get("schedule");
    if (arg == null) {
      arg = dag.args().get("schedule_interval");
    }
    if (arg == null) {
      report.add(Code.AIRFLOW_SCHEDULE, dag.location(), null,
          "no schedule given: Airflow's default is daily (@daily) in Airflow 2, none in Airflow 3; no timer start event was made", null);
      return List.of();
    }
    String written = "schedule " + text(arg.value());
    return switch (arg.value()) {
      case PyValue.PyNone n -> {
        report.add(Code.AIRFLOW_SCHEDULE, arg.location(), null, "schedule None: runs start only when triggered", null);
        yield List.of();
      }
      case PyValue.PyStr s when s.value().equals("@once") -> {
        report.add(Code.AIRFLOW_SCHEDULE, arg.location(), null, "@once: the run starts when the process is started", null);
        yield List.of();
      }
      case PyValue.PyStr s when PRESETS.containsKey(s.value()) -> cron(arg, PRESETS.get(s.value()), written, report);
      case PyValue.PyStr s when s.value().trim().split("\\s+").length == 5 -> cron(arg, "0 " + s.value().trim(), written, report);
      case PyValue.PyTimedelta t -> interval(dag, arg, t.value(), written, report);
      default -> throw new BadInputException(arg.location(),
          "this schedule is not supported yet (presets, cron strings, timedelta and None are): " + Values.describe(arg.value()));
    };
  }

  private static List<Schedule> cron(Arg arg, String cron, String written, Report report) {
    report.add(Code.AIRFLOW_SCHEDULE, arg.location(), null, written + " became a timer start event with cron '" + cron + "' (UTC)", null);
    return List.of(new Schedule(cron, written, arg.location()));
  }

  private static List<Schedule> interval(DagDef dag, Arg arg, Duration every, String written, Report report) {
    boolean midnight = dag.arg("start_date").map(v -> v instanceof PyValue.PyDateTime d && d.value().toLocalTime().equals(LocalTime.MIDNIGHT)).orElse(true);
    if (every.equals(Duration.ofDays(1)) && midnight) {
      return cron(arg, "0 0 0 * * *", written, report);
    }
    report.add(Code.AIRFLOW_SCHEDULE_APPROX, arg.location(), null, written + " became a timer start event every " + every
        + " from deployment; Airflow counts intervals from start_date", "use a cron schedule to pin the times");
    return List.of(new Schedule("R/" + every, written, arg.location()));
  }

  static String text(PyValue v) {
    return switch (v) {
      case PyValue.PyStr s -> "'" + s.value() + "'";
      case PyValue.PyTimedelta t -> "timedelta(" + describe(t.value()) + ")";
      case PyValue.PyNone n -> "None";
      default -> v.toString();
    };
  }

  static String describe(Duration d) {
    if (d.toSeconds() % 86400 == 0) {
      return "days=" + d.toDays();
    }
    if (d.toSeconds() % 3600 == 0) {
      return "hours=" + d.toHours();
    }
    if (d.toSeconds() % 60 == 0) {
      return "minutes=" + d.toMinutes();
    }
    return "seconds=" + d.toSeconds();
  }

  private ScheduleConversion() {}
}
