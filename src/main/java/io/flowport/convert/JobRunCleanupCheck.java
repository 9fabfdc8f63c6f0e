package io.flowport.convert;

import static io.flowport.runtime.CreateOnce.KEEP;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.contract.JobTypes;
import io.flowport.diag.SourceLocation;
import io.flowport.report.Code;
import io.flowport.report.Report;

/**
 * Lists every EMR Serverless or EMR on EKS job run a workflow starts as one that flowport's reaper
 * cancels after its instance (FP511), or says that the request's keep tag stops it. Both
 * front-ends use it.
 */
public final class JobRunCleanupCheck {

  /** Whether a job type starts a job run the reaper watches. */
  public static boolean startsJobRun(String jobType) {
    return jobType.equals(JobTypes.EMR_SERVERLESS_PREFIX + "StartJobRun")
        || jobType.equals(JobTypes.EMR_CONTAINERS_PREFIX + "StartJobRun");
  }

  /**
   * @param tags the request's tags as written in the source (a map), or a missing node
   * @param howToKeep where the source puts the keep tag, for the fix
   */
  public static void report(String element, SourceLocation location, JsonNode tags, String howToKeep, Report report) {
    JsonNode keep = tags.path(KEEP);
    if (keep.isTextual() && !keep.asText().strip().equalsIgnoreCase("false")) {
      report.add(Code.JOB_RUN_REAPER, location, element, element + " starts a job run with the tag " + KEEP
          + ": flowport's reaper leaves it running after the process instance ends", null);
      return;
    }
    report.add(Code.JOB_RUN_REAPER, location, element, element + " starts an EMR job run that flowport's reaper "
        + "cancels, within flowport.reaper.interval, if it is still open after the process instance has ended (completed, "
        + "failed or cancelled): the engine runs no cleanup when an instance is cancelled",
        "to keep it, add the tag " + howToKeep + "; to turn the reaper off everywhere, run the worker with "
            + "flowport.reaper.enabled=false (docs/cleanup.md)");
  }

  private JobRunCleanupCheck() {}
}
