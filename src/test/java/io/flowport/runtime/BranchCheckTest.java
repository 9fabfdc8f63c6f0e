package io.flowport.runtime;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** A branch's return value, checked as Airflow's skip_all_except checks it. */
class BranchCheckTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode json(String s) throws Exception {
    return JSON.readTree(s.replace('\'', '"'));
  }

  static final String IDS = "['a', 'b', 'join']";

  @Test
  void noneAnIdOrIdsOfTheDagPass() throws Exception {
    for (String ok : new String[] {"null", "'a'", "['a', 'join']", "[]", "{'a': 1}"}) {
      assertThatCode(() -> BranchCheck.check(json(ok), json(IDS))).as(ok).doesNotThrowAnyException();
    }
  }

  @Test
  void otherValuesFailWithAirflowsMessages() throws Exception {
    assertThatThrownBy(() -> BranchCheck.check(json("['a', 'x', 'x']"), json(IDS))).isInstanceOf(JobFailure.class)
        .hasMessage("AirflowException: 'branch_task_ids' must contain only valid task_ids. Invalid tasks found: {'x'}.");
    assertThatThrownBy(() -> BranchCheck.check(json("['a', 42]"), json(IDS)))
        .hasMessage("AirflowException: 'branch_task_ids' expected all task IDs are strings. Invalid tasks found: {(42, 'int')}.");
    assertThatThrownBy(() -> BranchCheck.check(json("3"), json(IDS)))
        .hasMessage("AirflowException: 'branch_task_ids' must be either None, a task ID, or an Iterable of IDs, but got 'int'.");
  }
}
