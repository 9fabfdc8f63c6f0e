package io.flowport.ir;

/** The source language, which fixes the data semantics the generated jobs follow at run time. */
public enum Dialect {
  /** Step Functions: one JSON document flows from state to state; errors end the execution. */
  ASL,
  /** Airflow: tasks exchange XComs; each task ends in a state; leaf tasks decide the run's state. */
  AIRFLOW
}
