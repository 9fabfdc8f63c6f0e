package io.flowport.bpmn;

import java.util.List;

/**
 * An Airflow trigger rule as FEEL over the upstream tasks' final states ("success", "failed",
 * "skipped", "upstream_failed"): when the task runs, and which state it takes when it does not,
 * as Airflow's TriggerRuleDep decides once every upstream task has finished.
 *
 * @param run FEEL condition under which the task runs, or null when it always runs
 * @param notRun FEEL expression of the state it takes otherwise
 */
record TriggerRuleFeel(String run, String notRun) {

  private static final String FAILED = "(s = \"failed\" or s = \"upstream_failed\")";

  static TriggerRuleFeel of(String rule, List<String> upstreamStates) {
    return of(rule, upstreamStates, false);
  }

  /**
   * {@code flatten}: some upstream state is a mapped task's list of instance states, each of which
   * counts as an upstream state, as Airflow counts every mapped task instance.
   */
  static TriggerRuleFeel of(String rule, List<String> upstreamStates, boolean flatten) {
    String ups = "[" + String.join(", ", upstreamStates) + "]";
    ups = flatten ? "flatten(" + ups + ")" : ups;
    String any = "some s in " + ups + " satisfies ";
    String all = "every s in " + ups + " satisfies ";
    return switch (rule) {
      case "all_success" -> new TriggerRuleFeel(all + "s = \"success\"",
          "if " + any + FAILED + " then \"upstream_failed\" else \"skipped\"");
      case "all_failed" -> new TriggerRuleFeel(all + FAILED, "\"skipped\"");
      case "all_done", "always" -> new TriggerRuleFeel(null, null);
      case "all_done_min_one_success" -> new TriggerRuleFeel(
          "(" + all + "s != \"skipped\") and (" + any + "s = \"success\")",
          "if " + any + "s = \"skipped\" then \"skipped\" else \"upstream_failed\"");
      case "one_success" -> new TriggerRuleFeel(any + "s = \"success\"",
          "if " + all + "s = \"skipped\" then \"skipped\" else \"upstream_failed\"");
      case "one_failed" -> new TriggerRuleFeel(any + FAILED, "\"skipped\"");
      case "one_done" -> new TriggerRuleFeel(any + "(s = \"success\" or s = \"failed\")", "\"skipped\"");
      case "none_failed" -> new TriggerRuleFeel(all + "(s = \"success\" or s = \"skipped\")", "\"upstream_failed\"");
      case "none_failed_min_one_success" -> new TriggerRuleFeel(
          "(" + all + "(s = \"success\" or s = \"skipped\")) and (" + any + "s = \"success\")",
          "if " + any + FAILED + " then \"upstream_failed\" else \"skipped\"");
      case "none_skipped" -> new TriggerRuleFeel(all + "s != \"skipped\"", "\"skipped\"");
      case "all_skipped" -> new TriggerRuleFeel(all + "s = \"skipped\"", "\"skipped\"");
      default -> throw new IllegalArgumentException("unknown trigger rule " + rule);
    };
  }

  /** How the rule reads on the gateway's outgoing flow. */
  static String describe(String rule) {
    return switch (rule) {
      case "all_success" -> "all upstream succeeded";
      case "all_failed" -> "all upstream failed";
      case "all_done_min_one_success" -> "none skipped, one succeeded";
      case "one_success" -> "one upstream succeeded";
      case "one_failed" -> "one upstream failed";
      case "one_done" -> "one upstream succeeded or failed";
      case "none_failed" -> "no upstream failed";
      case "none_failed_min_one_success" -> "none failed, one succeeded";
      case "none_skipped" -> "no upstream skipped";
      case "all_skipped" -> "all upstream skipped";
      default -> rule;
    };
  }
}
