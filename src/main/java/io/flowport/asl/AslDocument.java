package io.flowport.asl;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.diag.BadInputException;
import io.flowport.diag.SourceLocation;
import io.flowport.json.LocatedJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A state machine definition checked for the structural errors Step Functions rejects when a
 * machine is created: missing StartAt, unknown state types, transitions to states that do not
 * exist. Everything it lets through has every state reachable by name.
 */
final class AslDocument {

  static final Set<String> TYPES = Set.of("Task", "Pass", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map");

  /**
   * A set of states that transition among themselves: the machine, a Parallel branch or a Map
   * state's ItemProcessor.
   *
   * @param pointer the JSON pointer of the object holding StartAt and States ("" for the machine)
   */
  record Scope(String pointer, String startAt, Map<String, JsonNode> states) {
    /** States reachable from StartAt, in a stable depth-first order. */
    List<String> reachable() {
      List<String> order = new ArrayList<>();
      visit(startAt, order);
      return order;
    }

    private void visit(String name, List<String> order) {
      if (order.contains(name)) {
        return;
      }
      order.add(name);
      for (String next : AslStates.successors(states.get(name))) {
        visit(next, order);
      }
    }
  }

  private final LocatedJson json;
  // Every state of the machine, nested ones included: Step Functions wants names unique machine-wide.
  private final Map<String, JsonNode> states = new LinkedHashMap<>();
  private final Map<String, String> pointers = new HashMap<>();
  private final Map<String, Scope> scopes = new HashMap<>();
  private final Scope main;

  AslDocument(LocatedJson json) {
    this.json = json;
    if (!json.root().isObject()) {
      throw new BadInputException(json.at(""), "a state machine must be a JSON object");
    }
    this.main = scope("", json.root(), "this machine");
  }

  private Scope scope(String pointer, JsonNode node, String what) {
    JsonNode start = node.get("StartAt");
    if (start == null || !start.isTextual()) {
      throw new BadInputException(json.at(start == null ? pointer : pointer + "/StartAt"), "StartAt must be the name of the first state");
    }
    JsonNode st = node.get("States");
    if (st == null || !st.isObject() || st.isEmpty()) {
      throw new BadInputException(json.at(st == null ? pointer : pointer + "/States"), "States must be an object with at least one state");
    }
    Map<String, JsonNode> own = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = st.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = e.getKey();
      JsonNode state = e.getValue();
      String at = pointer + "/States/" + LocatedJson.escape(name);
      if (name.isEmpty() || name.length() > 80) {
        throw new BadInputException(json.at(at), "state names must be 1 to 80 characters long");
      }
      if (states.containsKey(name)) {
        throw new BadInputException(json.at(at), "state name '" + name + "' is used twice (also at " + pointers.get(name)
            + "); state names must be unique in the whole machine, branches and iterators included");
      }
      if (!state.isObject()) {
        throw new BadInputException(json.at(at), "state '" + name + "' must be a JSON object");
      }
      JsonNode type = state.get("Type");
      if (type == null || !type.isTextual()) {
        throw new BadInputException(json.at(at), "state '" + name + "' has no Type");
      }
      if (!TYPES.contains(type.asText())) {
        throw new BadInputException(json.at(at + "/Type"),
            "state '" + name + "' has unknown Type '" + type.asText() + "' (expected one of " + TYPES.stream().sorted().toList() + ")");
      }
      states.put(name, state);
      pointers.put(name, at);
      own.put(name, state);
    }
    Scope scope = new Scope(pointer, start.asText(), own);
    if (!own.containsKey(scope.startAt())) {
      throw new BadInputException(json.at(pointer + "/StartAt"), "StartAt names '" + scope.startAt() + "', which is not a state of " + what);
    }
    scopes.put(pointer, scope);
    own.forEach(this::nested);
    // After the nested scopes, so that a transition into a branch is named as such.
    own.forEach((name, state) -> checkTransitions(scope, what, name, state));
    return scope;
  }

  /** Reads the branches of a Parallel state and the ItemProcessor (or Iterator) of a Map state. */
  private void nested(String name, JsonNode state) {
    String at = pointers.get(name);
    switch (state.get("Type").asText()) {
      case "Parallel" -> {
        JsonNode branches = state.get("Branches");
        if (branches == null || !branches.isArray() || branches.isEmpty()) {
          throw new BadInputException(json.at(branches == null ? at : at + "/Branches"),
              "Parallel state '" + name + "' needs Branches, a non-empty array");
        }
        for (int i = 0; i < branches.size(); i++) {
          String bp = at + "/Branches/" + i;
          if (!branches.get(i).isObject()) {
            throw new BadInputException(json.at(bp), "branch " + i + " of '" + name + "' must be an object with StartAt and States");
          }
          scope(bp, branches.get(i), "branch " + i + " of '" + name + "'");
        }
      }
      case "Map" -> {
        if (state.has("ItemProcessor") && state.has("Iterator")) {
          throw new BadInputException(json.at(at + "/Iterator"), "Map state '" + name + "' has both ItemProcessor and Iterator; keep ItemProcessor");
        }
        String field = state.has("Iterator") ? "Iterator" : "ItemProcessor";
        JsonNode processor = state.get(field);
        if (processor == null || !processor.isObject()) {
          throw new BadInputException(json.at(processor == null ? at : at + "/" + field),
              "Map state '" + name + "' needs an ItemProcessor object with StartAt and States");
        }
        scope(at + "/" + field, processor, "the " + field + " of '" + name + "'");
      }
      default -> { }
    }
  }

  private void checkTransitions(Scope scope, String what, String name, JsonNode state) {
    String at = pointers.get(name);
    String type = state.get("Type").asText();
    boolean terminal = type.equals("Succeed") || type.equals("Fail") || type.equals("Choice");
    if (!terminal) {
      boolean end = state.path("End").asBoolean(false);
      JsonNode next = state.get("Next");
      if (end && next != null) {
        throw new BadInputException(json.at(at + "/Next"), "state '" + name + "' has both Next and End: true");
      }
      if (!end && next == null) {
        throw new BadInputException(json.at(at), "state '" + name + "' needs Next or End: true");
      }
      if (next != null) {
        target(scope, what, name, next, at + "/Next");
      }
    }
    JsonNode catchers = state.get("Catch");
    if (catchers != null && List.of("Task", "Parallel", "Map").contains(type)) {
      if (!catchers.isArray()) {
        throw new BadInputException(json.at(at + "/Catch"), "Catch of '" + name + "' must be an array");
      }
      for (int i = 0; i < catchers.size(); i++) {
        if (!catchers.get(i).has("Next")) {
          throw new BadInputException(json.at(at + "/Catch/" + i), "catcher " + i + " of '" + name + "' has no Next");
        }
        target(scope, what, name, catchers.get(i).get("Next"), at + "/Catch/" + i + "/Next");
      }
    }
    if (type.equals("Choice")) {
      JsonNode choices = state.get("Choices");
      if (choices == null || !choices.isArray() || choices.isEmpty()) {
        throw new BadInputException(json.at(at), "Choice state '" + name + "' needs a non-empty Choices array");
      }
      for (int i = 0; i < choices.size(); i++) {
        JsonNode rule = choices.get(i);
        if (!rule.has("Next")) {
          throw new BadInputException(json.at(at + "/Choices/" + i), "choice rule " + i + " of '" + name + "' has no Next");
        }
        target(scope, what, name, rule.get("Next"), at + "/Choices/" + i + "/Next");
      }
      if (state.has("Default")) {
        target(scope, what, name, state.get("Default"), at + "/Default");
      }
    }
  }

  private void target(Scope scope, String what, String from, JsonNode next, String pointer) {
    if (!next.isTextual()) {
      throw new BadInputException(json.at(pointer), "a transition must name a state");
    }
    if (!scope.states().containsKey(next.asText())) {
      String where = states.containsKey(next.asText()) ? ", which is a state of another branch or iterator: a state can only go to states of its own"
          : ", which is not a state of " + what;
      throw new BadInputException(json.at(pointer), "state '" + from + "' goes to '" + next.asText() + "'" + where);
    }
  }

  /** The JSON pointer of a state of this machine, nested or not. */
  String pointer(String state) {
    String p = pointers.get(state);
    if (p == null) {
      throw new IllegalArgumentException("no state " + state);
    }
    return p;
  }

  Scope main() {
    return main;
  }

  /** The scope whose object is at {@code pointer}: a branch ("/States/P/Branches/0") or a Map's ItemProcessor. */
  Scope scope(String pointer) {
    return scopes.get(pointer);
  }

  /** Every state of the machine, nested ones included. */
  Map<String, JsonNode> states() {
    return states;
  }

  JsonNode root() {
    return json.root();
  }

  SourceLocation at(String pointer) {
    return json.at(pointer);
  }

  SourceLocation at(String state, String field) {
    return json.at(pointer(state) + (field == null ? "" : "/" + LocatedJson.escape(field)));
  }
}
