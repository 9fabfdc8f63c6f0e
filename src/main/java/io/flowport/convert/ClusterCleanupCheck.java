package io.flowport.convert;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.contract.JobTypes;
import io.flowport.diag.SourceLocation;
import io.flowport.report.Code;
import io.flowport.report.Report;
import java.util.List;

/**
 * Warns when a workflow creates an EMR cluster that nothing ends: kept alive without steps, no
 * auto-termination policy, and no terminate call anywhere in the workflow. Such a cluster runs
 * (and bills) until someone terminates it, on AWS as in the run. Both front-ends use it.
 */
public final class ClusterCleanupCheck {

  /** A RunJobFlow request of the workflow, where it is written and what the user calls it. */
  public record Creation(String element, SourceLocation location, JsonNode request) {}

  /**
   * @param jobTypes every job type the workflow uses (to find a terminate call)
   */
  public static void check(List<Creation> creations, List<String> jobTypes, Report report, String fix) {
    if (jobTypes.contains(JobTypes.emr("TerminateJobFlows"))) {
      return;
    }
    for (Creation c : creations) {
      JsonNode r = c.request();
      boolean keepAlive = r.path("Instances").path("KeepJobFlowAliveWhenNoSteps").asBoolean(false);
      boolean autoTerminates = r.has("AutoTerminationPolicy") || r.has("AutoTerminationPolicy.$");
      if (keepAlive && !autoTerminates) {
        report.add(Code.LEAVES_RESOURCES, c.location(), c.element(),
            c.element() + " creates an EMR cluster that nothing terminates: KeepJobFlowAliveWhenNoSteps is true, there is no "
                + "AutoTerminationPolicy and no terminate call, so the cluster keeps running and billing after the run ends",
            fix);
      }
    }
  }

  private ClusterCleanupCheck() {}
}
