package io.flowport.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;

/**
 * How a Step Functions Task resource maps to an EMR or EMR Serverless job.
 *
 * @param resource the Resource ARN; may contain one {@code {action}} placeholder
 * @param service the AWS service whose API the job calls: {@code emr} or {@code emr-serverless}
 * @param api the API name, or {@code {Action}} for the capitalised placeholder
 * @param request request adapter template, or null for "Parameters as they are"
 * @param result result adapter template, or null for "raw response"
 * @param waiter the waiter name for {@code .sync}, or null
 * @param checks names of static checks applied to the Parameters
 * @param lookup a listing that finds what the call needs by name first, or null
 * @param file the catalog file this came from
 */
public record AslResource(
    String resource, String service, String api, JsonNode request, JsonNode result, String waiter, List<String> checks, Lookup lookup,
    Path file) {

  /** The API this resource calls, or null when the ARN does not match. */
  public String match(String arn) {
    int open = resource.indexOf("{action}");
    if (open < 0) {
      return resource.equals(arn) ? api : null;
    }
    String prefix = resource.substring(0, open);
    String suffix = resource.substring(open + "{action}".length());
    if (!arn.startsWith(prefix) || !arn.endsWith(suffix) || arn.length() <= prefix.length() + suffix.length()) {
      return null;
    }
    String action = arn.substring(prefix.length(), arn.length() - suffix.length());
    if (!action.matches("[A-Za-z][A-Za-z0-9]*")) {
      return null;
    }
    return api.replace("{Action}", Character.toUpperCase(action.charAt(0)) + action.substring(1)).replace("{action}", action);
  }
}
