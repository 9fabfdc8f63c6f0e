package io.flowport.airflow.parse;

import io.flowport.diag.SourceLocation;

/** A keyword argument's value and where the keyword (or the {@code **} splat) is written. */
public record Arg(PyValue value, SourceLocation location) {}
