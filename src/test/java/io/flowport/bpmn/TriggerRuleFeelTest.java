package io.flowport.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The FEEL of every trigger rule, evaluated by Zeebe's FEEL engine for every combination of one to
 * three upstream states, against Airflow's own decision (TriggerRuleDep with flag_upstream_failed,
 * once all upstream tasks are done), transcribed below.
 */
class TriggerRuleFeelTest {

  private static final List<String> STATES = List.of("success", "failed", "skipped", "upstream_failed");
  private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();

  /** Airflow's outcome: "run", or the state the task is set to. */
  static String airflow(String rule, List<String> ups) {
    long success = ups.stream().filter("success"::equals).count();
    long skipped = ups.stream().filter("skipped"::equals).count();
    long failed = ups.stream().filter("failed"::equals).count();
    long upstreamFailed = ups.stream().filter("upstream_failed"::equals).count();
    long upstream = ups.size();
    return switch (rule) {
      case "all_success" -> upstreamFailed + failed > 0 ? "upstream_failed" : skipped > 0 ? "skipped" : "run";
      case "all_failed" -> success + skipped > 0 ? "skipped" : "run";
      case "all_done", "always" -> "run";
      case "all_done_min_one_success" -> skipped > 0 ? "skipped" : success == 0 ? "upstream_failed" : "run";
      case "one_success" -> skipped == upstream ? "skipped" : success <= 0 ? "upstream_failed" : "run";
      case "one_failed" -> failed + upstreamFailed == 0 ? "skipped" : "run";
      case "one_done" -> failed + success == 0 ? "skipped" : "run";
      case "none_failed" -> upstreamFailed + failed > 0 ? "upstream_failed" : "run";
      case "none_failed_min_one_success" -> upstreamFailed + failed > 0 ? "upstream_failed" : skipped == upstream ? "skipped" : "run";
      case "none_skipped" -> skipped > 0 ? "skipped" : "run";
      case "all_skipped" -> success + failed + upstreamFailed > 0 ? "skipped" : "run";
      default -> throw new IllegalArgumentException(rule);
    };
  }

  private static List<List<String>> combinations() {
    List<List<String>> out = new ArrayList<>();
    List<List<String>> previous = List.of(List.of());
    for (int n = 1; n <= 3; n++) {
      List<List<String>> next = new ArrayList<>();
      for (List<String> p : previous) {
        for (String s : STATES) {
          List<String> c = new ArrayList<>(p);
          c.add(s);
          next.add(c);
        }
      }
      out.addAll(next);
      previous = next;
    }
    return out;
  }

  private static Object eval(String expression, Map<String, Object> vars) {
    EvaluationResult r = FEEL.evaluateExpression(expression, vars);
    assertThat(r.isSuccess()).as(expression + " with " + vars + ": " + (r.isSuccess() ? "" : r.failure().message())).isTrue();
    return r.result();
  }

  @ParameterizedTest
  @ValueSource(strings = {"all_success", "all_failed", "all_done", "all_done_min_one_success", "one_success", "one_failed",
      "one_done", "none_failed", "none_failed_min_one_success", "none_skipped", "all_skipped", "always"})
  void decidesAsAirflowForEveryCombinationOfUpstreamStates(String rule) {
    List<List<String>> all = combinations();
    assertThat(all).hasSize(4 + 16 + 64);
    for (List<String> ups : all) {
      List<String> names = new ArrayList<>();
      Map<String, Object> vars = new HashMap<>();
      for (int i = 0; i < ups.size(); i++) {
        names.add("ti_t" + i);
        vars.put("ti_t" + i, ups.get(i));
      }
      TriggerRuleFeel feel = TriggerRuleFeel.of(rule, names);
      String ours = feel.run() == null || Boolean.TRUE.equals(eval(feel.run(), vars)) ? "run" : (String) eval(feel.notRun(), vars);
      assertThat(ours).as(rule + " after " + ups).isEqualTo(airflow(rule, ups));
    }
  }

  /**
   * A mapped upstream task's state is the list of its instances' states; Airflow counts each mapped
   * instance as one upstream task instance, so the rule sees them one by one.
   */
  @ParameterizedTest
  @ValueSource(strings = {"all_success", "all_failed", "all_done", "all_done_min_one_success", "one_success", "one_failed",
      "one_done", "none_failed", "none_failed_min_one_success", "none_skipped", "all_skipped", "always"})
  void aMappedUpstreamCountsEachOfItsInstances(String rule) {
    for (List<String> instances : combinations()) {
      if (instances.size() > 2) {
        continue;
      }
      for (String other : STATES) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("ti_mapped", instances);
        vars.put("ti_other", other);
        TriggerRuleFeel feel = TriggerRuleFeel.of(rule, List.of("ti_mapped", "ti_other"), true);
        String ours = feel.run() == null || Boolean.TRUE.equals(eval(feel.run(), vars)) ? "run" : (String) eval(feel.notRun(), vars);
        List<String> all = new ArrayList<>(instances);
        all.add(other);
        assertThat(ours).as(rule + " after instances " + instances + " and " + other).isEqualTo(airflow(rule, all));
      }
    }
  }
}
