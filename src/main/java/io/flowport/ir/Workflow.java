package io.flowport.ir;

import io.flowport.diag.SourceLocation;
import java.util.List;

/**
 * One converted workflow: what a front-end (ASL, Airflow) understood of its source, independent of
 * BPMN. The back-end turns it into one executable process.
 *
 * @param id the BPMN process id (NCName-safe)
 * @param name a human name for the process
 * @param description the source's comment or description, or null
 * @param dialect how data flows at run time (decides the runtime contract of the jobs)
 * @param source where the workflow is defined
 * @param triggers how instances start; a manual start is always possible
 * @param body the control flow
 * @param notes the comment or documentation of each state or task that has one, by its name
 * @param timeout how long an instance may run before it fails (a state machine's TimeoutSeconds),
 *     or null
 */
public record Workflow(
    String id,
    String name,
    String description,
    Dialect dialect,
    SourceLocation source,
    List<Schedule> triggers,
    Body body,
    java.util.Map<String, String> notes,
    java.time.Duration timeout) {

  public Workflow {
    triggers = List.copyOf(triggers);
    notes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(notes));
  }

  public Workflow(String id, String name, String description, Dialect dialect, SourceLocation source, List<Schedule> triggers,
      Body body) {
    this(id, name, description, dialect, source, triggers, body, java.util.Map.of());
  }

  public Workflow(String id, String name, String description, Dialect dialect, SourceLocation source, List<Schedule> triggers,
      Body body, java.util.Map<String, String> notes) {
    this(id, name, description, dialect, source, triggers, body, notes, null);
  }
}
