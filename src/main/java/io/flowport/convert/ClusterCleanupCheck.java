package io.flowport.convert;

import static io.flowport.runtime.CreateOnce.KEEP;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.contract.JobTypes;
import io.flowport.diag.SourceLocation;
import io.flowport.report.Code;
import io.flowport.report.Report;
import java.util.List;

/**
 * Warns when a workflow creates an EMR cluster that nothing ends: kept alive without steps, no
 * auto-termination policy, and no terminate call anywhere in the workflow. Such a cluster runs
 * (and bills) until someone terminates it, on AWS as in the run. Both front-ends use it. It also
 * lists every created cluster as one that flowport's reaper ends after its instance (FP510).
 */
public final class ClusterCleanupCheck {

  /** A RunJobFlow request of the workflow, where it is written and what the user calls it. */
  public record Creation(String element, SourceLocation location, JsonNode request) {}

  /**
   * @param jobTypes every job type the workflow uses (to find a terminate call)
   */
  public static void check(List<Creation> creations, List<String> jobTypes, Report report, String fix) {
    creations.forEach(c -> reaper(c, report));
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

  /** Says that the worker's reaper ends this cluster after the instance, or that the request's keep tag stops it. */
  private static void reaper(Creation c, Report report) {
    boolean kept = false;
    for (JsonNode t : c.request().path("Tags")) {
      if (KEEP.equals(t.path("Key").asText(null)) && !t.path("Value").asText("").strip().equalsIgnoreCase("false")) {
        kept = true;
      }
    }
    if (kept) {
      report.add(Code.CLUSTER_REAPER, c.location(), c.element(), c.element() + " creates an EMR cluster with the tag "
          + KEEP + ": flowport's reaper leaves it running after the process instance ends", null);
    } else {
      report.add(Code.CLUSTER_REAPER, c.location(), c.element(), c.element() + " creates an EMR cluster that flowport's "
          + "reaper terminates, within flowport.reaper.interval, if it is still running after the process instance has "
          + "ended (completed, failed or cancelled); Step Functions and Airflow would leave it running",
          "to keep it, add the tag {\"Key\": \"" + KEEP + "\", \"Value\": \"true\"} to the request's Tags; "
              + "to turn the reaper off everywhere, run the worker with flowport.reaper.enabled=false (docs/cleanup.md)");
    }
  }

  private ClusterCleanupCheck() {}
}
