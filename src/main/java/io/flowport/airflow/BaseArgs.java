package io.flowport.airflow;

import java.util.Set;

/** BaseOperator and BaseSensorOperator arguments, by what flowport does with them. */
final class BaseArgs {

  /** Arguments that shape the generated process. */
  static final Set<String> CONVERTED = Set.of("retries", "retry_delay", "execution_timeout", "trigger_rule",
      "poke_interval", "timeout", "mode", "params", "retry_exponential_backoff", "max_retry_delay", "exponential_backoff",
      "max_wait", "soft_fail");

  /** Arguments without effect on a run's result: reported once, as notes. */
  static final Set<String> NO_EFFECT = Set.of("owner", "email", "email_on_failure", "email_on_retry", "pool",
      "pool_slots", "priority_weight", "weight_rule", "queue", "doc", "doc_md", "doc_rst", "doc_json", "doc_yaml",
      "start_date", "end_date", "do_xcom_push", "executor_config", "resources", "run_as_user", "task_display_name",
      "max_active_tis_per_dag", "max_active_tis_per_dagrun", "inlets", "outlets", "multiple_outputs", "executor");

  /** Arguments whose behaviour flowport does not reproduce yet: reported for review. */
  static final Set<String> NOT_REPRODUCED = Set.of("depends_on_past", "wait_for_downstream", "sla",
      "on_failure_callback", "on_success_callback", "on_retry_callback", "on_execute_callback", "on_skipped_callback",
      "sla_miss_callback", "ignore_first_depends_on_past");

  /** Arguments that change the outcome in ways not supported yet: the conversion stops. */
  static final Set<String> UNSUPPORTED = Set.of("silent_fail", "never_fail", "map_index_template");

  /** Whether an argument is given a value that does something (not False or None). */
  static boolean set(io.flowport.airflow.parse.Arg arg) {
    return !(arg.value() instanceof io.flowport.airflow.parse.PyValue.PyBool b && !b.value())
        && !(arg.value() instanceof io.flowport.airflow.parse.PyValue.PyNone);
  }

  static String why(String name) {
    return "it has no effect here";
  }

  static boolean isBase(String name) {
    return CONVERTED.contains(name) || NO_EFFECT.contains(name) || NOT_REPRODUCED.contains(name) || UNSUPPORTED.contains(name);
  }

  private BaseArgs() {}
}
