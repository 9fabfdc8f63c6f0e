package io.flowport.asl;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.diag.BadInputException;
import io.flowport.json.LocatedJson;
import io.flowport.report.Code;
import io.flowport.runtime.asl.AslSyntaxException;
import io.flowport.runtime.asl.Intrinsics;
import io.flowport.runtime.asl.JsonPaths;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Workflow variables in JSONPath states: where {@code Assign} may stand (Pass, Task, Map, Parallel,
 * Wait and Choice states, a Choice's rules, Catchers; not Succeed or Fail), what it may hold, and
 * scopes: a Parallel branch or Map iteration reads the variables of the scopes around it but may
 * not assign one of their names (its own stay inside).
 */
final class Assignments {

  /** Names of JSONata variables: a letter or _ first, then letters, digits and _. */
  private static final Pattern NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_]*");

  /** Step Functions reserves $states (JSONata's state input, result, error output and context). */
  private static final String RESERVED = "states";

  /** Checks every Assign of a state (its own, its Choice rules', its Catchers') and its ResultPaths. */
  static void check(AslContext ctx, String name, JsonNode state) {
    String at = ctx.doc().pointer(name);
    if (state.has("Assign")) {
      assign(ctx, name, at + "/Assign", state.get("Assign"), io.flowport.runtime.asl.JsonataFlow.is(state));
    }
    JsonNode rules = state.path("Choices");
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).has("Assign")) {
        assign(ctx, name, at + "/Choices/" + i + "/Assign", rules.get(i).get("Assign"), io.flowport.runtime.asl.JsonataFlow.is(state));
      }
      nestedRules(ctx, name, at + "/Choices/" + i, rules.get(i));
    }
    JsonNode catchers = state.path("Catch");
    for (int i = 0; i < catchers.size(); i++) {
      JsonNode c = catchers.get(i);
      if (c.has("Assign")) {
        assign(ctx, name, at + "/Catch/" + i + "/Assign", c.get("Assign"), io.flowport.runtime.asl.JsonataFlow.is(state));
      }
      notVariable(ctx, name, at + "/Catch/" + i + "/ResultPath", c.get("ResultPath"));
    }
    notVariable(ctx, name, at + "/ResultPath", state.get("ResultPath"));
    if (state.has("Assign") && state.has("ResultSelector")) {
      ctx.report().add(Code.ASL_ASSIGN_RAW_RESULT, ctx.doc().at(at + "/Assign"), name,
          "$ in this Assign is the state's result as the " + AslStates.type(state).toLowerCase(java.util.Locale.ROOT)
              + " returned it, before ResultSelector, as LocalStack evaluates it; AWS's guide does not say which one it is",
          "read the fields you need from the raw result, or assign in the next state from its input");
    }
  }

  /** Only a top-level Choice rule has Next, and so Assign; the rules inside And, Or and Not have neither. */
  private static void nestedRules(AslContext ctx, String state, String at, JsonNode rule) {
    for (String op : new String[] {"And", "Or"}) {
      JsonNode inner = rule.path(op);
      for (int i = 0; i < inner.size(); i++) {
        inner(ctx, state, at + "/" + op + "/" + i, inner.get(i));
      }
    }
    if (rule.path("Not").isObject()) {
      inner(ctx, state, at + "/Not", rule.get("Not"));
    }
  }

  private static void inner(AslContext ctx, String state, String at, JsonNode rule) {
    if (rule.has("Assign")) {
      throw new BadInputException(ctx.doc().at(at + "/Assign"), "Choice state '" + state
          + "': Assign belongs on a top-level Choice rule (next to its Next), not inside And, Or or Not");
    }
    nestedRules(ctx, state, at, rule);
  }

  /** The names a state assigns: its own Assign, its Choice rules' and its Catchers'. */
  static Set<String> names(JsonNode state) {
    Set<String> out = new TreeSet<>();
    keys(state.get("Assign"), out);
    state.path("Choices").forEach(rule -> keys(rule.get("Assign"), out));
    state.path("Catch").forEach(c -> keys(c.get("Assign"), out));
    return out;
  }

  /** The names the states of one scope assign (the states themselves, not their branches or iterations). */
  static Set<String> names(AslDocument.Scope scope) {
    Set<String> out = new TreeSet<>();
    scope.states().values().forEach(s -> out.addAll(names(s)));
    return out;
  }

  /**
   * Fails when a state inside a Parallel branch or Map iteration assigns a name that a state of a
   * scope around it assigns: Step Functions keeps inner variables inside and outer ones read-only there.
   */
  static void scopes(AslDocument doc, io.flowport.report.Report report, AslDocument.Scope scope, Set<String> outer) {
    scopes(doc, report, scope, outer, "machine");
  }

  private static void scopes(AslDocument doc, io.flowport.report.Report report, AslDocument.Scope scope, Set<String> outer,
      String kind) {
    Set<String> visible = new TreeSet<>(outer);
    visible.addAll(names(scope));
    for (Map.Entry<String, JsonNode> e : scope.states().entrySet()) {
      String name = e.getKey();
      JsonNode state = e.getValue();
      Set<String> unknown = new TreeSet<>(references(state));
      unknown.removeAll(visible);
      if (!unknown.isEmpty()) {
        report.add(Code.ASL_VARIABLE_NEVER_ASSIGNED, doc.at(doc.pointer(name)), name, "reads the variable(s) "
            + unknown.stream().map(v -> "$" + v).toList() + ", which no state of its scope or the scopes around it assigns:"
            + " the state fails with " + (io.flowport.runtime.asl.JsonataFlow.is(state) ? "States.QueryEvaluationError"
            : "States.Runtime") + " when it runs", "assign it in an earlier state, or read the state input ($.…)");
      }
      for (String assigned : names(state)) {
        if (outer.contains(assigned)) {
          throw new BadInputException(doc.at(assignPointer(doc, name, state, assigned)), "state '" + name + "' assigns the variable '"
              + assigned + "', which a state outside its " + kind
              + " assigns: an inner scope may read an outer variable but not assign it");
        }
      }
      JsonNode branches = state.path("Branches");
      for (int i = 0; i < branches.size(); i++) {
        scopes(doc, report, doc.scope(doc.pointer(name) + "/Branches/" + i), visible, "Parallel branch");
      }
      for (String field : new String[] {"ItemProcessor", "Iterator"}) {
        if (state.has(field) && doc.scope(doc.pointer(name) + "/" + field) != null) {
          scopes(doc, report, doc.scope(doc.pointer(name) + "/" + field), visible, "Map iteration");
        }
      }
    }
  }

  /** Fields whose value is a path (or, for ErrorPath and CausePath, an intrinsic). */
  private static final Set<String> PATH_FIELDS = Set.of("InputPath", "OutputPath", "ItemsPath", "SecondsPath", "TimestampPath",
      "ErrorPath", "CausePath", "TimeoutSecondsPath", "HeartbeatSecondsPath", "MaxConcurrencyPath", "Variable");

  /** A Choice rule's comparison against another path: StringEqualsPath, NumericLessThanPath, ... */
  private static final Pattern COMPARISON_PATH = Pattern.compile("(String|Numeric|Boolean|Timestamp)[A-Za-z]*Path");

  /** A $name inside an intrinsic function's arguments: after '(', ',' or a blank. */
  private static final Pattern INTRINSIC_VARIABLE = Pattern.compile("[(,\\s]\\s*\\$([\\p{L}_][\\p{L}\\p{N}_]*)");

  /** The variables a state reads: in path fields, ".$" template values, Choice rules, intrinsic arguments. */
  static Set<String> references(JsonNode state) {
    Set<String> out = new TreeSet<>();
    if (io.flowport.runtime.asl.JsonataFlow.is(state)) {
      jsonata(state, out);
    } else {
      collect(state, null, out);
    }
    return out;
  }

  /** A $name in a JSONata expression; a following '(' makes it a function call. */
  private static final Pattern JSONATA_NAME = Pattern.compile("\\$([\\p{L}_][\\p{L}\\p{N}_]*)(\\s*\\()?");
  /** Names an expression binds itself: {@code $x := ...} and lambda parameters. */
  private static final Pattern JSONATA_BOUND = Pattern.compile("\\$([\\p{L}_][\\p{L}\\p{N}_]*)\\s*:=");
  private static final Pattern JSONATA_LAMBDA = Pattern.compile("function\\s*\\(([^)]*)\\)");

  /** The variables the {% %} expressions of a JSONata state read (not $states, functions or names they bind). */
  private static void jsonata(JsonNode node, Set<String> out) {
    if (node.isObject()) {
      node.properties().forEach(e -> {
        if (!Set.of("Branches", "ItemProcessor", "Iterator").contains(e.getKey())) {
          jsonata(e.getValue(), out);
        }
      });
    } else if (node.isArray()) {
      node.forEach(n -> jsonata(n, out));
    } else if (io.flowport.runtime.asl.Jsonata.isExpression(node)) {
      String text = blankStrings(node.textValue());
      Set<String> bound = new TreeSet<>();
      Matcher b = JSONATA_BOUND.matcher(text);
      while (b.find()) {
        bound.add(b.group(1));
      }
      Matcher l = JSONATA_LAMBDA.matcher(text);
      while (l.find()) {
        Matcher p = JSONATA_NAME.matcher(l.group(1));
        while (p.find()) {
          bound.add(p.group(1));
        }
      }
      Matcher m = JSONATA_NAME.matcher(text);
      while (m.find()) {
        if (m.group(2) == null && !m.group(1).equals(RESERVED) && !bound.contains(m.group(1))) {
          out.add(m.group(1));
        }
      }
    }
  }

  /** An expression with its quoted string literals ('...' or "...") blanked, so a '$x' inside one is not a variable. */
  private static String blankStrings(String text) {
    StringBuilder out = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0 && c == '\\' && i + 1 < text.length()) {
        out.append("  ");
        i++;
      } else if (quote == 0 && (c == '\'' || c == '"')) {
        quote = c;
        out.append(c);
      } else if (quote != 0 && c == quote) {
        quote = 0;
        out.append(c);
      } else {
        out.append(quote != 0 ? ' ' : c);
      }
    }
    return out.toString();
  }

  private static void collect(JsonNode node, String key, Set<String> out) {
    if (node.isObject()) {
      node.properties().forEach(e -> {
        // Nested states belong to their own scope; a Pass Result is a literal, ".$" keys and all.
        if (!Set.of("Branches", "ItemProcessor", "Iterator", "Result").contains(e.getKey())) {
          collect(e.getValue(), e.getKey(), out);
        }
      });
    } else if (node.isArray()) {
      node.forEach(n -> collect(n, key, out));
    } else if (node.isTextual() && key != null
        && (key.endsWith(".$") || PATH_FIELDS.contains(key) || COMPARISON_PATH.matcher(key).matches())) {
      String text = node.asText();
      if (text.startsWith("States.")) {
        Matcher m = INTRINSIC_VARIABLE.matcher(withoutLiterals(text));
        while (m.find()) {
          out.add(m.group(1));
        }
      } else if (JsonPaths.isVariablePath(text)) {
        out.add(JsonPaths.variableName(text));
      }
    }
  }

  /** An intrinsic with its quoted string literals blanked, so a '$x' inside one is not a variable. */
  private static String withoutLiterals(String text) {
    StringBuilder out = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && quoted && i + 1 < text.length()) {
        out.append("  ");
        i++;
      } else if (c == '\'') {
        quoted = !quoted;
        out.append(c);
      } else {
        out.append(quoted ? ' ' : c);
      }
    }
    return out.toString();
  }

  private static String assignPointer(AslDocument doc, String name, JsonNode state, String variable) {
    String at = doc.pointer(name);
    if (has(state.get("Assign"), variable)) {
      return at + "/Assign/" + LocatedJson.escape(key(state.get("Assign"), variable));
    }
    JsonNode rules = state.path("Choices");
    for (int i = 0; i < rules.size(); i++) {
      if (has(rules.get(i).get("Assign"), variable)) {
        return at + "/Choices/" + i + "/Assign/" + LocatedJson.escape(key(rules.get(i).get("Assign"), variable));
      }
    }
    JsonNode catchers = state.path("Catch");
    for (int i = 0; i < catchers.size(); i++) {
      if (has(catchers.get(i).get("Assign"), variable)) {
        return at + "/Catch/" + i + "/Assign/" + LocatedJson.escape(key(catchers.get(i).get("Assign"), variable));
      }
    }
    return at;
  }

  private static boolean has(JsonNode assign, String variable) {
    return assign != null && assign.isObject() && (assign.has(variable) || assign.has(variable + ".$"));
  }

  private static String key(JsonNode assign, String variable) {
    return assign.has(variable) ? variable : variable + ".$";
  }

  private static void keys(JsonNode assign, Set<String> out) {
    if (assign != null && assign.isObject()) {
      assign.fieldNames().forEachRemaining(k -> out.add(k.endsWith(".$") ? k.substring(0, k.length() - 2) : k));
    }
  }

  /** One Assign object: valid names, each once, and valid paths or intrinsics in its ".$" fields. */
  private static void assign(AslContext ctx, String state, String at, JsonNode assign, boolean jsonata) {
    if (!assign.isObject()) {
      throw new BadInputException(ctx.doc().at(at), "Assign of state '" + state + "' must be an object of variable names and values");
    }
    Set<String> seen = new TreeSet<>();
    for (var it = assign.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      String name = key.endsWith(".$") ? key.substring(0, key.length() - 2) : key;
      String where = at + "/" + LocatedJson.escape(key);
      if (jsonata && key.endsWith(".$")) {
        throw new BadInputException(ctx.doc().at(where), "Assign of state '" + state + "': '" + key + "' ends with .$, which"
            + " JSONata states do not use; name the variable '" + name + "' and give it a JSONata expression (\"{% ... %}\")");
      }
      if (!NAME.matcher(name).matches()) {
        throw new BadInputException(ctx.doc().at(where), "Assign of state '" + state + "': '" + name
            + "' is not a valid variable name (a letter or _ first, then letters, digits or _)");
      }
      if (name.equals(RESERVED)) {
        throw new BadInputException(ctx.doc().at(where), "Assign of state '" + state + "': the variable name '$states' is reserved");
      }
      if (!seen.add(name)) {
        throw new BadInputException(ctx.doc().at(where), "Assign of state '" + state + "' assigns '" + name + "' twice");
      }
      template(ctx, state, where, key, assign.get(key));
    }
  }

  /** A value of Assign, as of Parameters: ".$" fields (at any depth) take a path or an intrinsic. */
  private static void template(AslContext ctx, String state, String at, String key, JsonNode value) {
    if (key.endsWith(".$")) {
      if (!value.isTextual()) {
        throw new BadInputException(ctx.doc().at(at), "Assign of state '" + state + "': the value of '" + key
            + "' must be a path or an intrinsic function (a string)");
      }
      String text = value.asText();
      if (!text.startsWith("States.") && !text.startsWith("$")) {
        throw new BadInputException(ctx.doc().at(at), "Assign of state '" + state + "': the value of '" + key
            + "' must be a path ($...) or an intrinsic function (States....), not '" + text + "'");
      }
      try {
        if (text.startsWith("States.")) {
          Intrinsics.validate(text);
        } else {
          JsonPaths.validate(text, false);
        }
      } catch (AslSyntaxException e) {
        throw new BadInputException(ctx.doc().at(at), "Assign of state '" + state + "': '" + key + "' is not valid: " + e.getMessage());
      }
      return;
    }
    if (value.isObject()) {
      value.fieldNames().forEachRemaining(k -> template(ctx, state, at + "/" + LocatedJson.escape(k), k, value.get(k)));
    } else if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        template(ctx, state, at + "/" + i, "", value.get(i));
      }
    }
  }

  /** ResultPath writes into the state output; a variable is assigned with Assign, never there. */
  private static void notVariable(AslContext ctx, String state, String at, JsonNode resultPath) {
    if (resultPath != null && resultPath.isTextual() && JsonPaths.isVariablePath(resultPath.asText())) {
      throw new BadInputException(ctx.doc().at(at), "ResultPath of state '" + state + "' refers to the variable '"
          + resultPath.asText() + "': ResultPath writes into the state output; assign variables with Assign");
    }
  }

  private Assignments() {}
}
