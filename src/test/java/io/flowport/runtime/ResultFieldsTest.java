package io.flowport.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ResultFieldsTest {

  static final JsonNode RESPONSE = TemplatePipelineTest.json("{'Cluster': {'Id': 'j-1', 'Name': 'n', 'Status': {'State': 'WAITING', "
      + "'Timeline': {'CreationDateTime': 1}}, 'Applications': [{'Name': 'Spark', 'Version': '3'}, {'Name': 'Hive', 'Version': '4'}]}}");

  @Test
  void keepsEachListedMemberAtItsPlace() {
    assertThat(ResultFields.select(RESPONSE, "Cluster.Id, Cluster.Status.State"))
        .isEqualTo(TemplatePipelineTest.json("{'Cluster': {'Id': 'j-1', 'Status': {'State': 'WAITING'}}}"));
  }

  @Test
  void bracketsProjectOverAListKeepingItsItemsInOrder() {
    assertThat(ResultFields.select(RESPONSE, "Cluster.Applications[].Name"))
        .isEqualTo(TemplatePipelineTest.json("{'Cluster': {'Applications': [{'Name': 'Spark'}, {'Name': 'Hive'}]}}"));
    assertThat(ResultFields.select(RESPONSE, "Cluster.Applications[].Name,Cluster.Applications[].Version"))
        .isEqualTo(TemplatePipelineTest.json("{'Cluster': {'Applications': [{'Name': 'Spark', 'Version': '3'}, "
            + "{'Name': 'Hive', 'Version': '4'}]}}"));
  }

  @Test
  void aMissingMemberIsLeftOutAndBlankKeepsAll() {
    assertThat(ResultFields.select(RESPONSE, "Cluster.Nothing.Here, Steps[].Id")).isEqualTo(TemplatePipelineTest.json("{}"));
    assertThat(ResultFields.select(RESPONSE, " ")).isSameAs(RESPONSE);
    assertThat(ResultFields.select(RESPONSE, null)).isSameAs(RESPONSE);
  }
}
