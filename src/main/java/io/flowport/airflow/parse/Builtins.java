package io.flowport.airflow.parse;

import io.flowport.airflow.parse.PyValue.*;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.treesitter.TSNode;

/** The Python builtins DAG files use to build values: dict(), list(), range(), str(), len(), ... */
final class Builtins {

  private static final int MAX_RANGE = 10_000;

  private final Interpreter in;

  Builtins(Interpreter in) {
    this.in = in;
  }

  Obj call(String name, CallArgs args, TSNode node) {
    List<Obj> positional = args.positional().stream().map(CallArgs.Passed::value).toList();
    for (Obj value : positional) {
      PyDynamic unknown = Operators.dynamicOf(value);
      if (unknown != null && !name.equals("print")) {
        return in.state.dynamicFrom(node, unknown);
      }
    }
    Obj first = positional.isEmpty() ? null : positional.get(0);
    Obj result = switch (name) {
      case "print" -> new Obj.Data(PyNone.INSTANCE);
      case "dict" -> dict(first, args, node);
      case "list" -> sequence(Obj.SeqKind.LIST, first);
      case "tuple" -> sequence(Obj.SeqKind.TUPLE, first);
      case "set" -> sequence(Obj.SeqKind.SET, first);
      case "str" -> first == null ? data(new PyStr("")) : text(first, node);
      case "bool" -> {
        Boolean truth = first == null ? Boolean.FALSE : Operators.truth(first);
        yield truth == null ? null : data(new PyBool(truth));
      }
      case "int" -> first == null ? data(PyInt.of(0)) : integer(in.values.toPy(first, node));
      case "float" -> first == null ? data(new PyFloat(0)) : floating(in.values.toPy(first, node));
      case "len" -> length(first);
      case "range" -> range(positional, node);
      case "enumerate" -> enumerate(first);
      case "zip" -> zip(positional);
      case "sorted" -> sorted(first, args, node);
      default -> null;
    };
    return result != null ? result : in.state.dynamic(node, "call of builtin '" + name + "' is not evaluated");
  }

  private Obj dict(Obj first, CallArgs args, TSNode node) {
    Obj.Dict dict = Obj.Dict.empty();
    if (first instanceof Obj.Dict other) {
      dict.entries().putAll(other.entries());
    } else if (first != null) {
      List<Obj> pairs = Comprehension.iterate(first);
      if (pairs == null) {
        return null;
      }
      for (Obj pair : pairs) {
        if (!(pair instanceof Obj.Seq s) || s.items().size() != 2) {
          return null;
        }
        dict.entries().put(in.values.toPy(s.items().get(0), node), s.items().get(1));
      }
    }
    args.keywords().forEach((k, p) -> dict.entries().put(new PyStr(k), p.value()));
    return dict;
  }

  private static Obj sequence(Obj.SeqKind kind, Obj first) {
    List<Obj> items = first == null ? List.of() : Comprehension.iterate(first);
    if (items == null) {
      return null;
    }
    Obj.Seq seq = Obj.Seq.of(kind);
    seq.items().addAll(items);
    return seq;
  }

  private Obj text(Obj value, TSNode node) {
    String text = PyText.str(in.values.toPy(value, node));
    return text == null ? null : data(new PyStr(text));
  }

  private static Obj integer(PyValue value) {
    return switch (value) {
      case PyInt i -> data(i);
      case PyBool b -> data(PyInt.of(b.value() ? 1 : 0));
      case PyFloat f when Double.isFinite(f.value()) -> data(new PyInt(new BigDecimal(f.value()).toBigInteger()));
      case PyStr s when s.value().strip().replace("_", "").matches("[-+]?\\d+") ->
          data(new PyInt(new BigInteger(s.value().strip().replace("_", ""))));
      default -> null;
    };
  }

  private static Obj floating(PyValue value) {
    return switch (value) {
      case PyFloat f -> data(f);
      case PyInt i -> data(new PyFloat(i.value().doubleValue()));
      case PyBool b -> data(new PyFloat(b.value() ? 1 : 0));
      case PyStr s when s.value().strip().matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?") ->
          data(new PyFloat(Double.parseDouble(s.value().strip())));
      default -> null;
    };
  }

  private static Obj length(Obj value) {
    return switch (value) {
      case Obj.Seq s -> data(PyInt.of(s.items().size()));
      case Obj.Dict d -> data(PyInt.of(d.entries().size()));
      case Obj.Data d when d.value() instanceof PyStr s -> data(PyInt.of(s.value().codePointCount(0, s.value().length())));
      case null, default -> null;
    };
  }

  private Obj range(List<Obj> positional, TSNode node) {
    long[] bounds = new long[positional.size()];
    for (int i = 0; i < bounds.length; i++) {
      if (!(positional.get(i) instanceof Obj.Data d && d.value() instanceof PyInt n) || n.value().bitLength() > 31) {
        return null;
      }
      bounds[i] = n.value().longValue();
    }
    long start = bounds.length > 1 ? bounds[0] : 0;
    long stop = bounds.length == 1 ? bounds[0] : bounds.length > 1 ? bounds[1] : 0;
    long step = bounds.length > 2 ? bounds[2] : 1;
    if (bounds.length == 0 || bounds.length > 3 || step == 0) {
      return null;
    }
    Obj.Seq seq = Obj.Seq.of(Obj.SeqKind.LIST);
    for (long i = start; step > 0 ? i < stop : i > stop; i += step) {
      if (seq.items().size() >= MAX_RANGE) {
        return in.state.dynamic(node, "range of more than " + MAX_RANGE + " numbers");
      }
      seq.items().add(data(PyInt.of(i)));
    }
    return seq;
  }

  private static Obj enumerate(Obj iterable) {
    List<Obj> items = iterable == null ? null : Comprehension.iterate(iterable);
    if (items == null) {
      return null;
    }
    Obj.Seq seq = Obj.Seq.of(Obj.SeqKind.LIST);
    for (int i = 0; i < items.size(); i++) {
      seq.items().add(new Obj.Seq(Obj.SeqKind.TUPLE, new ArrayList<>(List.of(data(PyInt.of(i)), items.get(i)))));
    }
    return seq;
  }

  private static Obj zip(List<Obj> iterables) {
    List<List<Obj>> lists = new ArrayList<>();
    for (Obj iterable : iterables) {
      List<Obj> items = Comprehension.iterate(iterable);
      if (items == null) {
        return null;
      }
      lists.add(items);
    }
    int size = lists.stream().mapToInt(List::size).min().orElse(0);
    Obj.Seq seq = Obj.Seq.of(Obj.SeqKind.LIST);
    for (int i = 0; i < size; i++) {
      Obj.Seq tuple = Obj.Seq.of(Obj.SeqKind.TUPLE);
      for (List<Obj> items : lists) {
        tuple.items().add(items.get(i));
      }
      seq.items().add(tuple);
    }
    return seq;
  }

  // Sorts strings or numbers only; other orderings are Python-specific.
  private Obj sorted(Obj iterable, CallArgs args, TSNode node) {
    List<Obj> items = iterable == null ? null : Comprehension.iterate(iterable);
    if (items == null || args.keywords().keySet().stream().anyMatch(k -> !k.equals("reverse"))) {
      return null;
    }
    List<PyValue> values = items.stream().map(i -> in.values.toPy(i, node)).toList();
    Comparator<PyValue> order;
    if (values.stream().allMatch(v -> v instanceof PyStr)) {
      order = Comparator.comparing(v -> ((PyStr) v).value());
    } else if (values.stream().allMatch(Operators::isNumber)) {
      order = Comparator.comparing(Operators::decimal);
    } else {
      return null;
    }
    CallArgs.Passed reverse = args.keyword("reverse");
    if (reverse != null && Operators.truth(reverse.value()) == Boolean.TRUE) {
      order = order.reversed();
    }
    Obj.Seq seq = Obj.Seq.of(Obj.SeqKind.LIST);
    values.stream().sorted(order).forEach(v -> seq.items().add(Obj.of(v)));
    return seq;
  }

  private static Obj data(PyValue value) {
    return new Obj.Data(value);
  }
}
