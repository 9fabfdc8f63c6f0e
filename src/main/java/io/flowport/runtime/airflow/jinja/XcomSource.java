package io.flowport.runtime.airflow.jinja;

import java.util.Optional;

/** Where {@code ti.xcom_pull} reads XComs of the current DAG run. */
@FunctionalInterface
public interface XcomSource {

  /** The XCom {@code key} pushed by {@code taskId} in this run, or empty when there is none. */
  Optional<Object> read(String taskId, String key);
}
