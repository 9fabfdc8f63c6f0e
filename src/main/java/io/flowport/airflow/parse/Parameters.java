package io.flowport.airflow.parse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.treesitter.TSNode;

/** Binds call arguments to a function's parameters the way Python does. */
final class Parameters {

  private final Interpreter in;
  private final Obj.Function function;

  Parameters(Interpreter in, Obj.Function function) {
    this.in = in;
    this.function = function;
  }

  /** False when the arguments do not fit (Python would raise TypeError). */
  boolean bind(CallArgs args, Frame local) {
    TSNode params = function.definition().getChildByFieldName("parameters");
    List<CallArgs.Passed> positional = args.positional();
    Map<String, CallArgs.Passed> keywords = new LinkedHashMap<>(args.keywords());
    int next = 0;
    boolean keywordOnly = false;
    String extraKeywords = null;
    for (int i = 0; i < params.getNamedChildCount(); i++) {
      TSNode param = params.getNamedChild(i);
      switch (param.getType()) {
        case "identifier", "typed_parameter", "default_parameter", "typed_default_parameter" -> {
          String name = in.state.text(switch (param.getType()) {
            case "identifier" -> param;
            case "typed_parameter" -> param.getNamedChild(0);
            default -> param.getChildByFieldName("name");
          });
          Obj value;
          if (!keywordOnly && next < positional.size()) {
            value = positional.get(next++).value();
            if (keywords.containsKey(name)) {
              return false;
            }
          } else if (keywords.containsKey(name)) {
            value = keywords.remove(name).value();
          } else if (Nodes.field(param, "value") != null) {
            TSNode fallback = param.getChildByFieldName("value");
            value = in.inFrame(function.closure(), () -> in.eval(fallback));
          } else {
            return false;
          }
          local.set(name, value);
        }
        case "list_splat_pattern" -> {
          Obj.Seq rest = Obj.Seq.of(Obj.SeqKind.TUPLE);
          while (next < positional.size()) {
            rest.items().add(positional.get(next++).value());
          }
          local.set(in.state.text(param.getNamedChild(0)), rest);
          keywordOnly = true;
        }
        case "keyword_separator" -> keywordOnly = true;
        case "dictionary_splat_pattern" -> extraKeywords = in.state.text(param.getNamedChild(0));
        default -> { }
      }
    }
    if (next < positional.size()) {
      return false;
    }
    if (extraKeywords != null) {
      Obj.Dict rest = Obj.Dict.empty();
      keywords.forEach((k, v) -> rest.entries().put(new PyValue.PyStr(k), v.value()));
      local.set(extraKeywords, rest);
      return true;
    }
    return keywords.isEmpty();
  }
}
