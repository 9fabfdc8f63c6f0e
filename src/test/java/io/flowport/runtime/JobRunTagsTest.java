package io.flowport.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** flowport's tags on StartJobRun, in the naming each source uses, beside the user's own. */
class JobRunTagsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Job JOB = new Job("flowport.emr-serverless.StartJobRun", Map.of(), JSON.createObjectNode(), "etl",
      2251799813685249L, "RunJob", 2251799813685262L, Instant.parse("2025-03-01T08:05:00Z"));

  private static JsonNode read(String json) throws Exception {
    return JSON.readTree(json);
  }

  @Test
  void stepFunctionsNamesGetTagsAndBoto3NamesGetTags() throws Exception {
    JsonNode asl = JobRunTags.tagged(JOB, read("{\"ApplicationId\": \"00app\", \"Tags\": {\"team\": \"data\"}}"), true);
    assertThat(asl.path("Tags").properties()).extracting(Map.Entry::getKey)
        .containsExactly("team", CreateOnce.PROCESS_INSTANCE, CreateOnce.ELEMENT, CreateOnce.RUN_KEY);
    assertThat(asl.path("Tags").path(CreateOnce.PROCESS_INSTANCE).asText()).isEqualTo("2251799813685249");
    assertThat(asl.path("Tags").path(CreateOnce.ELEMENT).asText()).isEqualTo("RunJob");
    assertThat(asl.path("Tags").path(CreateOnce.RUN_KEY).asText()).isEqualTo("2251799813685262");
    assertThat(asl.has("tags")).isFalse();

    JsonNode airflow = JobRunTags.tagged(JOB, read("{\"applicationId\": \"00app\"}"), false);
    assertThat(airflow.path("tags").path(CreateOnce.PROCESS_INSTANCE).asText()).isEqualTo("2251799813685249");
    assertThat(airflow.has("Tags")).isFalse();
  }

  @Test
  void aTagTheUserSetKeepsItsValueAndTheRequestIsNotChangedInPlace() throws Exception {
    JsonNode request = read("{\"tags\": {\"flowport:element\": \"mine\"}}");
    JsonNode tagged = JobRunTags.tagged(JOB, request, false);
    assertThat(tagged.path("tags").path(CreateOnce.ELEMENT).asText()).isEqualTo("mine");
    assertThat(request.path("tags").size()).isEqualTo(1);
    assertThat(JobRunTags.tagged(JOB, request, false)).as("the same on every delivery: the client token's request").isEqualTo(tagged);
  }

  @Test
  void illTypedTagsAreLeftForTheSdkToName() throws Exception {
    JsonNode request = read("{\"tags\": [\"a\"]}");
    assertThat(JobRunTags.tagged(JOB, request, false)).isSameAs(request);
  }
}
