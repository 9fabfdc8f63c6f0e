package io.flowport.airflow;

import io.flowport.airflow.parse.Arg;
import io.flowport.airflow.parse.PyValue;
import io.flowport.diag.BadInputException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Airflow's trigger rules, read from a string or a {@code TriggerRule.X} member. The back-end
 * decides from the upstream states when a task runs (see {@code bpmn.TriggerRuleFeel}).
 */
final class TriggerRules {

  static final List<String> SUPPORTED = List.of("all_success", "all_failed", "all_done", "all_done_min_one_success",
      "one_success", "one_failed", "one_done", "none_failed", "none_failed_min_one_success", "none_skipped",
      "all_skipped", "always");

  /** Older names Airflow still read (or once did), and the rule each means. */
  static final Map<String, String> ALIASES = Map.of("dummy", "always", "none_failed_or_skipped", "none_failed_min_one_success");

  /** Rules that start a task at the first upstream with the right state, without waiting for the others. */
  static final List<String> EARLY = List.of("one_success", "one_failed", "one_done");

  /** Rules under which a task can run, and succeed, after an upstream task failed. */
  static final List<String> RUN_AFTER_FAILURE = List.of("all_failed", "all_done", "all_done_min_one_success",
      "one_success", "one_failed", "one_done", "none_skipped", "always");

  private static final String ENUM = "TriggerRule.";

  /** The rule's canonical name; an unknown or dynamic value is an error at the argument. */
  static String read(Arg arg) {
    String name = switch (arg.value()) {
      case PyValue.PyStr s -> s.value();
      case PyValue.PyRef r when r.qualifiedName().contains(ENUM) ->
          r.qualifiedName().substring(r.qualifiedName().lastIndexOf(ENUM) + ENUM.length()).toLowerCase(Locale.ROOT);
      default -> throw new BadInputException(arg.location(), "trigger_rule must be a string or a TriggerRule member, but "
          + Values.describe(arg.value()));
    };
    String rule = ALIASES.getOrDefault(name, name);
    if (rule.equals("all_done_setup_success")) {
      throw new BadInputException(arg.location(), "trigger_rule 'all_done_setup_success' belongs to setup and teardown tasks,"
          + " which are not supported yet");
    }
    if (!SUPPORTED.contains(rule)) {
      throw new BadInputException(arg.location(), "trigger_rule '" + name + "' is not an Airflow trigger rule (one of "
          + String.join(", ", SUPPORTED) + ")");
    }
    return rule;
  }

  private TriggerRules() {}
}
