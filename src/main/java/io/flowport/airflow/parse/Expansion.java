package io.flowport.airflow.parse;

import io.flowport.diag.SourceLocation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a mapped task ({@code .partial(...).expand(...)}, {@code .expand_kwargs(...)}) gets one task
 * instance per input. For {@code EXPAND} each argument maps over a list, a dict (its (key, value)
 * pairs) or an upstream task's XCom, several arguments over their cross product; for {@code
 * EXPAND_KWARGS} the only entry (key "") is a list of dicts or an XCom of one, each dict the
 * arguments of one instance. {@code taskflow}: the arguments are the function's (op_kwargs).
 */
public record Expansion(Kind kind, Map<String, Arg> args, SourceLocation location, boolean taskflow) {

  public enum Kind { EXPAND, EXPAND_KWARGS }

  public Expansion {
    args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
  }
}
