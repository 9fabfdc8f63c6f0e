package io.flowport.runtime.airflow.jinja;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The context names a template reads, for the converter's check of entries flowport's runs lack. */
class TemplateNamesTest {

  @Test
  void namesInOutputsCallsFiltersAndConditionsButNotAttributesOrOwnVariables() {
    Template t = Template.parse("s3://{{ params.bucket }}/{{ macros.ds_add(ds, 1) | default(prev_ds) }}"
        + "{% if next_ds %}{{ ti.xcom_pull('a')[0] }}{% endif %}"
        + "{% for d in dates %}{{ d }}{% endfor %}{% set day = ds_nodash %}{{ day.upper() }}");
    assertEquals(Set.of("params", "macros", "ds", "prev_ds", "next_ds", "ti", "dates", "ds_nodash"), t.names());
  }

  @Test
  void onlyEntriesThatNeedAirflowsDatabaseAreUnavailable() {
    assertEquals(true, AirflowContext.unavailable("prev_ds"));
    assertEquals(false, AirflowContext.unavailable("ds"));
    assertEquals(false, AirflowContext.unavailable("params"));
  }
}
