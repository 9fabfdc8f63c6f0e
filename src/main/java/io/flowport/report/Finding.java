package io.flowport.report;

import io.flowport.diag.SourceLocation;

/**
 * One conversion message.
 *
 * @param code the catalogued message kind
 * @param location where in the source
 * @param element the ASL state name or Airflow task_id it concerns, or null for the whole file
 * @param text what was found
 * @param fix a suggested fix, or null
 */
public record Finding(Code code, SourceLocation location, String element, String text, String fix) {

  /** {@code file:line:col: warning FP101 [State]: text} — one line, as compilers print. */
  public String oneLine() {
    String kind = code.severity().name().toLowerCase();
    String where = element == null ? "" : " [" + element + "]";
    return location + ": " + kind + " " + code.id() + where + ": " + text + (fix == null ? "" : " Fix: " + fix);
  }
}
