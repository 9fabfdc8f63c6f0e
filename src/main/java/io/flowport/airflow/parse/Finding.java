package io.flowport.airflow.parse;

import io.flowport.diag.SourceLocation;

/**
 * Something in the file that was seen but not (fully) understood. {@code id} is a stable
 * kebab-case name such as {@code dynamic-value} or {@code unknown-dependency}.
 */
public record Finding(String id, Severity severity, SourceLocation location, String message) {

  @Override
  public String toString() {
    return location + ": " + severity.name().toLowerCase() + ": " + message + " [" + id + "]";
  }
}
