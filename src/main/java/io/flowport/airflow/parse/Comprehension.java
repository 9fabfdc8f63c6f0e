package io.flowport.airflow.parse;

import io.flowport.airflow.parse.PyValue.PyStr;
import java.util.ArrayList;
import java.util.List;
import org.treesitter.TSNode;

/** List, set, dict and generator comprehensions over collections known statically. */
final class Comprehension {

  private final Interpreter in;
  private final TSNode node;
  private final TSNode body;
  private final List<TSNode> clauses = new ArrayList<>();
  private final Obj result;

  Comprehension(Interpreter in, TSNode node) {
    this.in = in;
    this.node = node;
    this.body = node.getChildByFieldName("body");
    for (int i = 0; i < node.getNamedChildCount(); i++) {
      TSNode child = node.getNamedChild(i);
      if (child.getType().equals("for_in_clause") || child.getType().equals("if_clause")) {
        clauses.add(child);
      }
    }
    this.result = switch (node.getType()) {
      case "dictionary_comprehension" -> Obj.Dict.empty();
      case "set_comprehension" -> Obj.Seq.of(Obj.SeqKind.SET);
      default -> Obj.Seq.of(Obj.SeqKind.LIST);
    };
  }

  Obj evaluate() {
    boolean known = in.inFrame(new Frame(in.frame), () -> run(0));
    return known ? result : in.state.dynamic(node, "comprehension over values not known statically");
  }

  private boolean run(int clause) {
    if (clause == clauses.size()) {
      emit();
      return true;
    }
    TSNode current = clauses.get(clause);
    if (current.getType().equals("if_clause")) {
      Boolean truth = Operators.truth(in.eval(current.getNamedChild(0)));
      if (truth == null) {
        in.state.finding("dynamic-condition", Severity.WARNING, current,
            "condition not known statically; the comprehension is not evaluated");
        return false;
      }
      return !truth || run(clause + 1);
    }
    TSNode source = current.getChildByFieldName("right");
    List<Obj> items = iterate(in.eval(source));
    if (items == null) {
      in.state.finding("dynamic-loop", Severity.WARNING, source,
          "loop over a value not known statically; tasks it would create are not in the model");
      return false;
    }
    for (Obj item : items) {
      in.state.step(current);
      in.statements.assign(current.getChildByFieldName("left"), item, source);
      if (!run(clause + 1)) {
        return false;
      }
    }
    return true;
  }

  private void emit() {
    if (result instanceof Obj.Dict dict) {
      TSNode keyNode = body.getChildByFieldName("key");
      dict.entries().put(in.expressions.key(in.eval(keyNode), keyNode), in.eval(body.getChildByFieldName("value")));
    } else {
      ((Obj.Seq) result).items().add(in.eval(body));
    }
  }

  /** The items a {@code for} would visit, or null when not known statically. */
  static List<Obj> iterate(Obj value) {
    return switch (value) {
      case Obj.Seq s -> new ArrayList<>(s.items());
      case Obj.Dict d -> d.entries().keySet().stream().map(Obj::of).toList();
      case Obj.Data d when d.value() instanceof PyStr s ->
          s.value().codePoints().mapToObj(c -> (Obj) new Obj.Data(new PyStr(Character.toString(c)))).toList();
      default -> null;
    };
  }
}
