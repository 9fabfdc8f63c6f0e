package io.flowport.airflow.parse;

/** How much a {@link Finding} matters for conversion. */
public enum Severity {
  /** The model is missing or contradicts something the file says. */
  ERROR,
  /** Something was read but could not be evaluated; the model holds a placeholder. */
  WARNING,
  /** Something was left out on purpose and does not change the model. */
  INFO
}
