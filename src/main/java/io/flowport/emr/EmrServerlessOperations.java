package io.flowport.emr;

import java.util.Set;
import software.amazon.awssdk.services.emrserverless.EmrServerlessClient;

/**
 * Any EMR Serverless API by name through the SDK; see {@link SdkOperations}. Its creating calls
 * (CreateApplication, StartJobRun) carry a client token, so the SDK may resend them: the service
 * answers a repeat with what the first call made.
 */
public final class EmrServerlessOperations extends SdkOperations {

  /** The SDK client whose request classes are the model of the EMR Serverless job types' requests. */
  public static final Class<EmrServerlessClient> CLIENT = EmrServerlessClient.class;

  public EmrServerlessOperations(EmrServerlessClient client) {
    super("emr-serverless", client, CLIENT, Set.of());
  }
}
