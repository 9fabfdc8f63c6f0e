package io.flowport.emr;

import java.util.Set;
import software.amazon.awssdk.services.emr.EmrClient;

/** Any EMR (on EC2) API by name through the SDK; see {@link SdkOperations}. */
public final class EmrOperations extends SdkOperations {

  /** RunJobFlow and the step and group adds have no client token: one attempt each. */
  static final Set<String> CREATING = Set.of("RunJobFlow", "AddJobFlowSteps", "AddInstanceGroups", "AddInstanceFleet");

  /** The SDK client whose request classes are the model of the EMR job types' requests. */
  public static final Class<EmrClient> CLIENT = EmrClient.class;

  public EmrOperations(EmrClient client) {
    super("emr", client, CLIENT, CREATING);
  }
}
