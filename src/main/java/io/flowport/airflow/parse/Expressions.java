package io.flowport.airflow.parse;

import io.flowport.airflow.parse.PyValue.*;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.treesitter.TSNode;

/** Evaluates expression nodes in the interpreter's current frame. */
final class Expressions {

  /** Builtins that are known by name; calls of most of them are evaluated by {@link Builtins}. */
  static final Set<String> BUILTINS = Set.of("dict", "list", "tuple", "set", "str", "int", "float",
      "bool", "len", "range", "enumerate", "zip", "sorted", "print", "min", "max", "sum", "abs",
      "round", "isinstance", "globals", "getattr", "open", "map", "filter", "any", "all",
      "reversed", "repr", "format", "type", "object", "Exception", "ImportError", "ValueError");

  private final Interpreter in;

  Expressions(Interpreter in) {
    this.in = in;
  }

  Obj eval(TSNode node) {
    return switch (node.getType()) {
      case "identifier" -> name(node);
      case "attribute" -> attribute(in.eval(node.getChildByFieldName("object")),
          in.state.text(node.getChildByFieldName("attribute")), node);
      case "call" -> in.calls.call(node);
      case "subscript" -> subscript(node);
      case "string", "concatenated_string" -> in.strings.literal(node);
      case "integer" -> integer(node);
      case "float" -> floating(node);
      case "true" -> new Obj.Data(new PyBool(true));
      case "false" -> new Obj.Data(new PyBool(false));
      case "none" -> new Obj.Data(PyNone.INSTANCE);
      case "list" -> sequence(node, Obj.SeqKind.LIST);
      case "tuple", "expression_list" -> sequence(node, Obj.SeqKind.TUPLE);
      case "set" -> sequence(node, Obj.SeqKind.SET);
      case "dictionary" -> dictionary(node);
      case "parenthesized_expression" -> in.eval(node.getNamedChild(0));
      case "binary_operator" -> binary(node);
      case "unary_operator" -> in.operators.unary(in.state.text(node.getChildByFieldName("operator")),
          in.eval(node.getChildByFieldName("argument")), node);
      case "not_operator" -> not(node);
      case "boolean_operator" -> bool(node);
      case "comparison_operator" -> comparison(node);
      case "conditional_expression" -> conditional(node);
      case "list_comprehension", "set_comprehension", "generator_expression", "dictionary_comprehension" ->
          new Comprehension(in, node).evaluate();
      case "named_expression" -> {
        Obj value = in.eval(node.getChildByFieldName("value"));
        in.frame.set(in.state.text(node.getChildByFieldName("name")), value);
        yield value;
      }
      case "lambda" -> in.state.dynamic(node, "lambda functions are not evaluated");
      default -> in.state.dynamic(node, "expression of kind '" + node.getType() + "' is not evaluated");
    };
  }

  private Obj name(TSNode node) {
    String name = in.state.text(node);
    Obj value = in.frame.lookup(name);
    if (value != null) {
      return value;
    }
    return BUILTINS.contains(name) ? new Obj.Name("builtins." + name) : in.state.undefinedName(node);
  }

  Obj attribute(Obj object, String name, TSNode node) {
    return switch (object) {
      case Obj.Name n when name.equals("__name__") ->
          new Obj.Data(new PyStr(n.qualifiedName().substring(n.qualifiedName().lastIndexOf('.') + 1)));
      case Obj.Name n -> new Obj.Name(n.qualifiedName() + "." + name);
      case Obj.Data d when d.value() instanceof PyDynamic p -> in.state.dynamicFrom(node, p);
      case Obj.TaskRef t when name.equals("output") -> new Obj.TaskRef(t.task(), true);
      case Obj.TaskRef t when name.equals("task_id") -> new Obj.Data(new PyStr(t.task().taskId));
      case Obj.TaskRef t when name.equals("dag") && t.task().dag != null -> new Obj.DagRef(t.task().dag);
      case Obj.DagRef d when name.equals("dag_id") -> new Obj.Data(new PyStr(d.dag().dagId));
      // Reading back what the file passed, e.g. dag.default_args or task.retries.
      case Obj.DagRef d when d.dag().args.containsKey(name) -> Obj.of(d.dag().args.get(name).value());
      case Obj.TaskRef t when !t.xcom() && t.task().kwargs.containsKey(name) -> Obj.of(t.task().kwargs.get(name).value());
      case Obj.GroupRef g when name.equals("group_id") -> new Obj.Data(new PyStr(g.group().groupId));
      default -> new Obj.Method(object, name);
    };
  }

  private Obj subscript(TSNode node) {
    Obj value = in.eval(node.getChildByFieldName("value"));
    TSNode indexNode = node.getChildByFieldName("subscript");
    if (value instanceof Obj.Name n && n.qualifiedName().equals("os.environ")) {
      return in.state.dynamic(node, "environment variable, read when the file is parsed");
    }
    if (value instanceof Obj.TaskRef t && t.xcom()) {
      // XComArg['key'] pulls another XCom key of the task; Airflow refuses other subscripts.
      Obj index = in.eval(indexNode);
      if (index instanceof Obj.Data d && d.value() instanceof PyStr key) {
        return new Obj.TaskRef(t.task(), true, key.value());
      }
      in.state.finding("xcom-subscript", Severity.ERROR, indexNode, "XComArg only supports str lookup (Airflow raises"
          + " ValueError): " + Collector.oneLine(in.state.text(node)));
      return in.state.dynamic(node, "XComArg subscript that is not a str");
    }
    if (indexNode.getType().equals("slice")) {
      return slice(value, indexNode, node);
    }
    Obj index = in.eval(indexNode);
    PyDynamic unknown = Operators.dynamicOf(value) != null ? Operators.dynamicOf(value) : Operators.dynamicOf(index);
    if (unknown != null) {
      return in.state.dynamicFrom(node, unknown);
    }
    PyValue key = in.values.toPy(index, indexNode);
    Obj found = switch (value) {
      case Obj.Dict d -> d.entries().get(key);
      case Obj.Seq s when s.kind() != Obj.SeqKind.SET -> at(s.items(), key);
      case Obj.Data d when d.value() instanceof PyStr s -> {
        List<Obj> chars = s.value().codePoints().mapToObj(c -> (Obj) new Obj.Data(new PyStr(Character.toString(c)))).toList();
        yield at(chars, key);
      }
      default -> null;
    };
    return found != null ? found : in.state.dynamic(node, whyNoItem(value, key));
  }

  private static String whyNoItem(Obj container, PyValue key) {
    return switch (container) {
      case Obj.Name n -> "'" + n.qualifiedName() + "' is imported; its contents are not known statically";
      case Obj.Dict d -> "key " + Objects.requireNonNullElse(PyText.repr(key), "?") + " is not in the dict";
      case Obj.Seq s -> "index " + Objects.requireNonNullElse(PyText.repr(key), "?") + " is not in the " + s.kind().name().toLowerCase();
      case Obj.Data d when d.value() instanceof PyNone -> "None has no items";
      default -> "subscript not known statically";
    };
  }

  private static Obj at(List<Obj> items, PyValue key) {
    if (!(key instanceof PyInt i) || i.value().bitLength() > 31) {
      return null;
    }
    int index = i.value().intValue();
    index = index < 0 ? items.size() + index : index;
    return index >= 0 && index < items.size() ? items.get(index) : null;
  }

  private Obj slice(Obj value, TSNode slice, TSNode node) {
    Integer[] bounds = new Integer[3];
    int part = 0;
    for (int i = 0; i < slice.getChildCount(); i++) {
      TSNode child = slice.getChild(i);
      if (child.getType().equals(":")) {
        part++;
      } else if (child.isNamed() && part < 3) {
        PyValue bound = in.values.toPy(in.eval(child), child);
        if (!(bound instanceof PyInt n) || n.value().bitLength() > 31) {
          return in.state.dynamic(node, "slice not known statically");
        }
        bounds[part] = n.value().intValue();
      }
    }
    if (bounds[2] != null && bounds[2] != 1) {
      return in.state.dynamic(node, "slices with a step are not supported");
    }
    List<Obj> items;
    if (value instanceof Obj.Seq s && s.kind() != Obj.SeqKind.SET) {
      items = s.items();
    } else if (value instanceof Obj.Data d && d.value() instanceof PyStr s) {
      items = s.value().codePoints().mapToObj(c -> (Obj) new Obj.Data(new PyStr(Character.toString(c)))).toList();
    } else {
      return in.state.dynamic(node, "slice not known statically");
    }
    int size = items.size();
    int from = clamp(bounds[0], 0, size);
    int to = clamp(bounds[1], size, size);
    List<Obj> picked = from < to ? items.subList(from, to) : List.of();
    if (value instanceof Obj.Seq s) {
      Obj.Seq result = Obj.Seq.of(s.kind());
      result.items().addAll(picked);
      return result;
    }
    StringBuilder text = new StringBuilder();
    picked.forEach(c -> text.append(((PyStr) ((Obj.Data) c).value()).value()));
    return new Obj.Data(new PyStr(text.toString()));
  }

  private static int clamp(Integer bound, int absent, int size) {
    if (bound == null) {
      return absent;
    }
    int at = bound < 0 ? size + bound : bound;
    return Math.max(0, Math.min(size, at));
  }

  private Obj integer(TSNode node) {
    String text = in.state.text(node).replace("_", "").toLowerCase();
    if (text.endsWith("j")) {
      return in.state.dynamic(node, "complex numbers are not supported");
    }
    int radix = text.startsWith("0x") ? 16 : text.startsWith("0o") ? 8 : text.startsWith("0b") ? 2 : 10;
    return new Obj.Data(new PyInt(new BigInteger(radix == 10 ? text : text.substring(2), radix)));
  }

  private Obj floating(TSNode node) {
    String text = in.state.text(node).replace("_", "");
    if (text.toLowerCase().endsWith("j")) {
      return in.state.dynamic(node, "complex numbers are not supported");
    }
    return new Obj.Data(new PyFloat(Double.parseDouble(text)));
  }

  private Obj sequence(TSNode node, Obj.SeqKind kind) {
    Obj.Seq seq = Obj.Seq.of(kind);
    for (int i = 0; i < node.getNamedChildCount(); i++) {
      TSNode item = node.getNamedChild(i);
      if (item.getType().equals("comment")) {
        continue;
      }
      if (item.getType().equals("list_splat")) {
        Obj spread = in.eval(item.getNamedChild(0));
        List<Obj> items = Comprehension.iterate(spread);
        seq.items().addAll(items != null ? items : List.of(in.state.dynamic(item, "unpacked value not known statically")));
      } else {
        seq.items().add(in.eval(item));
      }
    }
    return seq;
  }

  private Obj dictionary(TSNode node) {
    Obj.Dict dict = Obj.Dict.empty();
    for (int i = 0; i < node.getNamedChildCount(); i++) {
      TSNode item = node.getNamedChild(i);
      switch (item.getType()) {
        case "pair" -> {
          TSNode keyNode = item.getChildByFieldName("key");
          dict.entries().put(key(in.eval(keyNode), keyNode), in.eval(item.getChildByFieldName("value")));
        }
        case "dictionary_splat" -> {
          Obj spread = in.eval(item.getNamedChild(0));
          if (spread instanceof Obj.Dict other) {
            dict.entries().putAll(other.entries());
          } else {
            dict.entries().put(in.state.dynamic(item, "unpacked dict not known statically").value(),
                in.state.dynamic(item, "unpacked dict not known statically"));
          }
        }
        case "comment" -> { }
        default -> dict.entries().put(in.state.dynamic(item, "dict item not understood").value(),
            in.state.dynamic(item, "dict item not understood"));
      }
    }
    return dict;
  }

  /** A dict key: tuples become PyTuple so they can be hashed. */
  PyValue key(Obj key, TSNode node) {
    return in.values.toPy(key, node);
  }

  private Obj binary(TSNode node) {
    String op = in.state.text(node.getChildByFieldName("operator"));
    TSNode leftNode = node.getChildByFieldName("left");
    TSNode rightNode = node.getChildByFieldName("right");
    Obj left = in.eval(leftNode);
    Obj right = in.eval(rightNode);
    if ((op.equals(">>") || op.equals("<<")) && in.dependencies.isDependency(left, right)) {
      return in.dependencies.shift(op, left, leftNode, right, rightNode, node.getChildByFieldName("operator"));
    }
    return in.operators.binary(op, left, right, node);
  }

  private Obj not(TSNode node) {
    Boolean truth = Operators.truth(in.eval(node.getChildByFieldName("argument")));
    return truth == null ? in.state.dynamic(node, "condition not known statically") : new Obj.Data(new PyBool(!truth));
  }

  private Obj bool(TSNode node) {
    boolean and = in.state.text(node.getChildByFieldName("operator")).equals("and");
    Obj left = in.eval(node.getChildByFieldName("left"));
    Boolean truth = Operators.truth(left);
    if (truth == null) {
      return in.state.dynamic(node, "condition not known statically");
    }
    return truth == and ? in.eval(node.getChildByFieldName("right")) : left;
  }

  private Obj comparison(TSNode node) {
    List<TSNode> operands = new ArrayList<>();
    List<String> ops = new ArrayList<>();
    for (int i = 0; i < node.getChildCount(); i++) {
      TSNode child = node.getChild(i);
      if (child.isNamed()) {
        operands.add(child);
      } else {
        ops.add(child.getType());
      }
    }
    Obj left = in.eval(operands.get(0));
    for (int i = 0; i < ops.size(); i++) {
      Obj right = in.eval(operands.get(i + 1));
      Boolean result = in.operators.compare(ops.get(i), left, right, node);
      if (result == null) {
        return in.state.dynamic(node, "comparison not known statically");
      }
      if (!result) {
        return new Obj.Data(new PyBool(false));
      }
      left = right;
    }
    return new Obj.Data(new PyBool(true));
  }

  private Obj conditional(TSNode node) {
    Boolean truth = Operators.truth(in.eval(node.getNamedChild(1)));
    if (truth == null) {
      return in.state.dynamic(node, "condition not known statically");
    }
    return in.eval(node.getNamedChild(truth ? 0 : 2));
  }
}
