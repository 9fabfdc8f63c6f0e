package io.flowport.runtime.airflow.jinja;

import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python's datetime.strftime and datetime.strptime (C locale) for the directives DAGs use in
 * {@code macros.ds_format} and {@code logical_date.strftime}; other directives are reported.
 */
final class Strftime {

  private Strftime() {}

  static String format(LocalDateTime t, boolean utc, String fmt) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < fmt.length(); i++) {
      char c = fmt.charAt(i);
      if (c != '%' || i + 1 >= fmt.length()) {
        sb.append(c);
        continue;
      }
      char d = fmt.charAt(++i);
      switch (d) {
        case 'Y' -> sb.append(t.getYear());
        case 'y' -> sb.append(two(t.getYear() % 100));
        case 'm' -> sb.append(two(t.getMonthValue()));
        case 'd' -> sb.append(two(t.getDayOfMonth()));
        case 'e' -> sb.append(String.format("%2d", t.getDayOfMonth()));
        case 'H' -> sb.append(two(t.getHour()));
        case 'I' -> sb.append(two(t.getHour() % 12 == 0 ? 12 : t.getHour() % 12));
        case 'M' -> sb.append(two(t.getMinute()));
        case 'S' -> sb.append(two(t.getSecond()));
        case 'f' -> sb.append(String.format("%06d", t.getNano() / 1000));
        case 'j' -> sb.append(String.format("%03d", t.getDayOfYear()));
        case 'p' -> sb.append(t.getHour() < 12 ? "AM" : "PM");
        case 'a' -> sb.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
        case 'A' -> sb.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        case 'b' -> sb.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
        case 'B' -> sb.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        case 'w' -> sb.append(t.getDayOfWeek().getValue() % 7);
        case 'u' -> sb.append(t.getDayOfWeek().getValue());
        case 'z' -> sb.append(utc ? "+0000" : "");
        case 'Z' -> sb.append(utc ? "UTC" : "");
        case 'F' -> sb.append(format(t, utc, "%Y-%m-%d"));
        case 'T' -> sb.append(format(t, utc, "%H:%M:%S"));
        case '%' -> sb.append('%');
        default -> throw TemplateRenderException.unsupported(
            "the strftime directive '%" + d + "' is not supported by flowport");
      }
    }
    return sb.toString();
  }

  private static String two(int v) {
    return String.format("%02d", v);
  }

  /** datetime.strptime(text, fmt), giving a naive datetime. */
  static LocalDateTime parse(String text, String fmt) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < fmt.length(); i++) {
      char c = fmt.charAt(i);
      if (c == '%' && i + 1 < fmt.length()) {
        char d = fmt.charAt(++i);
        re.append(switch (d) {
          case 'Y' -> "(?<Y>\\d\\d\\d\\d)";
          case 'y' -> "(?<y>\\d\\d)";
          case 'm' -> "(?<m>1[0-2]|0[1-9]|[1-9])";
          case 'd' -> "(?<d>3[01]|[12]\\d|0[1-9]|[1-9]| [1-9])";
          case 'H' -> "(?<H>2[0-3]|[0-1]\\d|\\d)";
          case 'I' -> "(?<I>1[0-2]|0[1-9]|[1-9])";
          case 'M' -> "(?<M>[0-5]\\d|\\d)";
          case 'S' -> "(?<S>6[0-1]|[0-5]\\d|\\d)";
          case 'f' -> "(?<f>[0-9]{1,6})";
          case 'j' -> "(?<j>36[0-6]|3[0-5]\\d|[12]\\d\\d|0[1-9]\\d|00[1-9]|[1-9]\\d|0[1-9]|[1-9])";
          case 'p' -> "(?<p>am|pm)";
          case 'b', 'B' -> "(?<" + d + ">" + names(true, d == 'B') + ")";
          case 'a', 'A' -> "(?<" + d + ">" + names(false, d == 'A') + ")";
          case '%' -> "%";
          default -> throw TemplateRenderException.unsupported(
              "the strptime directive '%" + d + "' is not supported by flowport");
        });
      } else if (Character.isWhitespace(c)) {
        re.append("\\s+");
        while (i + 1 < fmt.length() && Character.isWhitespace(fmt.charAt(i + 1))) {
          i++;
        }
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    Matcher m = Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE).matcher(text);
    if (!m.lookingAt()) {
      throw TemplateRenderException.valueError("time data " + Py.strRepr(text)
          + " does not match format " + Py.strRepr(fmt));
    }
    if (m.end() != text.length()) {
      throw TemplateRenderException.valueError("unconverted data remains: " + text.substring(m.end()));
    }
    int year = group(m, "Y") != null ? Integer.parseInt(group(m, "Y")) : 1900;
    if (group(m, "y") != null) {
      int y = Integer.parseInt(group(m, "y"));
      year = y <= 68 ? 2000 + y : 1900 + y;
    }
    int month = group(m, "m") != null ? Integer.parseInt(group(m, "m")) : 1;
    if (group(m, "b") != null || group(m, "B") != null) {
      String name = group(m, "b") != null ? group(m, "b") : group(m, "B");
      month = monthOf(name);
    }
    int day = group(m, "d") != null ? Integer.parseInt(group(m, "d").trim()) : 1;
    int hour = group(m, "H") != null ? Integer.parseInt(group(m, "H")) : 0;
    if (group(m, "I") != null) {
      hour = Integer.parseInt(group(m, "I")) % 12;
      if (group(m, "p") != null && group(m, "p").equalsIgnoreCase("pm")) {
        hour += 12;
      }
    }
    int minute = group(m, "M") != null ? Integer.parseInt(group(m, "M")) : 0;
    int second = group(m, "S") != null ? Integer.parseInt(group(m, "S")) : 0;
    int micro = group(m, "f") != null
        ? Integer.parseInt((group(m, "f") + "00000").substring(0, 6)) : 0;
    if (group(m, "j") != null) {
      LocalDateTime jan1 = LocalDateTime.of(year, 1, 1, hour, minute, second, micro * 1000);
      return jan1.plusDays(Integer.parseInt(group(m, "j")) - 1L);
    }
    if (second > 59) {
      throw TemplateRenderException.valueError("second must be in 0..59");
    }
    if (day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
      throw TemplateRenderException.valueError("day is out of range for month");
    }
    return LocalDateTime.of(year, month, day, hour, minute, second, micro * 1000);
  }

  private static String group(Matcher m, String name) {
    return m.pattern().pattern().contains("(?<" + name + ">") ? m.group(name) : null;
  }

  private static String names(boolean months, boolean full) {
    StringBuilder sb = new StringBuilder();
    int n = months ? 12 : 7;
    for (int i = 1; i <= n; i++) {
      TextStyle style = full ? TextStyle.FULL : TextStyle.SHORT;
      String name = months ? java.time.Month.of(i).getDisplayName(style, Locale.ENGLISH)
          : java.time.DayOfWeek.of(i).getDisplayName(style, Locale.ENGLISH);
      sb.append(i == 1 ? "" : "|").append(name);
    }
    return sb.toString();
  }

  private static int monthOf(String name) {
    for (int i = 1; i <= 12; i++) {
      java.time.Month month = java.time.Month.of(i);
      if (month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equalsIgnoreCase(name)
          || month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).equalsIgnoreCase(name)) {
        return i;
      }
    }
    throw new IllegalStateException(name);
  }
}
