package io.flowport.runtime.airflow.jinja;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowport.runtime.airflow.jinja.XcomPull.Access;
import io.flowport.runtime.airflow.jinja.XcomPull.Position;
import java.util.List;
import org.junit.jupiter.api.Test;

class XcomPullsTest {

  @Test
  void theReferenceTemplateShowsTheSubscriptAppliedToTheXcom() {
    Template t = Template.parse(
        "{{ task_instance.xcom_pull(task_ids='create_emr_cluster')['JobFlowId'] }}");
    XcomPull pull = t.xcomPulls().get(0);
    assertEquals("task_instance", pull.receiver());
    assertEquals(List.of("create_emr_cluster"), pull.taskIds());
    assertFalse(pull.taskIdsIsList());
    assertEquals("return_value", pull.key());
    assertEquals(new Position(1, 4), pull.at());
    assertEquals(new Position(1, 37), pull.taskIdsAt());
    assertNull(pull.keyAt());
    assertEquals(List.of(new Access(true, "JobFlowId", "['JobFlowId']", new Position(1, 58))),
        pull.accesses());
    assertEquals("task_instance.xcom_pull(task_ids='create_emr_cluster')['JobFlowId']",
        pull.text());
  }

  @Test
  void positionalArgumentsKeysAndAttributeChainsOnLaterLines() {
    Template t = Template.parse("x\n  {{ ti.xcom_pull('a', None, 'k').Steps[0].Id }}");
    XcomPull pull = t.xcomPulls().get(0);
    assertEquals(List.of("a"), pull.taskIds());
    assertEquals("k", pull.key());
    assertEquals(new Position(2, 6), pull.at());
    assertEquals(new Position(2, 30), pull.keyAt());
    assertEquals(List.of(
        new Access(false, "Steps", ".Steps", new Position(2, 34)),
        new Access(true, 0L, "[0]", new Position(2, 40)),
        new Access(false, "Id", ".Id", new Position(2, 43))), pull.accesses());
  }

  @Test
  void dynamicArgumentsAreNullAndListsAreMarked() {
    Template t = Template.parse("{{ ti.xcom_pull(task_ids=params.t, key=k)[i] }}"
        + "{{ ti.xcom_pull(task_ids=['a', 'b']) }}");
    List<XcomPull> pulls = t.xcomPulls();
    assertEquals(2, pulls.size());
    assertNull(pulls.get(0).taskIds());
    assertNull(pulls.get(0).key());
    assertNull(pulls.get(0).accesses().get(0).key());
    assertEquals(List.of("a", "b"), pulls.get(1).taskIds());
    assertTrue(pulls.get(1).taskIdsIsList());
    assertTrue(pulls.get(1).accesses().isEmpty());
  }

  @Test
  void pullsInsideStatementsFiltersAndArgumentsAreFoundInSourceOrder() {
    Template t = Template.parse("{% if ti.xcom_pull(task_ids='a') %}"
        + "{% for s in ti.xcom_pull(task_ids='b') %}{{ s | upper }}{% endfor %}"
        + "{% set v = ti.xcom_pull(task_ids=ti.xcom_pull(task_ids='c')) | tojson %}{% endif %}");
    List<XcomPull> pulls = t.xcomPulls();
    assertEquals(List.of("a", "b"), List.of(pulls.get(0).taskIds().get(0),
        pulls.get(1).taskIds().get(0)));
    assertNull(pulls.get(2).taskIds());
    assertEquals(List.of("c"), pulls.get(3).taskIds());
  }

  @Test
  void otherCallsAreNotXcomPulls() {
    assertTrue(Template.parse("{{ other.xcom_pull(task_ids='a') }}{{ xcom_pull('a') }}")
        .xcomPulls().isEmpty());
  }

  @Test
  void isTemplatedOnlyWithExpressionsOrStatements() {
    assertFalse(Template.parse("s3://bucket/key").isTemplated());
    assertFalse(Template.parse("a {# note #} b").isTemplated());
    assertFalse(Template.parse("{% raw %}{{ x }}{% endraw %}").isTemplated());
    assertTrue(Template.parse("{{ ds }}").isTemplated());
    assertTrue(Template.parse("{% set x = 1 %}").isTemplated());
  }
}
