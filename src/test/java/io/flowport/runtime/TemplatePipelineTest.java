package io.flowport.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowport.contract.ElementTemplates;
import io.flowport.contract.Headers;
import io.flowport.contract.JobTypes;
import io.flowport.contract.Vars;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A task made from an element template: request from the request variable, response to the result variable. */
class TemplatePipelineTest {

  static final ObjectMapper JSON = new ObjectMapper();
  final List<JsonNode> requests = new ArrayList<>();

  static JsonNode json(String s) {
    try {
      return JSON.readTree(s.replace('\'', '"'));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static Job job(String type, JsonNode request, String resultVariable) {
    ObjectNode vars = JSON.createObjectNode();
    if (request != null) {
      vars.set(Vars.REQUEST, request);
    }
    Map<String, String> headers = new HashMap<>(Map.of(Headers.DIALECT, ElementTemplates.DIALECT));
    if (resultVariable != null) {
      headers.put(Headers.RESULT_VARIABLE, resultVariable);
    }
    return new Job(type, headers, vars, "p", 1L, "Describe", 2L, null);
  }

  JobPipeline pipeline(EmrCall call) {
    EmrCall recording = (api, request) -> {
      requests.add(request);
      return call.call(api, request);
    };
    return new JobPipeline(Map.of(JobTypes.EMR, recording, JobTypes.EMR_SERVERLESS, recording), Mocks.NONE,
        () -> Instant.EPOCH, CreateOnce.Settings.DEFAULT);
  }

  @Test
  void sendsTheRequestVariableAndStoresTheResponse() throws Exception {
    JsonNode response = json("{'Cluster': {'Id': 'j-1', 'Status': {'State': 'WAITING'}}}");
    Outcome out = pipeline((api, request) -> response)
        .emr(job(JobTypes.emr("DescribeCluster"), json("{'ClusterId': 'j-1'}"), "cluster"), "DescribeCluster");
    assertThat(requests).containsExactly(json("{'ClusterId': 'j-1'}"));
    assertThat(out).isEqualTo(new Outcome.Complete(Map.of("cluster", response)));
  }

  @Test
  void withoutAResultVariableTheResponseIsDropped() throws Exception {
    Outcome out = pipeline((api, request) -> json("{}"))
        .call(job(JobTypes.of("emr-serverless", "StopApplication"), null, null), JobTypes.EMR_SERVERLESS, "StopApplication");
    assertThat(requests).containsExactly(json("{}"));
    assertThat(out).isEqualTo(new Outcome.Complete(Map.of()));
  }

  @Test
  void aServiceErrorIsABpmnErrorNamedByItsAwsCode() throws Exception {
    Outcome out = pipeline((api, request) -> {
      throw new EmrCall.ServiceException("InvalidRequestException", "Cluster id 'j-9' is not valid.", false, null);
    }).emr(job(JobTypes.emr("DescribeCluster"), json("{'ClusterId': 'j-9'}"), "cluster"), "DescribeCluster");
    assertThat(out).isInstanceOf(Outcome.Error.class);
    Outcome.Error e = (Outcome.Error) out;
    assertThat(e.code()).isEqualTo("InvalidRequestException");
    assertThat(e.variables()).containsEntry(Vars.CAUSE, "Cluster id 'j-9' is not valid.");
  }

  @Test
  void aRequestThatIsNoObjectFailsTheTask() throws Exception {
    Outcome out = pipeline((api, request) -> json("{}"))
        .emr(job(JobTypes.emr("DescribeCluster"), json("'j-1'"), "cluster"), "DescribeCluster");
    assertThat(((Outcome.Error) out).code()).isEqualTo("ValidationException");
    assertThat(requests).isEmpty();
  }

  @Test
  void resultFieldsKeepOnlyTheListedMembers() throws Exception {
    JsonNode response = json("{'Cluster': {'Id': 'j-1', 'Name': 'big', 'Status': {'State': 'WAITING'}}}");
    Job job = job(JobTypes.emr("DescribeCluster"), json("{'ClusterId': 'j-1'}"), "cluster");
    Map<String, String> headers = new HashMap<>(job.headers());
    headers.put(Headers.RESULT_FIELDS, "Cluster.Status.State");
    Job trimmed = new Job(job.type(), headers, job.variables(), "p", 1L, "Describe", 2L, null);
    Outcome out = pipeline((api, request) -> response).emr(trimmed, "DescribeCluster");
    assertThat(out).isEqualTo(new Outcome.Complete(Map.of("cluster", json("{'Cluster': {'Status': {'State': 'WAITING'}}}"))));
  }

  @Test
  void aResultOverTheLimitIsABpmnErrorThatSaysHowToTrimIt() throws Exception {
    JsonNode response = json("{'Steps': [" + "{'Id': 's-1', 'Name': 'a step with a long name'},".repeat(40) + "{'Id': 's-2'}]}");
    JobPipeline limited = pipeline((api, request) -> response).resultLimit(1000);
    Outcome out = limited.emr(job(JobTypes.emr("ListSteps"), json("{'ClusterId': 'j-1'}"), "steps"), "ListSteps");
    assertThat(out).isInstanceOf(Outcome.Error.class);
    assertThat(((Outcome.Error) out).code()).isEqualTo("flowport.ResultTooLarge");
    assertThat(((Outcome.Error) out).message()).contains("more than flowport.results.max-size (1000 bytes)")
        .contains("Result fields");
    Outcome small = pipeline((api, request) -> json("{'Steps': []}")).resultLimit(1000)
        .emr(job(JobTypes.emr("ListSteps"), json("{'ClusterId': 'j-1'}"), "steps"), "ListSteps");
    assertThat(small).isInstanceOf(Outcome.Complete.class);
  }
}
