package io.flowport.airflow.parse;

import io.flowport.airflow.parse.PyValue.PyStr;
import java.util.function.Supplier;
import org.treesitter.TSNode;

/**
 * Runs a DAG file's statements over static values: the parts that build DAGs are evaluated, the
 * rest is reported as findings. Each concern lives in its own class; this one wires them and holds
 * the frame that is currently executing.
 */
final class Interpreter {

  final ParseState state;
  final Values values;
  final Collector collector;
  final Strings strings = new Strings(this);
  final Formats formats = new Formats(this);
  final Operators operators = new Operators(this);
  final TimeValues times = new TimeValues(this);
  final Expressions expressions = new Expressions(this);
  final Statements statements = new Statements(this);
  final Calls calls = new Calls(this);
  final Methods methods = new Methods(this);
  final Builtins builtins = new Builtins(this);
  final Functions functions = new Functions(this);
  final Tasks tasks = new Tasks(this);
  final Mapping mapping = new Mapping(this);
  final Dependencies dependencies = new Dependencies(this);
  Frame frame = new Frame(null);

  Interpreter(PySource source) {
    this.state = new ParseState(source);
    this.values = new Values(state);
    this.collector = new Collector(state, values);
  }

  DagFile run(TSNode module) {
    // Airflow imports DAG files under a generated module name, so __main__ blocks never run.
    frame.set("__name__", new Obj.Data(new PyStr("unusual_prefix_" + moduleName())));
    try {
      statements.execBlock(module);
    } catch (ParseState.LimitReached e) {
      state.finding("too-complex", Severity.ERROR, e.node,
          "stopped reading the file after " + e.getMessage() + "; the model is incomplete");
    }
    functions.reportUncalledDags();
    return collector.build();
  }

  Obj eval(TSNode node) {
    return expressions.eval(node);
  }

  /** Runs {@code body} with {@code inner} as the current frame. */
  <T> T inFrame(Frame inner, Supplier<T> body) {
    Frame outer = frame;
    frame = inner;
    try {
      return body.get();
    } finally {
      frame = outer;
    }
  }

  private String moduleName() {
    String name = state.source.file == null ? "dag" : state.source.file.getFileName().toString();
    return name.endsWith(".py") ? name.substring(0, name.length() - 3) : name;
  }
}
