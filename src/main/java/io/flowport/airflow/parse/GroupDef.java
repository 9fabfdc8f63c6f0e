package io.flowport.airflow.parse;

import io.flowport.diag.SourceLocation;
import java.util.Optional;

/**
 * One TaskGroup. {@code groupId} is Airflow's (dotted under a prefixing parent), {@code parentId}
 * the enclosing group's or null, {@code defaultArgs} the group's own {@code default_args} as
 * written (Airflow lays them over the parent group's, and the DAG's under both), or null.
 */
public record GroupDef(String groupId, String parentId, String label, SourceLocation location, Arg defaultArgs) {

  public Optional<Arg> defaults() {
    return Optional.ofNullable(defaultArgs);
  }
}
