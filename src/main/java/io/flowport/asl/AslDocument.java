package io.flowport.asl;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.diag.BadInputException;
import io.flowport.diag.SourceLocation;
import io.flowport.json.LocatedJson;
import java.util.ArrayList;
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

  private final LocatedJson json;
  private final Map<String, JsonNode> states = new LinkedHashMap<>();
  private final String startAt;

  AslDocument(LocatedJson json) {
    this.json = json;
    JsonNode root = json.root();
    if (!root.isObject()) {
      throw new BadInputException(json.at(""), "a state machine must be a JSON object");
    }
    JsonNode start = root.get("StartAt");
    if (start == null || !start.isTextual()) {
      throw new BadInputException(json.at(start == null ? "" : "/StartAt"), "StartAt must be the name of the first state");
    }
    JsonNode st = root.get("States");
    if (st == null || !st.isObject() || st.isEmpty()) {
      throw new BadInputException(json.at(st == null ? "" : "/States"), "States must be an object with at least one state");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = st.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = e.getKey();
      JsonNode state = e.getValue();
      String at = statePointer(name);
      if (name.isEmpty() || name.length() > 80) {
        throw new BadInputException(json.at(at), "state names must be 1 to 80 characters long");
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
    }
    this.startAt = start.asText();
    if (!states.containsKey(startAt)) {
      throw new BadInputException(json.at("/StartAt"), "StartAt names '" + startAt + "', which is not a state of this machine");
    }
    states.forEach(this::checkTransitions);
  }

  private void checkTransitions(String name, JsonNode state) {
    String at = statePointer(name);
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
        target(name, next, at + "/Next");
      }
    }
    JsonNode catchers = state.get("Catch");
    if (catchers != null && type.equals("Task")) {
      if (!catchers.isArray()) {
        throw new BadInputException(json.at(at + "/Catch"), "Catch of '" + name + "' must be an array");
      }
      for (int i = 0; i < catchers.size(); i++) {
        if (!catchers.get(i).has("Next")) {
          throw new BadInputException(json.at(at + "/Catch/" + i), "catcher " + i + " of '" + name + "' has no Next");
        }
        target(name, catchers.get(i).get("Next"), at + "/Catch/" + i + "/Next");
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
        target(name, rule.get("Next"), at + "/Choices/" + i + "/Next");
      }
      if (state.has("Default")) {
        target(name, state.get("Default"), at + "/Default");
      }
    }
  }

  private void target(String from, JsonNode next, String pointer) {
    if (!next.isTextual()) {
      throw new BadInputException(json.at(pointer), "a transition must name a state");
    }
    if (!states.containsKey(next.asText())) {
      throw new BadInputException(json.at(pointer),
          "state '" + from + "' goes to '" + next.asText() + "', which is not a state of this machine");
    }
  }

  static String statePointer(String name) {
    return "/States/" + LocatedJson.escape(name);
  }

  String startAt() {
    return startAt;
  }

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
    return json.at(statePointer(state) + (field == null ? "" : "/" + LocatedJson.escape(field)));
  }

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
