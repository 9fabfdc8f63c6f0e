package io.flowport.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.diag.BadInputException;
import io.flowport.json.LocatedJson;
import io.flowport.report.Code;
import io.flowport.runtime.asl.AslSyntaxException;
import io.flowport.runtime.asl.Jsonata;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * QueryLanguage: the machine's (JSONPath unless it says JSONata) and each state's, which may
 * override it (a JSONPath machine may have JSONata states; a JSONata machine may not have JSONPath
 * states, as AWS refuses). Before the states are converted, every JSONata state gets {@code
 * "QueryLanguage": "JSONata"} written into its JSON (which its jobs carry), its fields are checked
 * (no JSONPath-only fields; JSONPath states get no JSONata-only ones) and every {@code {% %}}
 * expression is parsed by the JSONata evaluator's parser.
 */
final class QueryLanguages {

  static final String JSONATA = "JSONata";
  static final String JSONPATH = "JSONPath";

  /** Fields Step Functions allows in JSONPath states only (its JSONata guide and each state's reference). */
  private static final List<String> JSONPATH_ONLY = List.of("InputPath", "Parameters", "ResultSelector", "ResultPath",
      "OutputPath", "ItemsPath", "Result", "SecondsPath", "TimestampPath", "ErrorPath", "CausePath", "TimeoutSecondsPath",
      "HeartbeatSecondsPath", "MaxConcurrencyPath", "ToleratedFailurePercentagePath",
      "ToleratedFailureCountPath");

  /** Fields of JSONata states only. */
  private static final List<String> JSONATA_ONLY = List.of("Arguments", "Output", "Items");

  /** A Choice rule's JSONPath fields (a JSONata rule has Condition). */
  private static final Set<String> RULE_JSONPATH = Set.of("Variable", "And", "Or", "Not");

  /** Fields whose value may be a {@code {% %}} expression (or a template holding them). */
  private static final List<String> EXPRESSION_FIELDS = List.of("Arguments", "Output", "Assign", "Items", "ItemSelector",
      "Seconds", "Timestamp", "Error", "Cause", "TimeoutSeconds", "HeartbeatSeconds", "MaxConcurrency");

  private QueryLanguages() {}

  /** Checks and marks the machine's states; reports where JSONata runs. Returns true when some state is JSONata. */
  static boolean prepare(AslDocument doc, io.flowport.report.Report report) {
    JsonNode top = doc.root().get("QueryLanguage");
    if (top != null && !(top.isTextual() && (JSONATA.equals(top.asText()) || JSONPATH.equals(top.asText())))) {
      throw new BadInputException(doc.at("/QueryLanguage"), "QueryLanguage must be \"JSONPath\" or \"JSONata\", not " + top);
    }
    boolean machineJsonata = top != null && JSONATA.equals(top.asText());
    Set<String> jsonata = new TreeSet<>();
    Set<String> seeded = new TreeSet<>();
    walk(doc, doc.main(), machineJsonata, jsonata, seeded);
    if (!jsonata.isEmpty()) {
      report.add(Code.ASL_JSONATA, doc.at(machineJsonata ? "/QueryLanguage" : ""), null, "the JSONata states " + jsonata
          + " are evaluated in their jobs by com.dashjoin:jsonata (the Java port of JSONata that LocalStack also runs; AWS"
          + " runs JSONata 2.0.6), with $states, the variables and Step Functions' functions bound; an evaluation error"
          + " fails the state with States.QueryEvaluationError", null);
      report.add(Code.ASL_JSONATA_PORT, doc.at(machineJsonata ? "/QueryLanguage" : ""), null, "the Java port can differ from"
          + " JSONata 2.0.6 in error texts (a cause quotes the evaluator's message) and in regular expressions (Java's"
          + " syntax, not JavaScript's); docs/architecture.md lists the differences found",
          "check expressions that use regular expressions ($match, $replace, $split with a regex, $contains with a regex)");
    }
    for (String state : seeded) {
      report.add(Code.ASL_JSONATA_SEEDED_RANDOM, doc.at(doc.pointer(state)), state, "$random with a seed gives the same"
          + " number on every run, but not the number AWS gives for that seed (AWS does not document its generator)",
          "do not compare seeded $random values with ones recorded on AWS");
    }
    return !jsonata.isEmpty();
  }

  private static void walk(AslDocument doc, AslDocument.Scope scope, boolean machineJsonata, Set<String> jsonata, Set<String> seeded) {
    for (Map.Entry<String, JsonNode> e : scope.states().entrySet()) {
      String name = e.getKey();
      JsonNode state = e.getValue();
      String at = doc.pointer(name);
      if (state.isObject() && language(doc, name, state, machineJsonata)) {
        jsonata.add(name);
        checkJsonata(doc, name, state, at);
        ((ObjectNode) state).put("QueryLanguage", JSONATA);
        if (state.toString().matches("(?s).*\\$random\\(\\s*[^)\\s].*")) {
          seeded.add(name);
        }
      } else if (state.isObject()) {
        checkJsonPath(doc, name, state, at);
      }
      JsonNode branches = state.path("Branches");
      for (int i = 0; i < branches.size(); i++) {
        AslDocument.Scope inner = doc.scope(at + "/Branches/" + i);
        if (inner != null) {
          walk(doc, inner, machineJsonata, jsonata, seeded);
        }
      }
      for (String field : new String[] {"ItemProcessor", "Iterator"}) {
        AslDocument.Scope inner = state.has(field) ? doc.scope(at + "/" + field) : null;
        if (inner != null) {
          walk(doc, inner, machineJsonata, jsonata, seeded);
        }
      }
    }
  }

  /** True when the state is a JSONata state. */
  private static boolean language(AslDocument doc, String name, JsonNode state, boolean machineJsonata) {
    JsonNode own = state.get("QueryLanguage");
    if (own == null) {
      return machineJsonata;
    }
    if (!own.isTextual() || !(JSONATA.equals(own.asText()) || JSONPATH.equals(own.asText()))) {
      throw new BadInputException(doc.at(name, "QueryLanguage"), "QueryLanguage of state '" + name
          + "' must be \"JSONPath\" or \"JSONata\", not " + own);
    }
    if (machineJsonata && JSONPATH.equals(own.asText())) {
      // AWS's validation message (LocalStack's AWS-recorded test_sfn_api_validation snapshot).
      throw new BadInputException(doc.at(name, "QueryLanguage"), "state '" + name + "': 'QueryLanguage' can not be 'JSONPath'"
          + " if set to 'JSONata' for whole state machine (set the top-level QueryLanguage to JSONPath to mix them)");
    }
    return JSONATA.equals(own.asText());
  }

  private static void checkJsonata(AslDocument doc, String name, JsonNode state, String at) {
    for (String f : JSONPATH_ONLY) {
      if (state.has(f)) {
        throw new BadInputException(doc.at(name, f), "state '" + name + "' uses QueryLanguage JSONata, where " + f
            + " is not allowed (JSONPath only); " + replacement(f));
      }
    }
    JsonNode rules = state.path("Choices");
    for (int i = 0; i < rules.size(); i++) {
      JsonNode rule = rules.get(i);
      for (var it = rule.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (RULE_JSONPATH.contains(f) || (!Set.of("Condition", "Next", "Comment", "Output", "Assign").contains(f))) {
          throw new BadInputException(doc.at(at + "/Choices/" + i + "/" + LocatedJson.escape(f)), "choice rule " + i + " of '" + name
              + "' has " + f + ", but a JSONata Choice rule has a Condition (\"{% ... %}\"), Next, and optionally Output and Assign");
        }
      }
      if (!rule.has("Condition")) {
        throw new BadInputException(doc.at(at + "/Choices/" + i), "choice rule " + i + " of '" + name
            + "' needs a Condition: a JSONata expression (\"{% ... %}\") or a boolean");
      }
      JsonNode c = rule.get("Condition");
      if (!c.isBoolean() && !Jsonata.isExpression(c)) {
        throw new BadInputException(doc.at(at + "/Choices/" + i + "/Condition"), "Condition of choice rule " + i + " of '" + name
            + "' must be a JSONata expression (\"{% ... %}\") or a boolean, not " + c);
      }
      expressions(doc, at + "/Choices/" + i, rule, List.of("Condition", "Output", "Assign"));
    }
    JsonNode catchers = state.path("Catch");
    for (int i = 0; i < catchers.size(); i++) {
      if (catchers.get(i).has("ResultPath")) {
        throw new BadInputException(doc.at(at + "/Catch/" + i + "/ResultPath"), "Catcher " + i + " of '" + name
            + "' has ResultPath, which JSONata states do not have; use \"Output\" (with $states.errorOutput)");
      }
      expressions(doc, at + "/Catch/" + i, catchers.get(i), List.of("Output", "Assign"));
    }
    expressions(doc, at, state, EXPRESSION_FIELDS);
  }

  private static String replacement(String field) {
    return switch (field) {
      case "InputPath", "Parameters" -> "use \"Arguments\" with $states.input";
      case "ResultSelector", "ResultPath", "OutputPath", "Result" -> "use \"Output\" (with $states.input and $states.result)";
      case "ItemsPath" -> "use \"Items\"";
      default -> "use " + field.replace("Path", "") + " with a JSONata expression (\"{% ... %}\")";
    };
  }

  private static void checkJsonPath(AslDocument doc, String name, JsonNode state, String at) {
    for (String f : JSONATA_ONLY) {
      if (state.has(f)) {
        throw new BadInputException(doc.at(name, f), "state '" + name + "' uses QueryLanguage JSONPath, where " + f
            + " is not allowed (JSONata only); set \"QueryLanguage\": \"JSONata\" on the state, or use "
            + (f.equals("Items") ? "ItemsPath" : f.equals("Arguments") ? "Parameters" : "ResultSelector, ResultPath and OutputPath"));
      }
    }
    JsonNode rules = state.path("Choices");
    for (int i = 0; i < rules.size(); i++) {
      for (String f : List.of("Condition", "Output")) {
        if (rules.get(i).has(f)) {
          throw new BadInputException(doc.at(at + "/Choices/" + i + "/" + f), "choice rule " + i + " of '" + name + "' has " + f
              + ", which only JSONata states have; set \"QueryLanguage\": \"JSONata\" on the state");
        }
      }
    }
    JsonNode catchers = state.path("Catch");
    for (int i = 0; i < catchers.size(); i++) {
      if (catchers.get(i).has("Output")) {
        throw new BadInputException(doc.at(at + "/Catch/" + i + "/Output"), "Catcher " + i + " of '" + name
            + "' has Output, which only JSONata states have; use ResultPath");
      }
    }
  }

  /** Parses every {% %} string in the given fields of {@code node} (at any depth of a template). */
  private static void expressions(AslDocument doc, String at, JsonNode node, List<String> fields) {
    for (String f : fields) {
      if (node.has(f)) {
        template(doc, at + "/" + f, node.get(f));
      }
    }
  }

  private static void template(AslDocument doc, String at, JsonNode value) {
    if (value.isTextual()) {
      String text = value.textValue();
      if (Jsonata.isExpression(text) && Jsonata.body(text).isEmpty()) {
        throw new BadInputException(doc.at(at), "the JSONata expression '" + text + "' is empty");
      }
      if (Jsonata.isExpression(text)) {
        try {
          Jsonata.validate(text);
        } catch (AslSyntaxException e) {
          throw new BadInputException(doc.at(at), "the JSONata expression '" + text + "' is not valid: " + e.getMessage());
        }
      } else if (text.contains("{%") && text.contains("%}")) {
        // AWS evaluates only a string that is wholly one expression; anything else stays a literal.
        return;
      }
    } else if (value.isObject()) {
      value.properties().forEach(e -> template(doc, at + "/" + LocatedJson.escape(e.getKey()), e.getValue()));
    } else if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        template(doc, at + "/" + i, value.get(i));
      }
    }
  }
}
