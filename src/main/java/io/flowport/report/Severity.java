package io.flowport.report;

/** How much a finding needs the user's attention, in the Camunda 7-to-8 converter's terms. */
public enum Severity {
  /** The source will fail or misbehave on its own platform; flowport reproduces that. */
  WARNING,
  /** flowport runs it differently from the source platform; check that the difference is fine. */
  REVIEW,
  /** Something the source has that flowport does not run (kept in the report, never dropped silently). */
  TASK,
  /** How a construct was converted. */
  INFO
}
