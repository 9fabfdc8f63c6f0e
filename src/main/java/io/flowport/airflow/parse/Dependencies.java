package io.flowport.airflow.parse;

import io.flowport.diag.SourceLocation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.treesitter.TSNode;

/** {@code >>}, {@code <<}, set_upstream/set_downstream, chain, chain_linear and cross_downstream. */
final class Dependencies {

  private final Interpreter in;
  private final Set<Obj> reported = Collections.newSetFromMap(new IdentityHashMap<>());

  Dependencies(Interpreter in) {
    this.in = in;
  }

  /** Whether {@code a >> b} is meant as a dependency rather than an integer shift. */
  boolean isDependency(Obj left, Obj right) {
    return isTaskLike(left) || isTaskLike(right) || in.state.isUndefinedName(left) || in.state.isUndefinedName(right);
  }

  private static boolean isTaskLike(Obj value) {
    return switch (value) {
      case Obj.TaskRef t -> true;
      case Obj.GroupRef g -> true;
      case Obj.Seq s -> s.items().stream().anyMatch(Dependencies::isTaskLike);
      default -> false;
    };
  }

  /** {@code left >> right} or {@code left << right}; the value is the right operand, as in Airflow. */
  Obj shift(String op, Obj left, TSNode leftNode, Obj right, TSNode rightNode, TSNode opNode) {
    if (left instanceof Obj.Seq && right instanceof Obj.Seq) {
      in.state.finding("list-dependency", Severity.ERROR, opNode, "'list " + op
          + " list' fails in Airflow (lists have no " + op + "); use cross_downstream; not added");
      return right;
    }
    boolean down = op.equals(">>");
    List<TaskBuild> upstream = down ? ends(left, leftNode, true) : ends(right, rightNode, true);
    List<TaskBuild> downstream = down ? ends(right, rightNode, false) : ends(left, leftNode, false);
    link(upstream, downstream, in.state.at(opNode));
    return right;
  }

  /** {@code task.set_downstream(other)} or {@code task.set_upstream(other)}; a group's leaves or roots likewise. */
  Obj setRelative(Obj task, boolean downstream, CallArgs args, TSNode node) {
    CallArgs.Passed other = args.get(0, "task_or_task_list");
    if (other == null) {
      return in.state.dynamic(node, "set_upstream/set_downstream without a task");
    }
    if (downstream) {
      link(ends(task, node, true), ends(other.value(), other.node(), false), in.state.at(node));
    } else {
      link(ends(other.value(), other.node(), true), ends(task, node, false), in.state.at(node));
    }
    return none();
  }

  /** {@code chain(a, [b, c], d)}: neighbours are linked; two lists are linked pairwise. */
  Obj chain(CallArgs args, TSNode node) {
    List<CallArgs.Passed> items = args.positional();
    SourceLocation at = in.state.at(node);
    for (int i = 0; i + 1 < items.size(); i++) {
      CallArgs.Passed up = items.get(i);
      CallArgs.Passed down = items.get(i + 1);
      if (up.value() instanceof Obj.Seq a && down.value() instanceof Obj.Seq b) {
        if (a.items().size() != b.items().size()) {
          in.state.finding("chain-length-mismatch", Severity.ERROR, down.node(), "chain() of lists of "
              + a.items().size() + " and " + b.items().size() + " tasks fails in Airflow; not added");
          continue;
        }
        for (int j = 0; j < a.items().size(); j++) {
          link(ends(a.items().get(j), item(up.node(), j, a), true), ends(b.items().get(j), item(down.node(), j, b), false), at);
        }
      } else {
        link(ends(up.value(), up.node(), true), ends(down.value(), down.node(), false), at);
      }
    }
    return none();
  }

  /**
   * {@code chain_linear(a, [b, c], [d, e])}: every task of an element before every task of the
   * next (Airflow 2.7+); one element sets nothing, which Airflow refuses.
   */
  Obj chainLinear(CallArgs args, TSNode node) {
    List<CallArgs.Passed> items = args.positional();
    if (items.size() < 2) {
      in.state.finding("chain-linear-nothing", Severity.ERROR, node, items.isEmpty()
          ? "chain_linear() without tasks fails in Airflow (ValueError: No tasks provided)"
          : "chain_linear() of one element sets no dependency, which Airflow refuses (ValueError); expand a list with *");
      return none();
    }
    SourceLocation at = in.state.at(node);
    for (int i = 0; i + 1 < items.size(); i++) {
      CallArgs.Passed up = items.get(i);
      CallArgs.Passed down = items.get(i + 1);
      List<Obj> ups = up.value() instanceof Obj.Seq s ? s.items() : List.of(up.value());
      for (int j = 0; j < ups.size(); j++) {
        TSNode upNode = up.value() instanceof Obj.Seq s ? item(up.node(), j, s) : up.node();
        // Each `task >> element` in turn, as Airflow does: a group's ends are those at that moment.
        link(ends(ups.get(j), upNode, true), ends(down.value(), down.node(), false), at);
      }
    }
    return none();
  }

  /** {@code cross_downstream(from_tasks, to_tasks)}: every task of the first list before every one of the second. */
  Obj crossDownstream(CallArgs args, TSNode node) {
    CallArgs.Passed from = args.get(0, "from_tasks");
    CallArgs.Passed to = args.get(1, "to_tasks");
    if (from == null || to == null) {
      return in.state.dynamic(node, "cross_downstream needs from_tasks and to_tasks");
    }
    link(ends(from.value(), from.node(), true), ends(to.value(), to.node(), false), in.state.at(node));
    return none();
  }

  private void link(List<TaskBuild> upstream, List<TaskBuild> downstream, SourceLocation at) {
    for (TaskBuild up : upstream) {
      for (TaskBuild down : downstream) {
        in.collector.addDependency(up, down, at);
      }
    }
  }

  /**
   * The tasks a dependency operand stands for. A TaskGroup stands for its last tasks when upstream
   * and its first tasks when downstream. Anything else is reported and stands for nothing.
   */
  private List<TaskBuild> ends(Obj value, TSNode node, boolean upstream) {
    switch (value) {
      case Obj.TaskRef t -> {
        return List.of(t.task());
      }
      case Obj.GroupRef g -> {
        return upstream ? g.group().leaves() : g.group().roots();
      }
      case Obj.Seq s -> {
        List<TaskBuild> tasks = new ArrayList<>();
        for (int i = 0; i < s.items().size(); i++) {
          tasks.addAll(ends(s.items().get(i), item(node, i, s), upstream));
        }
        return tasks;
      }
      default -> {
        // `a >> [missing] >> b` meets the same bad operand twice; report it once, where written.
        if (!reported.add(value)) {
          return List.of();
        }
        String text = Collector.oneLine(in.state.text(node));
        if (in.state.isUndefinedName(value)) {
          in.state.finding("unknown-dependency", Severity.ERROR, node,
              "'" + text + "' is not defined in this file; the dependency is not added");
        } else {
          PyValue.PyDynamic unknown = Operators.dynamicOf(value);
          in.state.finding("not-a-task", Severity.ERROR, node, quoted(text) + " is not a task"
              + (unknown != null ? " (" + unknown.reason() + ")" : "") + "; the dependency is not added");
        }
        return List.of();
      }
    }
  }

  private static String quoted(String text) {
    return text.startsWith("'") || text.startsWith("\"") ? text : "'" + text + "'";
  }

  // The node of item i when the operand is written as a list/tuple literal, else the operand itself.
  private static TSNode item(TSNode node, int index, Obj.Seq seq) {
    boolean literal = node.getType().equals("list") || node.getType().equals("tuple");
    return literal && node.getNamedChildCount() == seq.items().size() ? node.getNamedChild(index) : node;
  }

  private static Obj none() {
    return new Obj.Data(PyValue.PyNone.INSTANCE);
  }
}
