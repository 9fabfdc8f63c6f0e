package io.flowport.airflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.airflow.parse.DagDef;
import io.flowport.contract.Headers;
import io.flowport.contract.JobTypes;
import io.flowport.ir.Call;
import io.flowport.ir.DagTask;
import io.flowport.report.Report;
import java.util.ArrayList;
import java.util.List;

/** The cluster-cleanup check over a DAG's tasks. */
final class ClusterCleanupCheck {

  static void airflow(DagDef dag, List<DagTask> tasks, Report report) {
    List<io.flowport.convert.ClusterCleanupCheck.Creation> creations = new ArrayList<>();
    List<String> types = new ArrayList<>();
    for (DagTask t : tasks) {
      if (t.work() == null) {
        continue;
      }
      for (Call c : new Call[] {t.work().start(), t.work().waitLoop() == null ? null : t.work().waitLoop().poll()}) {
        if (c == null) {
          continue;
        }
        types.add(c.jobType());
        if (c.jobType().equals(JobTypes.emr("RunJobFlow"))) {
          JsonNode args = TaskConversion.JSON.valueToTree(null);
          try {
            args = TaskConversion.JSON.readTree(c.headers().get(Headers.AIRFLOW_ARGS));
          } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
          }
          creations.add(new io.flowport.convert.ClusterCleanupCheck.Creation(t.taskId(), t.source(), args.path("job_flow_overrides")));
        }
      }
    }
    io.flowport.convert.ClusterCleanupCheck.check(creations, types, report,
        "add 'AutoTerminationPolicy': {'IdleTimeout': 600} to job_flow_overrides, or an EmrTerminateJobFlowOperator "
            + "with trigger_rule='all_done' at the end");
  }

  private ClusterCleanupCheck() {}
}
