package io.flowport.emr;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.runtime.EmrCall;
import io.flowport.sdkjson.SdkJson;
import io.flowport.sdkjson.SdkJsonException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.DefaultValueTrait;
import software.amazon.awssdk.retries.StandardRetryStrategy;

/**
 * Calls any API of one AWS service by name with a JSON request, through the AWS SDK's own model:
 * the request class, its fields and the client method are found from the API name, never written
 * per API. {@link EmrOperations} and {@link EmrServerlessOperations} only name their client.
 */
public class SdkOperations implements EmrCall {

  /**
   * A lost answer of a call in {@code creating} must not be resent by the SDK: the retry would make
   * a second resource, and only the job's next delivery can look for the first one. Throttling is
   * still retried, as often as the workers' other calls ({@link EmrRetries}): a throttled call was
   * not performed, and a delivery given up for it uses one of the job's few retries.
   */
  private static final SdkPlugin ONE_ATTEMPT =
      config ->
          config.overrideConfiguration(
              c ->
                  c.retryStrategy(
                      StandardRetryStrategy.builder()
                          .maxAttempts(EmrRetries.MAX_ATTEMPTS)
                          .retryOnException(
                              t -> t instanceof SdkServiceException e && e.isThrottlingException())
                          .build()));

  private final String service;
  private final Object client;
  private final Class<?> clientType;
  private final Set<String> creating;
  private final SdkJson json;
  private final Map<String, Method> methods;

  /**
   * @param service the service's name in job types and messages, e.g. {@code emr-serverless}
   * @param client the SDK client, an instance of {@code clientType}
   * @param creating APIs that make something new on every call and have no client token
   */
  protected <C> SdkOperations(String service, C client, Class<C> clientType, Set<String> creating) {
    this(service, client, clientType, creating, SdkJson.Names.WIRE, new ConcurrentHashMap<>());
  }

  private SdkOperations(String service, Object client, Class<?> clientType, Set<String> creating, SdkJson.Names names,
      Map<String, Method> methods) {
    this.service = service;
    this.client = client;
    this.clientType = clientType;
    this.creating = Set.copyOf(creating);
    this.json = new SdkJson(SdkJson.Timestamps.ISO_8601, names);
    this.methods = methods;
  }

  @Override
  public EmrCall capitalizedNames() {
    return new SdkOperations(service, client, clientType, creating, SdkJson.Names.CAPITALIZED, methods);
  }

  @Override
  public JsonNode call(String api, JsonNode request) {
    return call(api, request, null);
  }

  @Override
  public JsonNode call(String api, JsonNode request, String token) {
    Method method = methods.computeIfAbsent(api, this::method);
    SdkPojo sdkRequest;
    try {
      sdkRequest = json.read(request, method.getParameterTypes()[0].asSubclass(SdkPojo.class));
      if (token != null) {
        sdkRequest = withToken((AwsRequest) sdkRequest, request, token);
      }
      if (creating.contains(api)) {
        sdkRequest = ((AwsRequest) sdkRequest).toBuilder().overrideConfiguration(o -> o.addPlugin(ONE_ATTEMPT)).build();
      }
    } catch (SdkJsonException e) {
      // Botocore and Step Functions both refuse a malformed request before sending it.
      throw new ServiceException("ValidationException", api + " request: " + e.getMessage(), false, e);
    }
    try {
      return json.write((SdkPojo) method.invoke(client, sdkRequest));
    } catch (InvocationTargetException e) {
      throw translate(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sets an idempotency token the request leaves out. The SDK would fill in a random one, new for
   * every delivery of the job; generated models mark only idempotency tokens with a default value.
   */
  private SdkPojo withToken(AwsRequest request, JsonNode given, String token) {
    AwsRequest.Builder builder = request.toBuilder();
    for (SdkField<?> field : ((SdkPojo) builder).sdkFields()) {
      // The SDK's getter resolves the default, so whether it was given is read from the JSON.
      if (field.marshallingType() == MarshallingType.STRING
          && field.getOptionalTrait(DefaultValueTrait.class).isPresent()
          && (given == null || given.path(json.name(field)).isMissingNode() || given.path(json.name(field)).isNull())) {
        field.set(builder, token);
      }
    }
    return (SdkPojo) builder.build();
  }

  static RuntimeException translate(Throwable t) {
    if (t instanceof AwsServiceException e) {
      String code = e.awsErrorDetails() == null ? e.getClass().getSimpleName() : e.awsErrorDetails().errorCode();
      String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
      boolean retryable = e.isThrottlingException() || e.statusCode() >= 500;
      return new ServiceException(code, message, retryable, e.isThrottlingException(), e);
    }
    if (t instanceof SdkClientException e) {
      return new ServiceException("SdkClientException", e.getMessage(), true, e);
    }
    return t instanceof RuntimeException r ? r : new IllegalStateException(t);
  }

  /** The SDK request class of {@code api}: the model a job's request is read into. */
  public static Class<? extends SdkPojo> requestType(Class<?> clientType, String api) {
    return method(clientType, api, clientType.getSimpleName()).getParameterTypes()[0].asSubclass(SdkPojo.class);
  }

  private Method method(String api) {
    return method(clientType, api, service);
  }

  private static Method method(Class<?> clientType, String api, String service) {
    if (api.isEmpty()) {
      throw new IllegalArgumentException(service + " has no API ''");
    }
    String name = Character.toLowerCase(api.charAt(0)) + api.substring(1);
    for (Method m : clientType.getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == 1 && AwsRequest.class.isAssignableFrom(m.getParameterTypes()[0])
          && m.getParameterTypes()[0].getSimpleName().equals(api + "Request")) {
        return m;
      }
    }
    throw new IllegalArgumentException(service + " has no API " + api);
  }
}
