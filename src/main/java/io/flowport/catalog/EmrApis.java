package io.flowport.catalog;

import io.flowport.contract.JobTypes;
import java.util.Map;
import java.util.Set;

/** Which services and APIs exist, asked of the AWS SDK's own model rather than a list kept by hand. */
public final class EmrApis {

  /** The services flowport has workers for, by job-type name, and their SDK model package. */
  private static final Map<String, String> MODELS = Map.of(
      JobTypes.EMR, "software.amazon.awssdk.services.emr.model.",
      JobTypes.EMR_SERVERLESS, "software.amazon.awssdk.services.emrserverless.model.",
      JobTypes.EMR_CONTAINERS, "software.amazon.awssdk.services.emrcontainers.model.");

  /** Service names a catalog entry may give. */
  public static Set<String> services() {
    return MODELS.keySet();
  }

  public static boolean exists(String api) {
    return exists(JobTypes.EMR, api);
  }

  public static boolean exists(String service, String api) {
    String model = MODELS.get(service);
    if (model == null || api == null || !api.matches("[A-Z][A-Za-z0-9]*")) {
      return false;
    }
    try {
      Class.forName(model + api + "Request", false, EmrApis.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** A short name for labels and messages: "EMR", "EMR Serverless", "EMR on EKS". */
  public static String label(String service) {
    return switch (service) {
      case JobTypes.EMR_SERVERLESS -> "EMR Serverless";
      case JobTypes.EMR_CONTAINERS -> "EMR on EKS";
      default -> "EMR";
    };
  }

  private EmrApis() {}
}
