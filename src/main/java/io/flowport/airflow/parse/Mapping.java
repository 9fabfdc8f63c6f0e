package io.flowport.airflow.parse;

import io.flowport.airflow.parse.PyValue.*;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * Dynamic task mapping: {@code Operator.partial(...).expand(...)}, {@code task_fn.expand(...)},
 * {@code .expand_kwargs(...)}. The mapped task is one task with an {@link Expansion}; what it maps
 * over must be a literal list or dict, or an upstream task's XCom, as Airflow checks when it parses.
 */
final class Mapping {

  private final Interpreter in;
  /** Values of forms already refused, so an expand() over one is not reported a second time. */
  private final Set<PyDynamic> refused = Collections.newSetFromMap(new IdentityHashMap<>());

  Mapping(Interpreter in) {
    this.in = in;
  }

  Obj expand(Obj.Partial partial, String method, CallArgs args, TSNode node) {
    boolean kwargs = method.equals("expand_kwargs");
    Map<String, Arg> mapped = new LinkedHashMap<>();
    List<CallArgs.Passed> passed;
    if (kwargs) {
      if (args.positional().size() != 1 || !args.keywords().isEmpty()) {
        return unsupported(node, "expand-kwargs-arguments", "expand_kwargs() takes exactly one positional argument");
      }
      passed = args.positional();
    } else {
      if (!args.positional().isEmpty()) {
        return unsupported(args.positional().get(0).argument(), "expand-positional",
            "expand() takes keyword arguments only (Airflow raises TypeError)");
      }
      if (args.keywords().isEmpty()) {
        return unsupported(node, "expand-empty", "expand() needs at least one keyword argument to map over");
      }
      passed = List.copyOf(args.keywords().values());
    }
    for (Map.Entry<String, CallArgs.Passed> e : kwargs ? Map.of("", passed.get(0)).entrySet() : args.keywords().entrySet()) {
      PyValue value = mappable(e.getValue(), kwargs);
      if (value == null) {
        return in.state.runtime(node, "mapped task that is not converted");
      }
      mapped.put(e.getKey(), new Arg(value, in.state.at(e.getValue().argument())));
    }
    Obj made = partial.function() != null ? in.tasks.taskflow(partial.function(), partial.args(), node)
        : in.tasks.operator(partial.operator(), partial.args(), node);
    if (made instanceof Obj.TaskRef t) {
      t.task().expansion = new Expansion(kwargs ? Expansion.Kind.EXPAND_KWARGS : Expansion.Kind.EXPAND, mapped,
          in.state.at(node), partial.function() != null);
      for (CallArgs.Passed p : passed) {
        for (TaskBuild upstream : Values.xcomTasks(p.value())) {
          in.collector.addDependency(upstream, t.task(), in.state.at(p.argument()));
        }
      }
    }
    return made;
  }

  /** What one argument maps over, or null after reporting why it cannot be mapped. */
  private PyValue mappable(CallArgs.Passed passed, boolean kwargs) {
    String text = Collector.oneLine(in.state.text(passed.node()));
    if (passed.value() instanceof Obj.TaskRef t && t.xcom()) {
      if (!t.key().equals(Obj.TaskRef.RETURN_VALUE)) {
        unsupported(passed.argument(), "mapped-xcom-key", "mapping over " + text + ": only a task's return_value XCom"
            + " is mapped over (Airflow raises ValueError for another key)");
        return null;
      }
      return Values.xcom(t.task(), t.key());
    }
    if (!Values.xcomTasks(passed.value()).isEmpty()) {
      unsupported(passed.argument(), "mapped-nested-xcom", "mapping over " + text
          + ": XComArgs inside a literal are not supported yet; map over the XComArg itself");
      return null;
    }
    PyValue value = in.values.toPy(passed.value(), passed.node());
    if (value instanceof PyDynamic d && refused.contains(d)) {
      return null;
    }
    if (!in.values.reportedDynamics(value).isEmpty() || value instanceof PyDynamic) {
      unsupported(passed.argument(), "mapped-dynamic", "mapping over " + text + ", which is not known statically");
      return null;
    }
    boolean ok = kwargs ? value instanceof PyList l && l.items().stream().allMatch(i -> i instanceof PyDict)
        : value instanceof PyList || value instanceof PyDict;
    if (!ok) {
      unsupported(passed.argument(), "mapped-type", kwargs
          ? "expand_kwargs() maps over a list of dicts or an XComArg, not " + text
          : "cannot map over " + text + ": expand() takes a list, a dict or an XComArg (Airflow raises ValueError)");
      return null;
    }
    return value;
  }

  /** A mapping form flowport does not convert: an error at its place, and a value not reported again. */
  Obj unsupported(TSNode node, String id, String message) {
    in.state.finding(id, Severity.ERROR, node, message);
    Obj.Data value = in.state.runtime(node, message);
    refused.add((PyDynamic) value.value());
    return value;
  }
}
