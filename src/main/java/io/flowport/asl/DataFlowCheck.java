package io.flowport.asl;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.catalog.AslResource;
import io.flowport.ir.StateGraph;
import io.flowport.ir.Step;
import io.flowport.report.Code;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows what each state's input is known to contain (from integration results, Parameters,
 * ResultPath...) and warns where a path reads a field that is certainly absent: Step Functions
 * fails such a state with States.Runtime. Only certain absences are reported, never guesses.
 */
final class DataFlowCheck {

  private final AslContext ctx;
  private final StateGraph graph;
  private final Map<String, Shape> inputs = new HashMap<>();

  private DataFlowCheck(AslContext ctx, StateGraph graph) {
    this.ctx = ctx;
    this.graph = graph;
  }

  static void run(AslContext ctx, StateGraph graph) {
    DataFlowCheck check = new DataFlowCheck(ctx, graph);
    check.propagate();
    check.report();
  }

  private void propagate() {
    inputs.put(graph.entry(), Shape.UNKNOWN);
    // The lattice is shallow (closed objects only lose keys or open up), so a few rounds settle it.
    for (int round = 0; round < 20; round++) {
      boolean changed = false;
      for (Step step : graph.steps()) {
        Shape in = inputs.get(step.name());
        if (in == null) {
          continue;
        }
        Shape out = output(step.name(), in);
        for (String next : step.successors()) {
          // A Catcher's state gets the input with the error output at its ResultPath: not followed.
          Shape sent = caught(step, next) ? Shape.join(next.equals(normalNext(step)) ? out : null, Shape.UNKNOWN) : out;
          Shape joined = Shape.join(inputs.get(next), sent);
          if (!joined.equals(inputs.get(next))) {
            inputs.put(next, joined);
            changed = true;
          }
        }
      }
      if (!changed) {
        return;
      }
    }
  }

  private static boolean caught(Step step, String next) {
    return switch (step) {
      case Step.Task t -> t.catchTargets().contains(next);
      case Step.Parallel p -> p.catchTargets().contains(next);
      case Step.Map m -> m.catchTargets().contains(next);
      default -> false;
    };
  }

  private static String normalNext(Step step) {
    return switch (step) {
      case Step.Task t -> t.next();
      case Step.Parallel p -> p.next();
      case Step.Map m -> m.next();
      default -> null;
    };
  }

  private JsonNode state(String name) {
    return ctx.doc().states().get(name);
  }

  /** The shape of a state's output given the shape of its input, labelled with where it comes from. */
  private Shape output(String name, Shape in) {
    Shape out = rawOutput(name, in);
    if (out instanceof Shape.Obj obj && !obj.origin().startsWith("the output of " + name)) {
      String note = obj.origin().startsWith("the result of " + name) ? obj.origin().substring(("the result of " + name).length()) : "";
      return new Shape.Obj(obj.fields(), obj.closed(), "the output of " + name + note);
    }
    return out;
  }

  private Shape rawOutput(String name, Shape in) {
    JsonNode state = state(name);
    if (io.flowport.runtime.asl.JsonataFlow.is(state)) {
      // JSONata expressions are not followed: the output of a JSONata state is unknown.
      return Shape.UNKNOWN;
    }
    String type = AslStates.type(state);
    Shape effective = path(in, AslStates.pathHeader(state, "InputPath"));
    Shape result;
    switch (type) {
      case "Task" -> {
        Shape params = state.has("Parameters") ? template(state.get("Parameters"), effective, name + " Parameters") : effective;
        result = taskResult(name, state, params);
      }
      case "Pass" -> {
        if (state.has("Result")) {
          result = literal(state.get("Result"), name + " Result");
        } else if (state.has("Parameters")) {
          result = template(state.get("Parameters"), effective, name + " Parameters");
        } else {
          result = effective;
        }
      }
      // Arrays of the branches' or iterations' outputs: nothing this check follows.
      case "Parallel", "Map" -> result = Shape.UNKNOWN;
      default -> {
        return path(effective, AslStates.pathHeader(state, "OutputPath"));
      }
    }
    if (state.has("ResultSelector")) {
      result = template(state.get("ResultSelector"), result, name + " ResultSelector");
    }
    Shape combined = resultPath(in, AslStates.pathHeader(state, "ResultPath"), result, name);
    return path(combined, AslStates.pathHeader(state, "OutputPath"));
  }

  private Shape taskResult(String name, JsonNode state, Shape params) {
    var match = ctx.catalog().aslResource(state.path("Resource").asText());
    if (match.isEmpty()) {
      return Shape.UNKNOWN;
    }
    AslResource entry = match.get().entry();
    if (entry.result() == null) {
      return Shape.UNKNOWN;
    }
    String what = "the result of " + name + " (" + state.path("Resource").asText().replaceFirst(".*:", "") + " returns only "
        + keys(entry.result()) + ")";
    return template(entry.result(), Shape.UNKNOWN, what);
  }

  private static String keys(JsonNode template) {
    StringBuilder sb = new StringBuilder("{");
    template.fieldNames().forEachRemaining(k -> sb.append(sb.length() > 1 ? ", " : "").append('"').append(k.replaceFirst("\\.\\$$", "")).append('"'));
    return sb.append("}").toString();
  }

  private Shape template(JsonNode template, Shape input, String origin) {
    if (!template.isObject()) {
      return literal(template, origin);
    }
    Map<String, Shape> fields = new LinkedHashMap<>();
    template.fields().forEachRemaining(e -> {
      String key = e.getKey();
      if (key.endsWith(".$")) {
        fields.put(key.substring(0, key.length() - 2), e.getValue().isTextual() ? path(input, e.getValue().asText()) : Shape.UNKNOWN);
      } else {
        fields.put(key, template(e.getValue(), input, origin));
      }
    });
    return new Shape.Obj(fields, true, origin);
  }

  private Shape literal(JsonNode value, String origin) {
    if (!value.isObject()) {
      return Shape.VALUE;
    }
    Map<String, Shape> fields = new LinkedHashMap<>();
    value.fields().forEachRemaining(e -> fields.put(e.getKey(), literal(e.getValue(), origin)));
    return new Shape.Obj(fields, true, origin);
  }

  private static Shape resultPath(Shape input, String resultPath, Shape result, String name) {
    if ("null".equals(resultPath)) {
      return input;
    }
    if (resultPath == null || resultPath.equals("$")) {
      return result;
    }
    var ref = RefPath.parse(resultPath);
    if (ref.isEmpty()) {
      return Shape.UNKNOWN;
    }
    return put(input, ref.get().steps(), 0, result, name);
  }

  private static Shape put(Shape target, List<Object> steps, int i, Shape value, String name) {
    if (i == steps.size()) {
      return value;
    }
    if (!(steps.get(i) instanceof String key)) {
      return Shape.UNKNOWN;
    }
    Map<String, Shape> fields = new LinkedHashMap<>();
    boolean closed = false;
    String origin = "the output of " + name;
    if (target instanceof Shape.Obj obj) {
      fields.putAll(obj.fields());
      closed = obj.closed();
    }
    fields.put(key, put(fields.getOrDefault(key, Shape.UNKNOWN), steps, i + 1, value, name));
    return new Shape.Obj(fields, closed, origin);
  }

  /** Follows a path; a path the check cannot follow, or one that certainly misses, gives UNKNOWN here. */
  private static Shape path(Shape shape, String path) {
    if (path == null || path.equals("$")) {
      return shape;
    }
    if (path.equals("null")) {
      return new Shape.Obj(Map.of(), true, "{}");
    }
    var ref = RefPath.parse(path);
    if (ref.isEmpty()) {
      return Shape.UNKNOWN;
    }
    Shape at = shape;
    for (Object step : ref.get().steps()) {
      if (at instanceof Shape.Obj obj && step instanceof String key && obj.fields().containsKey(key)) {
        at = obj.fields().get(key);
      } else {
        return Shape.UNKNOWN;
      }
    }
    return at;
  }

  /** Where a path certainly finds nothing: the closed object it runs into and the missing key. */
  private record Miss(Shape.Obj obj, String key) {}

  private static Miss miss(Shape shape, String path) {
    var ref = RefPath.parse(path);
    if (ref.isEmpty()) {
      return null;
    }
    Shape at = shape;
    for (Object step : ref.get().steps()) {
      if (!(at instanceof Shape.Obj obj)) {
        return null;
      }
      if (step instanceof String key) {
        if (!obj.fields().containsKey(key)) {
          return obj.closed() ? new Miss(obj, key) : null;
        }
        at = obj.fields().get(key);
      } else {
        return null;
      }
    }
    return null;
  }

  private void report() {
    for (Step step : graph.steps()) {
      Shape in = inputs.get(step.name());
      if (in == null) {
        continue;
      }
      JsonNode state = state(step.name());
      if (io.flowport.runtime.asl.JsonataFlow.is(state)) {
        continue;
      }
      Shape effective = path(in, AslStates.pathHeader(state, "InputPath"));
      checkPath(step.name(), in, AslStates.pathHeader(state, "InputPath"), "InputPath", "/InputPath");
      if (state.has("Parameters")) {
        checkTemplate(step.name(), state.get("Parameters"), effective, "/Parameters");
      }
      if (AslStates.type(state).equals("Choice")) {
        int i = 0;
        for (JsonNode rule : state.path("Choices")) {
          checkRule(step.name(), rule, effective, "/Choices/" + i++);
        }
      }
    }
  }

  private void checkTemplate(String name, JsonNode template, Shape input, String pointer) {
    if (!template.isObject()) {
      return;
    }
    template.fields().forEachRemaining(e -> {
      String p = pointer + "/" + io.flowport.json.LocatedJson.escape(e.getKey());
      if (e.getKey().endsWith(".$") && e.getValue().isTextual()) {
        checkPath(name, input, e.getValue().asText(), "the field '" + e.getKey() + "'", p);
      } else {
        checkTemplate(name, e.getValue(), input, p);
      }
    });
  }

  private void checkRule(String name, JsonNode rule, Shape input, String pointer) {
    if (rule.has("Variable") && !rule.has("IsPresent")) {
      checkPath(name, input, rule.get("Variable").asText(), "Variable", pointer + "/Variable");
    }
    for (String op : List.of("And", "Or")) {
      int i = 0;
      for (JsonNode sub : rule.path(op)) {
        checkRule(name, sub, input, pointer + "/" + op + "/" + i++);
      }
    }
    if (rule.has("Not")) {
      checkRule(name, rule.get("Not"), input, pointer + "/Not");
    }
  }

  private void checkPath(String name, Shape input, String path, String what, String pointer) {
    if (path == null || path.equals("null")) {
      return;
    }
    Miss m = miss(input, path);
    if (m == null) {
      return;
    }
    String known = m.obj().fields().keySet().toString();
    String suggestion = closest(m.key(), m.obj().fields().keySet());
    ctx.report().add(Code.ASL_PATH_NEVER_SET, ctx.doc().at(ctx.doc().pointer(name) + pointer), name,
        what + " reads " + path + ", but '" + m.key() + "' is never there: the input is " + m.obj().origin()
            + ", whose fields are " + known + ". Step Functions fails this state with States.Runtime",
        suggestion == null ? "read a field the input has" : "use " + path.replace(m.key(), suggestion));
  }

  /** The known key that shares the longest suffix with the missing one, e.g. ClusterId for CreateClusterClusterId. */
  private static String closest(String missing, java.util.Set<String> keys) {
    String best = null;
    int bestLen = 0;
    for (String k : keys) {
      int n = 0;
      while (n < k.length() && n < missing.length()
          && Character.toLowerCase(k.charAt(k.length() - 1 - n)) == Character.toLowerCase(missing.charAt(missing.length() - 1 - n))) {
        n++;
      }
      if (n > bestLen && n >= 2) {
        best = k;
        bestLen = n;
      }
    }
    return best;
  }
}
