package io.flowport.ir;

import io.flowport.diag.SourceLocation;

/**
 * A timer start: instances start on this schedule, besides the manual start.
 *
 * @param timeCycle a Zeebe timer cycle: ISO 8601 repeating interval ({@code R/P1D}) or a cron
 *     expression
 * @param description what the source said, e.g. {@code schedule_interval=timedelta(days=1)}
 */
public record Schedule(String timeCycle, String description, SourceLocation source) {}
