package io.flowport.runtime.airflow.jinja;

import io.flowport.runtime.airflow.jinja.Node.Args;
import io.flowport.runtime.airflow.jinja.Node.Expr;
import io.flowport.runtime.airflow.jinja.Node.Stmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs a parsed template against a context, with Jinja's scoping and StrictUndefined rules. */
final class Interpreter {

  /** Variables set by the template; a for-loop iteration gets its own frame. */
  private static final class Frame {
    final Frame parent;
    final Map<String, Object> vars = new HashMap<>();

    Frame(Frame parent) {
      this.parent = parent;
    }
  }

  private final SourceText src;
  private final TemplateContext context;

  Interpreter(SourceText src, TemplateContext context) {
    this.src = src;
    this.context = context;
  }

  String render(List<Stmt> body) {
    StringBuilder out = new StringBuilder();
    run(body, new Frame(null), out);
    return out.toString();
  }

  // ---- statements ----

  private void run(List<Stmt> body, Frame f, StringBuilder out) {
    for (Stmt s : body) {
      switch (s) {
        case Node.Text t -> out.append(t.text());
        case Node.Output o -> {
          Object v = eval(o.expr(), f);
          try {
            out.append(Py.str(v));
          } catch (TemplateRenderException e) {
            throw e.atLine(src.line(o.expr().at()));
          }
        }
        case Node.If i -> runIf(i, f, out);
        case Node.For l -> runFor(l, f, out);
        case Node.Assign a -> assign(a.target(), eval(a.value(), f), f, a.at());
        case Node.AssignBlock a -> {
          StringBuilder captured = new StringBuilder();
          run(a.body(), f, captured);
          assign(a.target(), captured.toString(), f, a.at());
        }
        case Node.Do d -> eval(d.expr(), f);
      }
    }
  }

  private void runIf(Node.If node, Frame f, StringBuilder out) {
    for (int k = 0; k < node.tests().size(); k++) {
      Expr test = node.tests().get(k);
      if (truthy(eval(test, f), test)) {
        run(node.bodies().get(k), f, out);
        return;
      }
    }
    run(node.otherwise(), f, out);
  }

  private void runFor(Node.For node, Frame f, StringBuilder out) {
    Object iterable = eval(node.iter(), f);
    List<Object> items;
    try {
      items = Py.iterate(iterable);
    } catch (TemplateRenderException e) {
      throw e.atLine(src.line(node.iter().at()));
    }
    if (node.filter() != null) {
      List<Object> kept = new ArrayList<>();
      for (Object item : items) {
        Frame probe = new Frame(f);
        assign(node.target(), item, probe, node.at());
        if (truthy(eval(node.filter(), probe), node.filter())) {
          kept.add(item);
        }
      }
      items = kept;
    }
    if (items.isEmpty()) {
      run(node.otherwise(), new Frame(f), out);
      return;
    }
    LoopContext loop = new LoopContext(items);
    for (int k = 0; k < items.size(); k++) {
      Frame iteration = new Frame(f);
      loop.advance(k);
      iteration.vars.put("loop", loop);
      assign(node.target(), items.get(k), iteration, node.at());
      run(node.body(), iteration, out);
    }
  }

  /** Binds a name, or unpacks into a tuple of names like Python's assignment. */
  private void assign(Expr target, Object value, Frame f, int at) {
    if (target instanceof Node.Name n) {
      f.vars.put(n.name(), value);
      return;
    }
    List<Expr> names = ((Node.TupleExpr) target).items();
    List<Object> values;
    try {
      if (!(value instanceof Undefined) && !(value instanceof String) && !(value instanceof List)
          && !(value instanceof PyTuple) && !(value instanceof Map)
          && !(value instanceof PySequence)) {
        throw TemplateRenderException.typeError(
            "cannot unpack non-iterable " + Py.typeName(value) + " object");
      }
      values = Py.iterate(value);
      if (values.size() > names.size()) {
        throw TemplateRenderException.valueError(
            "too many values to unpack (expected " + names.size() + ")");
      }
      if (values.size() < names.size()) {
        throw TemplateRenderException.valueError("not enough values to unpack (expected "
            + names.size() + ", got " + values.size() + ")");
      }
    } catch (TemplateRenderException e) {
      throw e.atLine(src.line(at));
    }
    for (int k = 0; k < names.size(); k++) {
      assign(names.get(k), values.get(k), f, at);
    }
  }

  private boolean truthy(Object v, Expr where) {
    try {
      return Py.truthy(v);
    } catch (TemplateRenderException e) {
      throw e.atLine(src.line(where.at()));
    }
  }

  // ---- expressions ----

  private Object eval(Expr e, Frame f) {
    try {
      return evalUnchecked(e, f);
    } catch (TemplateRenderException ex) {
      throw ex.atLine(src.line(e.at()));
    }
  }

  private Object evalUnchecked(Expr e, Frame f) {
    return switch (e) {
      case Node.Const c -> c.value();
      case Node.Name n -> resolve(n.name(), f);
      case Node.ListExpr l -> evalAll(l.items(), f);
      case Node.TupleExpr t -> new PyTuple(evalAll(t.items(), f));
      case Node.DictExpr d -> {
        Map<Object, Object> m = new LinkedHashMap<>();
        for (int k = 0; k < d.keys().size(); k++) {
          Object key = eval(d.keys().get(k), f);
          Py.checkHashable(key);
          Object existing = findKey(m, key);
          m.put(existing != Py.NOT_FOUND ? existing : key, eval(d.values().get(k), f));
        }
        yield m;
      }
      case Node.GetAttr g -> Access.getattr(eval(g.obj(), f), g.name());
      case Node.GetItem g -> Access.getitem(eval(g.obj(), f), eval(g.arg(), f));
      case Node.Slice s -> new PySlice(evalOrNull(s.start(), f), evalOrNull(s.stop(), f),
          evalOrNull(s.step(), f));
      case Node.Call c -> call(eval(c.fn(), f), c.args(), f);
      case Node.Filter flt -> {
        if (!Filters.SUPPORTED.contains(flt.name())) {
          throw new TemplateRenderException("TemplateRuntimeError",
              "No filter named " + Py.strRepr(flt.name()) + " found.");
        }
        Object value = eval(flt.node(), f);
        List<Object> args = new ArrayList<>();
        Map<String, Object> kwargs = new LinkedHashMap<>();
        evalArgs(flt.args(), f, args, kwargs);
        yield Filters.apply(flt.name(), value, args, kwargs);
      }
      case Node.Test t -> {
        if (!Tests.SUPPORTED.contains(t.name())) {
          throw new TemplateRenderException("TemplateRuntimeError",
              "No test named " + Py.strRepr(t.name()) + " found.");
        }
        Object value = eval(t.node(), f);
        List<Object> args = new ArrayList<>();
        Map<String, Object> kwargs = new LinkedHashMap<>();
        evalArgs(t.args(), f, args, kwargs);
        yield Tests.apply(t.name(), value, args, kwargs) != t.negated();
      }
      case Node.Binary b -> binary(b, f);
      case Node.Unary u -> u.op().equals("not") ? !Py.truthy(eval(u.operand(), f))
          : PyMath.negate(eval(u.operand(), f), u.op().equals("-"));
      case Node.Concat c -> {
        StringBuilder sb = new StringBuilder();
        for (Expr part : c.parts()) {
          sb.append(Py.str(eval(part, f)));
        }
        yield sb.toString();
      }
      case Node.Compare c -> compare(c, f);
      case Node.CondExpr c -> {
        if (Py.truthy(eval(c.test(), f))) {
          yield eval(c.then(), f);
        }
        if (c.otherwise() != null) {
          yield eval(c.otherwise(), f);
        }
        yield Undefined.lenient("the inline if-expression on line " + src.line(c.at())
            + " evaluated to false and no else section was defined.");
      }
    };
  }

  private static Object findKey(Map<Object, Object> m, Object key) {
    for (Object k : m.keySet()) {
      if (!(k instanceof String) || key instanceof String) {
        if (Py.eq(k, key)) {
          return k;
        }
      }
    }
    return Py.NOT_FOUND;
  }

  private Object evalOrNull(Expr e, Frame f) {
    return e == null ? null : eval(e, f);
  }

  private List<Object> evalAll(List<Expr> items, Frame f) {
    List<Object> out = new ArrayList<>();
    for (Expr item : items) {
      out.add(eval(item, f));
    }
    return out;
  }

  private Object resolve(String name, Frame f) {
    for (Frame fr = f; fr != null; fr = fr.parent) {
      if (fr.vars.containsKey(name)) {
        return fr.vars.get(name);
      }
    }
    Object v = context.lookup(name);
    if (v != TemplateContext.UNDEFINED) {
      return v;
    }
    Object global = Globals.lookup(name);
    return global != null ? global : Undefined.name(name);
  }

  private Object binary(Node.Binary b, Frame f) {
    Object left = eval(b.left(), f);
    return switch (b.op()) {
      case "and" -> Py.truthy(left) ? eval(b.right(), f) : left;
      case "or" -> Py.truthy(left) ? left : eval(b.right(), f);
      default -> PyMath.binary(b.op(), left, eval(b.right(), f));
    };
  }

  private Object compare(Node.Compare c, Frame f) {
    Object left = eval(c.first(), f);
    for (int k = 0; k < c.ops().size(); k++) {
      Object right = eval(c.rest().get(k), f);
      String op = c.ops().get(k);
      boolean ok = switch (op) {
        case "==" -> Py.eq(left, right);
        case "!=" -> !Py.eq(left, right);
        case "in" -> Py.contains(right, left);
        case "not in" -> !Py.contains(right, left);
        default -> Py.compare(op, left, right);
      };
      if (!ok) {
        return false;
      }
      left = right;
    }
    return true;
  }

  private Object call(Object fn, Args args, Frame f) {
    if (fn instanceof Undefined u) {
      throw u.fail();
    }
    if (!(fn instanceof PyCallable callable)) {
      throw TemplateRenderException.typeError("'" + Py.typeName(fn) + "' object is not callable");
    }
    List<Object> positional = new ArrayList<>();
    Map<String, Object> kwargs = new LinkedHashMap<>();
    evalArgs(args, f, positional, kwargs);
    return callable.call(positional, kwargs);
  }

  private void evalArgs(Args args, Frame f, List<Object> positional, Map<String, Object> kwargs) {
    positional.addAll(evalAll(args.positional(), f));
    for (int k = 0; k < args.names().size(); k++) {
      kwargs.put(args.names().get(k), eval(args.keywords().get(k), f));
    }
    if (args.star() != null) {
      positional.addAll(Py.iterate(eval(args.star(), f)));
    }
    if (args.starStar() != null) {
      Object m = eval(args.starStar(), f);
      if (!(m instanceof Map<?, ?> map)) {
        throw TemplateRenderException.typeError(
            "argument after ** must be a mapping, not " + Py.typeName(m));
      }
      map.forEach((k, v) -> kwargs.put(Py.str(k), v));
    }
  }
}
