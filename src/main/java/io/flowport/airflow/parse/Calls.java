package io.flowport.airflow.parse;

import io.flowport.airflow.parse.PyValue.PyStr;
import io.flowport.diag.BadInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.treesitter.TSNode;

/** Evaluates call arguments and dispatches calls by what the callee is. */
final class Calls {

  private final Interpreter in;

  Calls(Interpreter in) {
    this.in = in;
  }

  Obj call(TSNode node) {
    TSNode function = node.getChildByFieldName("function");
    Obj callee = in.eval(function);
    return dispatch(callee, arguments(node), node);
  }

  /** The call's arguments with {@code *} and {@code **} expanded where their values are known. */
  CallArgs arguments(TSNode call) {
    TSNode list = call.getChildByFieldName("arguments");
    List<CallArgs.Passed> positional = new ArrayList<>();
    Map<String, CallArgs.Passed> keywords = new LinkedHashMap<>();
    if (list.getType().equals("generator_expression")) {
      positional.add(new CallArgs.Passed(in.eval(list), list, list));
      return new CallArgs(positional, keywords);
    }
    for (int i = 0; i < list.getNamedChildCount(); i++) {
      TSNode arg = list.getNamedChild(i);
      switch (arg.getType()) {
        case "comment" -> { }
        case "keyword_argument" -> {
          TSNode value = arg.getChildByFieldName("value");
          keyword(keywords, in.state.text(arg.getChildByFieldName("name")), new CallArgs.Passed(in.eval(value), value, arg));
        }
        case "list_splat" -> {
          List<Obj> items = Comprehension.iterate(in.eval(arg.getNamedChild(0)));
          if (items == null) {
            positional.add(new CallArgs.Passed(in.state.dynamic(arg, "unpacked arguments not known statically"), arg, arg));
          } else {
            items.forEach(item -> positional.add(new CallArgs.Passed(item, arg, arg)));
          }
        }
        case "dictionary_splat" -> {
          Obj spread = in.eval(arg.getNamedChild(0));
          if (spread instanceof Obj.Dict dict && dict.entries().keySet().stream().allMatch(k -> k instanceof PyStr)) {
            dict.entries().forEach((k, v) -> keyword(keywords, ((PyStr) k).value(), new CallArgs.Passed(v, arg, arg)));
          } else {
            in.state.finding("dynamic-kwargs", Severity.WARNING, arg, "'" + Collector.oneLine(in.state.text(arg))
                + "' is not known statically; the arguments it passes are not read");
          }
        }
        default -> positional.add(new CallArgs.Passed(in.eval(arg), arg, arg));
      }
    }
    return new CallArgs(positional, keywords);
  }

  private void keyword(Map<String, CallArgs.Passed> keywords, String name, CallArgs.Passed passed) {
    if (keywords.containsKey(name)) {
      throw new BadInputException(in.state.at(passed.argument()), "keyword argument '" + name + "' is given twice");
    }
    keywords.put(name, passed);
  }

  Obj dispatch(Obj callee, CallArgs args, TSNode node) {
    return switch (callee) {
      case Obj.Name n -> name(n.qualifiedName(), args, node);
      case Obj.Function f -> in.functions.call(f, args, node);
      case Obj.LocalClass c when Tasks.isOperatorClass(c.name()) -> in.tasks.operator(c.name(), args, node);
      case Obj.LocalClass c -> in.state.dynamic(node, "instance of class '" + c.name() + "' defined in this file");
      case Obj.Method m -> in.methods.call(m, args, node);
      case Obj.Data d when d.value() instanceof PyValue.PyDynamic p -> in.state.dynamicFrom(node, p);
      default -> in.state.dynamic(node, "'" + Collector.oneLine(in.state.text(node.getChildByFieldName("function")))
          + "' is not callable");
    };
  }

  private Obj name(String name, CallArgs args, TSNode node) {
    if (name.startsWith("builtins.")) {
      return in.builtins.call(name.substring("builtins.".length()), args, node);
    }
    Obj time = in.times.call(name, args, node);
    if (time != null) {
      return time;
    }
    boolean airflow = name.startsWith("airflow.");
    if (Tasks.isDagClass(name)) {
      return in.tasks.dag(args, node);
    }
    if (Tasks.isTaskGroupClass(name)) {
      return in.tasks.group(args, node);
    }
    if (airflow && name.endsWith(".chain")) {
      return in.dependencies.chain(args, node);
    }
    if (airflow && name.endsWith(".chain_linear")) {
      return in.dependencies.chainLinear(args, node);
    }
    if (airflow && name.endsWith(".cross_downstream")) {
      return in.dependencies.crossDownstream(args, node);
    }
    if (airflow && name.endsWith("Variable.get")) {
      return in.state.dynamic(node, "Airflow Variable, read when the file is parsed");
    }
    if (name.equals("os.getenv") || name.equals("os.environ.get")) {
      return in.state.dynamic(node, "environment variable, read when the file is parsed");
    }
    if (Tasks.isOperatorClass(name)) {
      return in.tasks.operator(name, args, node);
    }
    if (name.endsWith(".partial") && Tasks.isOperatorClass(name.substring(0, name.length() - ".partial".length()))) {
      return new Obj.Partial(name.substring(0, name.length() - ".partial".length()), null, args, node);
    }
    return in.state.dynamic(node, "call of '" + name + "' is not evaluated");
  }
}
