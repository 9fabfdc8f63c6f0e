package io.flowport.emr;

import java.util.Set;
import software.amazon.awssdk.services.emr.EmrClient;

/** Any EMR (on EC2) API by name through the SDK; see {@link SdkOperations}. */
public final class EmrOperations extends SdkOperations {

  /**
   * RunJobFlow, the step and group adds and StartNotebookExecution have no client token: one
   * attempt each, so the SDK never starts a second cluster or notebook execution on its own.
   */
  static final Set<String> CREATING = Set.of("RunJobFlow", "AddJobFlowSteps", "AddInstanceGroups", "AddInstanceFleet",
      "StartNotebookExecution");

  /** The SDK client whose request classes are the model of the EMR job types' requests. */
  public static final Class<EmrClient> CLIENT = EmrClient.class;

  public EmrOperations(EmrClient client) {
    super("emr", client, CLIENT, CREATING);
  }
}
