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
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.services.emr.EmrClient;

/**
 * Calls any EMR API by name with a JSON request, through the AWS SDK's own model: the request
 * class, its fields and the client method are found from the API name, never written per API.
 */
public final class EmrOperations implements EmrCall {

  private static final String MODEL = "software.amazon.awssdk.services.emr.model.";

  /**
   * Calls that make something new each time EMR performs them. A lost answer must not be resent
   * by the SDK: the retry would make a second cluster or step, and only the job's next delivery
   * can look for the first one. Throttling is still retried: a throttled call was not performed.
   */
  private static final Set<String> CREATING =
      Set.of("RunJobFlow", "AddJobFlowSteps", "AddInstanceGroups", "AddInstanceFleet");

  private static final SdkPlugin ONE_ATTEMPT =
      config ->
          config.overrideConfiguration(
              c ->
                  c.retryStrategy(
                      StandardRetryStrategy.builder()
                          .retryOnException(
                              t -> t instanceof SdkServiceException e && e.isThrottlingException())
                          .build()));

  private final EmrClient client;
  private final SdkJson json = new SdkJson(SdkJson.Timestamps.ISO_8601);
  private final Map<String, Method> methods = new ConcurrentHashMap<>();

  public EmrOperations(EmrClient client) {
    this.client = client;
  }

  @Override
  public JsonNode call(String api, JsonNode request) {
    Method method = methods.computeIfAbsent(api, EmrOperations::method);
    SdkPojo sdkRequest;
    try {
      sdkRequest = (SdkPojo) json.read(request, method.getParameterTypes()[0].asSubclass(SdkPojo.class));
      if (CREATING.contains(api)) {
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

  private static RuntimeException translate(Throwable t) {
    if (t instanceof AwsServiceException e) {
      String code = e.awsErrorDetails() == null ? e.getClass().getSimpleName() : e.awsErrorDetails().errorCode();
      String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
      boolean retryable = e.isThrottlingException() || e.statusCode() >= 500;
      return new ServiceException(code, message, retryable, e);
    }
    if (t instanceof SdkClientException e) {
      return new ServiceException("SdkClientException", e.getMessage(), true, e);
    }
    return t instanceof RuntimeException r ? r : new IllegalStateException(t);
  }

  private static Method method(String api) {
    String name = Character.toLowerCase(api.charAt(0)) + api.substring(1);
    try {
      Class<?> requestType = Class.forName(MODEL + api + "Request");
      return EmrClient.class.getMethod(name, requestType);
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      throw new IllegalArgumentException("EMR has no API " + api, e);
    }
  }
}
