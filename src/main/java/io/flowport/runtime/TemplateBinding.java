package io.flowport.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.flowport.contract.Headers;
import io.flowport.contract.Vars;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The binding of a task made in Modeler from an element template (dialect {@code template}): the
 * template maps each request member to {@code request.<member>}, so the request is the local
 * {@link Vars#REQUEST} variable as the service's wire names spell it; the response goes whole to
 * the variable the {@link Headers#RESULT_VARIABLE} header names, or only the members the {@link
 * Headers#RESULT_FIELDS} header lists, and never more than the result limit; a service error is a
 * BPMN error whose code is the AWS error code, for an error boundary event to catch.
 */
final class TemplateBinding implements Binding {

  /** What a task's result is refused beyond: a variable of megabytes slows every job of its instance. */
  static final long DEFAULT_LIMIT = 1024 * 1024;
  static final String TOO_LARGE = "flowport.ResultTooLarge";

  private volatile long limit = DEFAULT_LIMIT;

  void limit(long bytes) {
    if (bytes < 1) {
      throw new IllegalArgumentException("flowport.results.max-size must be positive, got " + bytes + " bytes");
    }
    this.limit = bytes;
  }

  @Override
  public JsonNode request(Job job, JsonNode parameters, JsonNode found) {
    return parameters;
  }

  @Override
  public JsonNode parameters(Job job) {
    JsonNode request = job.variable(Vars.REQUEST);
    if (request.isNull()) {
      return JsonNodeFactory.instance.objectNode();
    }
    if (!request.isObject()) {
      throw new JobFailure("ValidationException", "the variable " + Vars.REQUEST + " must be an object, not " + request);
    }
    return request;
  }

  @Override
  public JsonNode pollRequest(Job job) {
    return request(job);
  }

  @Override
  public Map<String, Object> finish(Job job, JsonNode result) {
    Map<String, Object> vars = new LinkedHashMap<>();
    String name = job.header(Headers.RESULT_VARIABLE);
    if (name != null && !name.isBlank()) {
      JsonNode kept = ResultFields.select(result, job.header(Headers.RESULT_FIELDS));
      long size = kept.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      if (size > limit) {
        throw new JobFailure(TOO_LARGE, "the result is " + size + " bytes, more than flowport.results.max-size ("
            + limit + " bytes): list the members the process needs in Result fields (header " + Headers.RESULT_FIELDS + ")");
      }
      vars.put(name.strip(), kept);
    }
    return vars;
  }

  @Override
  public JobFailure serviceError(String service, String api, EmrCall.ServiceException e) {
    return new JobFailure(e.code(), e.getMessage());
  }
}
