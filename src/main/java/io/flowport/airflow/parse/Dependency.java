package io.flowport.airflow.parse;

import io.flowport.diag.SourceLocation;

/** {@code upstream >> downstream}, located at the operator or call that declared it. */
public record Dependency(String upstreamTaskId, String downstreamTaskId, SourceLocation location) {}
