package io.flowport.airflow.parse;

import io.flowport.airflow.parse.PyValue.*;
import io.flowport.diag.BadInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.treesitter.TSNode;

/** datetime, timedelta, pendulum and Airflow's date helpers, evaluated without a clock. */
final class TimeValues {

  private static final List<String> DELTA_ARGS =
      List.of("days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks", "years", "months");
  private static final long[] DELTA_MICROS =
      {86_400_000_000L, 1_000_000L, 1L, 1_000L, 60_000_000L, 3_600_000_000L, 604_800_000_000L};
  private static final List<String> DATETIME_ARGS =
      List.of("year", "month", "day", "hour", "minute", "second", "microsecond");
  private static final Set<String> NOW = Set.of("datetime.datetime.now", "datetime.datetime.utcnow",
      "datetime.datetime.today", "datetime.date.today", "pendulum.now", "pendulum.today",
      "pendulum.yesterday", "pendulum.tomorrow", "airflow.utils.timezone.utcnow",
      "airflow.utils.dates.days_ago", "airflow.utils.timezone.days_ago");
  private static final Set<String> ZONES = Set.of("pendulum.timezone", "pendulum.tz.timezone",
      "zoneinfo.ZoneInfo", "pytz.timezone", "dateutil.tz.gettz");
  private static final Set<String> UTC = Set.of("datetime.timezone.utc", "pendulum.UTC",
      "pendulum.tz.UTC", "pytz.utc", "pytz.UTC", "airflow.utils.timezone.utc", "dateutil.tz.UTC");

  private final Interpreter in;

  TimeValues(Interpreter in) {
    this.in = in;
  }

  /** The call's value, or null when {@code name} is not a date/time function. */
  Obj call(String name, CallArgs args, TSNode node) {
    if (NOW.contains(name)) {
      String function = name.substring(name.lastIndexOf('.') + 1);
      return in.state.dynamic(node, function + "() depends on the time the file is parsed");
    }
    return switch (name) {
      case "datetime.timedelta" -> delta(args, node, 7, "timedelta");
      case "pendulum.duration" -> delta(args, node, 9, "pendulum.duration");
      case "datetime.datetime" -> datetime(args, node, "tzinfo", null);
      case "pendulum.datetime" -> datetime(args, node, "tz", "UTC");
      case "airflow.utils.timezone.datetime" -> datetime(args, node, "tzinfo", "UTC");
      case "datetime.datetime.fromisoformat" -> parse(args, node, null);
      case "pendulum.parse" -> parse(args, node, "UTC");
      default -> ZONES.contains(name) ? zone(args, node) : null;
    };
  }

  private Obj delta(CallArgs args, TSNode node, int allowed, String function) {
    BigDecimal micros = BigDecimal.ZERO;
    int index = 0;
    for (CallArgs.Passed p : args.positional()) {
      if (index >= allowed) {
        return unsupported(node, function);
      }
      PyValue v = value(p);
      if (v instanceof PyDynamic d) {
        return in.state.dynamicFrom(node, d);
      }
      if (!Operators.isNumber(v)) {
        return unsupported(node, function);
      }
      if (index >= DELTA_MICROS.length) {
        if (Operators.decimal(v).signum() != 0) {
          return in.state.dynamic(node, "calendar years and months have no fixed length");
        }
      } else {
        micros = micros.add(Operators.decimal(v).multiply(BigDecimal.valueOf(DELTA_MICROS[index])));
      }
      index++;
    }
    for (var e : args.keywords().entrySet()) {
      int at = DELTA_ARGS.indexOf(e.getKey());
      PyValue v = value(e.getValue());
      if (v instanceof PyDynamic d) {
        return in.state.dynamicFrom(node, d);
      }
      if (at < 0 || at >= allowed || !Operators.isNumber(v)) {
        return unsupported(node, function);
      }
      if (at >= DELTA_MICROS.length) {
        if (Operators.decimal(v).signum() != 0) {
          return in.state.dynamic(node, "calendar years and months have no fixed length");
        }
        continue;
      }
      micros = micros.add(Operators.decimal(v).multiply(BigDecimal.valueOf(DELTA_MICROS[at])));
    }
    long whole = micros.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    return new Obj.Data(new PyTimedelta(Duration.of(whole, ChronoUnit.MICROS)));
  }

  private Obj datetime(CallArgs args, TSNode node, String tzName, String defaultZone) {
    int[] fields = {0, 0, 0, 0, 0, 0, 0};
    for (int i = 0; i < DATETIME_ARGS.size(); i++) {
      CallArgs.Passed p = args.get(i, DATETIME_ARGS.get(i));
      if (p == null) {
        if (i < 3) {
          return unsupported(node, "datetime");
        }
        continue;
      }
      PyValue v = value(p);
      if (v instanceof PyDynamic d) {
        return in.state.dynamicFrom(node, d);
      }
      if (!(v instanceof PyInt n) || n.value().bitLength() > 31) {
        return unsupported(node, "datetime");
      }
      fields[i] = n.value().intValue();
    }
    for (String key : args.keywords().keySet()) {
      if (!DATETIME_ARGS.contains(key) && !key.equals(tzName) && !key.equals("fold")) {
        return unsupported(node, "datetime");
      }
    }
    CallArgs.Passed tz = args.get(7, tzName);
    Object zone = tz == null ? defaultZone : zoneId(tz);
    if (zone instanceof Obj unknown) {
      return unknown;
    }
    try {
      LocalDateTime value = LocalDateTime.of(fields[0], fields[1], fields[2], fields[3], fields[4],
          fields[5], Math.multiplyExact(fields[6], 1000));
      return new Obj.Data(new PyDateTime(value, (String) zone));
    } catch (DateTimeException | ArithmeticException e) {
      throw new BadInputException(in.state.at(node), "invalid date: " + e.getMessage());
    }
  }

  // A zone id string, null for tz=None, or an Obj (dynamic) when the zone is not known.
  private Object zoneId(CallArgs.Passed tz) {
    return switch (tz.value()) {
      case Obj.TimeZone z -> z.id();
      case Obj.Name n when UTC.contains(n.qualifiedName()) -> "UTC";
      case Obj.Data d when d.value() instanceof PyStr s -> checkedZone(s.value(), tz.node());
      case Obj.Data d when d.value() instanceof PyNone -> null;
      case Obj.Data d when d.value() instanceof PyDynamic p -> in.state.dynamicFrom(tz.node(), p);
      default -> in.state.dynamic(tz.node(), "time zone not known statically");
    };
  }

  private Obj parse(CallArgs args, TSNode node, String zone) {
    if (args.positional().size() != 1 || !args.keywords().isEmpty()) {
      return unsupported(node, "date parsing");
    }
    PyValue v = value(args.positional().get(0));
    if (v instanceof PyDynamic d) {
      return in.state.dynamicFrom(node, d);
    }
    if (!(v instanceof PyStr s)) {
      return unsupported(node, "date parsing");
    }
    try {
      LocalDateTime value = s.value().length() == 10
          ? LocalDate.parse(s.value()).atStartOfDay()
          : LocalDateTime.parse(s.value().replace(' ', 'T'));
      return new Obj.Data(new PyDateTime(value, zone));
    } catch (DateTimeParseException e) {
      return in.state.dynamic(node, "only plain ISO dates are parsed statically");
    }
  }

  private Obj zone(CallArgs args, TSNode node) {
    if (args.positional().size() != 1) {
      return unsupported(node, "time zone");
    }
    CallArgs.Passed p = args.positional().get(0);
    Object id = zoneId(p);
    return id instanceof Obj unknown ? unknown : id == null ? unsupported(node, "time zone") : new Obj.TimeZone((String) id);
  }

  private String checkedZone(String id, TSNode node) {
    try {
      ZoneId.of(id);
      return id;
    } catch (DateTimeException e) {
      throw new BadInputException(in.state.at(node), "unknown time zone '" + id + "'");
    }
  }

  private PyValue value(CallArgs.Passed p) {
    return in.values.toPy(p.value(), p.node());
  }

  private Obj unsupported(TSNode node, String function) {
    return in.state.dynamic(node, "arguments of " + function + "(...) not understood");
  }
}
