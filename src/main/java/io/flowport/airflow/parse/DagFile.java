package io.flowport.airflow.parse;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Everything read from one DAG file: the DAGs it defines and what was seen but not understood. */
public record DagFile(Path file, List<DagDef> dags, List<Finding> findings) {

  public DagFile {
    dags = List.copyOf(dags);
    findings = List.copyOf(findings);
  }

  /** The DAG with this id, if the file defines it. */
  public Optional<DagDef> dag(String dagId) {
    return dags.stream().filter(d -> d.dagId().equals(dagId)).findFirst();
  }
}
