package io.flowport.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.sdkjson.SdkJson;
import io.flowport.sdkjson.SdkJsonException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkPojo;

/**
 * The REST-JSON services' routing (EMR Serverless, EMR on EKS): method and path pattern to the
 * SDK request type and its handler, with the scenario's throttling and lost answers applied.
 */
final class RestRoutes {

  private record Route<R extends SdkPojo>(String operation, String method, Pattern path, Class<R> type,
      Function<R, SdkPojo> handler) {}

  private final String service;
  private final List<String> pathParams;
  private final SdkJson wire;
  private final CallRules rules;
  private final List<Route<?>> routes = new ArrayList<>();

  /**
   * @param service the service's name in error messages
   * @param pathParams the request members the path's groups fill, in group order
   */
  RestRoutes(String service, List<String> pathParams, SdkJson wire, CallRules rules) {
    this.service = service;
    this.pathParams = List.copyOf(pathParams);
    this.wire = wire;
    this.rules = rules;
  }

  <R extends SdkPojo> void route(String operation, String method, String path, Class<R> type, Function<R, SdkPojo> handler) {
    routes.add(new Route<>(operation, method, Pattern.compile(path), type, handler));
  }

  /** The operation a call is routed to, or null: routes are fixed once made, so no lock is needed. */
  String operation(String method, String path) {
    for (Route<?> route : routes) {
      if (route.method().equals(method) && route.path().matcher(path).matches()) {
        return route.operation();
      }
    }
    return null;
  }

  /** Answers one call; errors come out as {@link AwsError}. */
  JsonNode handle(String method, String path, Map<String, List<String>> query, JsonNode body) {
    for (Route<?> route : routes) {
      Matcher m = route.path().matcher(path);
      if (route.method().equals(method) && m.matches()) {
        return call(route, m, query, body);
      }
    }
    throw new AwsError("UnknownOperationException",
        "The flowport " + service + " simulator has no operation for " + method + " " + path, 404);
  }

  private <R extends SdkPojo> JsonNode call(Route<R> route, Matcher m, Map<String, List<String>> query, JsonNode body) {
    if (rules.throttled(route.operation())) {
      throw new AwsError("ThrottlingException", "Rate exceeded", 429);
    }
    JsonNode answer;
    try {
      answer = wire.write(route.handler().apply(wire.read(RestInput.of(wire, route.type(), pathParams, m, query, body), route.type())));
    } catch (SdkJsonException e) {
      throw AwsError.validation(e.getMessage());
    }
    FaultRule fault = rules.fault(route.operation());
    if (fault != null) {
      throw new LostAnswer(fault.answer());
    }
    return answer;
  }
}
