package io.flowport.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowport.contract.Headers;
import io.flowport.contract.JobTypes;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Job-run polls as the tracker sees them, in Step Functions' names and boto3's. */
class TrackedJobRunTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Job poll(String type, String failureCause) {
    Map<String, String> headers = new HashMap<>();
    headers.put(Headers.FAILURE, "{\"error\": \"E\", \"cause\": \"" + failureCause + "\"}");
    return new Job(type, headers, JSON.createObjectNode(), "p", 1L, "Wait", 2L, Instant.EPOCH);
  }

  private static JsonNode json(String s) throws Exception {
    return JSON.readTree(s);
  }

  @Test
  void theResourceIsReadInEitherNaming() throws Exception {
    Job asl = poll(JobTypes.EMR_SERVERLESS_PREFIX + "GetJobRun", "{JobRun}");
    assertThat(TrackedResources.resource(asl, json("{\"ApplicationId\": \"00a\", \"JobRunId\": \"00r\"}")))
        .isEqualTo(new Tracking.Resource(JobTypes.EMR_SERVERLESS, "00a", "00r"));
    Job airflow = poll(JobTypes.EMR_CONTAINERS_PREFIX + "DescribeJobRun", "{jobRun.stateDetails}");
    Tracking.Resource eks = TrackedResources.resource(airflow, json("{\"virtualClusterId\": \"vc\", \"id\": \"r1\"}"));
    assertThat(eks).isEqualTo(new Tracking.Resource(JobTypes.EMR_CONTAINERS, "vc", "r1"));
    Tracking.Watch w = TrackedResources.watch(airflow, eks,
        json("{\"jobRun\": {\"state\": \"RUNNING\", \"createdAt\": \"2026-12-04T10:00:00Z\"}}"));
    assertThat(w.state()).isEqualTo("RUNNING");
    assertThat(w.clusterCreated()).isEqualTo(Instant.parse("2026-12-04T10:00:00Z"));
    assertThat(w.key()).isEqualTo("vc/r1#2");
  }

  @Test
  void theListingDecidesOnlyWhenTheWaitReadsWhatItLists() throws Exception {
    JsonNode byState = json("[{\"argument\": \"jobRun.state\"}]");
    assertThat(TrackedResources.summaryDecides(poll(JobTypes.EMR_SERVERLESS_PREFIX + "GetJobRun",
        "failed: {jobRun.state} ({jobRun.stateDetails})"), byState)).isTrue();
    // The whole run in the cause (Step Functions): a summary cannot stand in.
    assertThat(TrackedResources.summaryDecides(poll(JobTypes.EMR_SERVERLESS_PREFIX + "GetJobRun", "{JobRun}"),
        json("[{\"argument\": \"JobRun.State\"}]"))).isFalse();
    // EMR Serverless lists no failure reason or id under those names; EKS lists whole runs.
    assertThat(TrackedResources.summaryDecides(poll(JobTypes.EMR_SERVERLESS_PREFIX + "GetJobRun", "{jobRun.jobRunId}"),
        byState)).isFalse();
    assertThat(TrackedResources.summaryDecides(poll(JobTypes.EMR_CONTAINERS_PREFIX + "DescribeJobRun",
        "{jobRun.id}: {jobRun.failureReason} - {jobRun.stateDetails}"), byState)).isTrue();
  }

  @Test
  void aListedRunIsGivenInThePollsNames() throws Exception {
    JsonNode listed = json("{\"jobRun\": {\"state\": \"FAILED\", \"stateDetails\": \"boom\", \"tags\": {\"team\": \"x\"}}}");
    assertThat(TrackedResources.inNames(listed, false)).isSameAs(listed);
    JsonNode asl = TrackedResources.inNames(listed, true);
    assertThat(asl.path("JobRun").path("State").asText()).isEqualTo("FAILED");
    assertThat(asl.path("JobRun").path("StateDetails").asText()).isEqualTo("boom");
    assertThat(asl.path("JobRun").path("Tags").has("team")).as("map keys are data, not members").isTrue();
  }
}
