package io.flowport.emr;

import java.util.Set;
import software.amazon.awssdk.services.emrcontainers.EmrContainersClient;

/**
 * Any EMR on EKS (emr-containers) API by name through the SDK; see {@link SdkOperations}. StartJobRun
 * carries a client token, so a resent call answers with the run the first one started.
 */
public final class EmrContainersOperations extends SdkOperations {

  /** The SDK client whose request classes are the model of the EMR on EKS job types' requests. */
  public static final Class<EmrContainersClient> CLIENT = EmrContainersClient.class;

  public EmrContainersOperations(EmrContainersClient client) {
    super("emr-containers", client, CLIENT, Set.of());
  }
}
