package io.flowport.airflow.parse;

import io.flowport.airflow.parse.PyValue.*;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.treesitter.TSNode;

/** Method calls on strings, dicts, lists, tasks and TaskFlow functions. */
final class Methods {

  private static final Set<String> MAPPING = Set.of("expand", "expand_kwargs");
  private static final Set<String> XCOM_METHODS = Set.of("map", "zip", "concat");

  private final Interpreter in;

  Methods(Interpreter in) {
    this.in = in;
  }

  Obj call(Obj.Method method, CallArgs args, TSNode node) {
    String name = method.name();
    Obj result = switch (method.self()) {
      case Obj.Data d when d.value() instanceof PyDynamic p -> in.state.dynamicFrom(node, p);
      case Obj.Data d when d.value() instanceof PyStr s -> string(s.value(), name, args, node);
      case Obj.Dict d -> dict(d, name, args, node);
      case Obj.Seq s when s.kind() == Obj.SeqKind.LIST -> list(s, name, args);
      case Obj.TaskRef t when name.equals("set_downstream") -> in.dependencies.setRelative(t, true, args, node);
      case Obj.TaskRef t when name.equals("set_upstream") -> in.dependencies.setRelative(t, false, args, node);
      case Obj.GroupRef g when name.equals("set_downstream") -> in.dependencies.setRelative(g, true, args, node);
      case Obj.GroupRef g when name.equals("set_upstream") -> in.dependencies.setRelative(g, false, args, node);
      case Obj.Function f when name.equals("override") && f.decoration().kind() == Obj.Decoration.Kind.TASK -> override(f, args);
      case Obj.LocalClass c when name.equals("partial") && Tasks.isOperatorClass(c.name()) ->
          new Obj.Partial(c.name(), null, args, node);
      case Obj.Function f when name.equals("partial") && f.decoration().kind() == Obj.Decoration.Kind.TASK ->
          new Obj.Partial(null, f, args, node);
      case Obj.Function f when MAPPING.contains(name) && f.decoration().kind() == Obj.Decoration.Kind.TASK ->
          in.mapping.expand(new Obj.Partial(null, f, CallArgs.NONE, node), name, args, node);
      case Obj.Partial p when MAPPING.contains(name) -> in.mapping.expand(p, name, args, node);
      case Obj.Function f when MAPPING.contains(name) || name.equals("partial") ->
          in.mapping.unsupported(node, "mapped-task-group", "dynamic task mapping of "
              + (f.decoration().kind() == Obj.Decoration.Kind.TASK_GROUP ? "a @task_group" : "'" + f.name() + "'")
              + " (" + name + ") is not supported yet");
      case Obj.TaskRef t when t.xcom() && XCOM_METHODS.contains(name) ->
          in.mapping.unsupported(node, "xcom-" + name, "XComArg." + name + "() is not supported yet");
      default -> null;
    };
    return result != null ? result : in.state.dynamic(node, "method '" + name + "' is not evaluated");
  }

  private Obj string(String self, String name, CallArgs args, TSNode node) {
    List<PyValue> values = new ArrayList<>();
    for (CallArgs.Passed p : args.positional()) {
      PyValue v = in.values.toPy(p.value(), p.node());
      if (v instanceof PyDynamic d && !name.equals("format")) {
        return in.state.dynamicFrom(node, d);
      }
      values.add(v);
    }
    String first = values.size() > 0 && values.get(0) instanceof PyStr s ? s.value() : null;
    String second = values.size() > 1 && values.get(1) instanceof PyStr s ? s.value() : null;
    return switch (name) {
      case "format" -> in.formats.format(self, args, node);
      case "upper" -> str(self.toUpperCase());
      case "lower" -> str(self.toLowerCase());
      case "strip" -> values.isEmpty() ? str(self.strip()) : null;
      case "lstrip" -> values.isEmpty() ? str(self.stripLeading()) : null;
      case "rstrip" -> values.isEmpty() ? str(self.stripTrailing()) : null;
      case "replace" -> first != null && second != null && values.size() == 2 ? str(self.replace(first, second)) : null;
      case "startswith" -> first != null ? new Obj.Data(new PyBool(self.startsWith(first))) : null;
      case "endswith" -> first != null ? new Obj.Data(new PyBool(self.endsWith(first))) : null;
      case "split" -> first != null && values.size() == 1 && !first.isEmpty() ? split(self, first) : null;
      case "join" -> values.size() == 1 ? join(self, args.positional().get(0).value(), node) : null;
      default -> null;
    };
  }

  private static Obj split(String self, String separator) {
    Obj.Seq parts = Obj.Seq.of(Obj.SeqKind.LIST);
    int from = 0;
    for (int at = self.indexOf(separator); at >= 0; at = self.indexOf(separator, from)) {
      parts.items().add(str(self.substring(from, at)));
      from = at + separator.length();
    }
    parts.items().add(str(self.substring(from)));
    return parts;
  }

  private Obj join(String separator, Obj iterable, TSNode node) {
    List<Obj> items = Comprehension.iterate(iterable);
    if (items == null) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    for (Obj item : items) {
      PyDynamic unknown = Operators.dynamicOf(item);
      if (unknown != null) {
        return in.state.dynamicFrom(node, unknown);
      }
      if (!(item instanceof Obj.Data d && d.value() instanceof PyStr s)) {
        return null;
      }
      parts.add(s.value());
    }
    return str(String.join(separator, parts));
  }

  private Obj dict(Obj.Dict self, String name, CallArgs args, TSNode node) {
    List<CallArgs.Passed> positional = args.positional();
    PyValue key = positional.isEmpty() ? null : in.values.toPy(positional.get(0).value(), positional.get(0).node());
    Obj fallback = positional.size() > 1 ? positional.get(1).value() : new Obj.Data(PyNone.INSTANCE);
    switch (name) {
      case "copy":
        return new Obj.Dict(new LinkedHashMap<>(self.entries()));
      case "get":
        return key == null ? null : self.entries().getOrDefault(key, fallback);
      case "setdefault":
        return key == null ? null : self.entries().computeIfAbsent(key, k -> fallback);
      case "pop":
        if (key == null || !self.entries().containsKey(key) && positional.size() < 2) {
          return null;
        }
        Obj removed = self.entries().remove(key);
        return removed != null ? removed : fallback;
      case "update":
        for (CallArgs.Passed p : positional) {
          if (!(p.value() instanceof Obj.Dict other)) {
            return null;
          }
          self.entries().putAll(other.entries());
        }
        args.keywords().forEach((k, p) -> self.entries().put(new PyStr(k), p.value()));
        return none();
      case "keys":
        return seq(self.entries().keySet().stream().map(Obj::of).toList());
      case "values":
        return seq(new ArrayList<>(self.entries().values()));
      case "items":
        List<Obj> pairs = new ArrayList<>();
        for (Map.Entry<PyValue, Obj> e : self.entries().entrySet()) {
          pairs.add(new Obj.Seq(Obj.SeqKind.TUPLE, new ArrayList<>(List.of(Obj.of(e.getKey()), e.getValue()))));
        }
        return seq(pairs);
      default:
        return null;
    }
  }

  private static Obj list(Obj.Seq self, String name, CallArgs args) {
    List<CallArgs.Passed> positional = args.positional();
    switch (name) {
      case "append":
        if (positional.size() != 1) {
          return null;
        }
        self.items().add(positional.get(0).value());
        return none();
      case "extend":
        List<Obj> items = positional.size() == 1 ? Comprehension.iterate(positional.get(0).value()) : null;
        if (items == null) {
          return null;
        }
        self.items().addAll(items);
        return none();
      case "copy":
        return seq(new ArrayList<>(self.items()));
      default:
        return null;
    }
  }

  // task_fn.override(task_id=..., retries=...) returns the function with those decorator arguments.
  private static Obj override(Obj.Function function, CallArgs args) {
    Obj.Decoration decoration = function.decoration();
    Map<String, CallArgs.Passed> keywords = new LinkedHashMap<>(decoration.args().keywords());
    keywords.putAll(args.keywords());
    CallArgs merged = new CallArgs(decoration.args().positional(), keywords);
    return new Obj.Function(function.definition(), function.name(),
        new Obj.Decoration(decoration.kind(), decoration.decorator(), merged), function.closure());
  }

  private static Obj seq(List<Obj> items) {
    return new Obj.Seq(Obj.SeqKind.LIST, new ArrayList<>(items));
  }

  private static Obj str(String value) {
    return new Obj.Data(new PyStr(value));
  }

  private static Obj none() {
    return new Obj.Data(PyNone.INSTANCE);
  }
}
