package io.flowport.runtime.airflow.jinja;

import java.util.List;

/**
 * One {@code ti.xcom_pull(...)} / {@code task_instance.xcom_pull(...)} call found in a template,
 * with the subscripts and attributes applied to its result, so a converter can check them
 * against what the upstream task pushes. Positions are 1-based, within the template string.
 *
 * @param receiver {@code ti} or {@code task_instance}
 * @param taskIds the literal task id(s), or null when task_ids is absent or not a literal
 * @param taskIdsIsList task_ids was a list or tuple literal: the result is a sequence
 * @param key the literal key ({@code return_value} when not given), or null when not a literal
 * @param accesses {@code [..]} and {@code .attr} applied to the result, innermost first
 * @param at where the call starts (the receiver name)
 * @param taskIdsAt where the task_ids argument starts, or null when absent
 * @param keyAt where the key argument starts, or null when absent
 * @param text the source of the call and its accesses, e.g.
 *     {@code ti.xcom_pull(task_ids='x')['JobFlowId']}
 */
public record XcomPull(String receiver, List<String> taskIds, boolean taskIdsIsList, String key,
    List<Access> accesses, Position at, Position taskIdsAt, Position keyAt, String text) {

  /**
   * One {@code [key]} or {@code .name} applied to the pulled value.
   *
   * @param subscript true for {@code [key]}, false for {@code .name}
   * @param key the literal key (String, Long, ...) or attribute name; null when not a literal
   * @param text the source text, e.g. {@code ['JobFlowId']}
   * @param at where the {@code [} or {@code .} is
   */
  public record Access(boolean subscript, Object key, String text, Position at) {}

  /** A 1-based line and column inside the template string. */
  public record Position(int line, int column) {
    @Override
    public String toString() {
      return line + ":" + column;
    }
  }
}
