package io.flowport.asl;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.catalog.AslResource;
import io.flowport.report.Code;

/** Static rules of integrations, named in the catalog's {@code check} list. */
final class Checks {

  static void parameters(AslContext ctx, String name, JsonNode state, AslResource entry) {
    // A JSONata state's request is its Arguments; an expression in it, like a ".$" key, is dynamic.
    JsonNode params = state.path(io.flowport.runtime.asl.JsonataFlow.is(state) ? "Arguments" : "Parameters");
    for (String check : entry.checks()) {
      switch (check) {
        case "keep-alive-required" -> {
          JsonNode instances = params.path("Instances");
          JsonNode keep = instances.get("KeepJobFlowAliveWhenNoSteps");
          boolean dynamic = instances.has("KeepJobFlowAliveWhenNoSteps.$") || params.has("Instances.$")
              || io.flowport.runtime.asl.Jsonata.isExpression(keep) || io.flowport.runtime.asl.Jsonata.isExpression(params.get("Instances"))
              || io.flowport.runtime.asl.Jsonata.isExpression(params);
          if (!dynamic && (keep == null || !keep.isBoolean() || !keep.asBoolean())) {
            ctx.report().add(Code.ASL_INTEGRATION_RULE, ctx.doc().at(ctx.doc().pointer(name) + "/"
                + (io.flowport.runtime.asl.JsonataFlow.is(state) ? "Arguments" : "Parameters") + "/Instances"), name,
                entry.resource() + " requires Instances.KeepJobFlowAliveWhenNoSteps to be true; Step Functions rejects the call",
                "set \"KeepJobFlowAliveWhenNoSteps\": true and end the cluster with terminateCluster or an AutoTerminationPolicy");
          }
        }
        case "no-steps" -> {
          if (params.has("Steps") || params.has("Steps.$")) {
            ctx.report().add(Code.ASL_INTEGRATION_RULE, ctx.doc().at(ctx.doc().pointer(name) + "/Parameters/Steps"), name,
                entry.resource() + " does not allow Steps; Step Functions rejects the call",
                "add steps with arn:aws:states:::elasticmapreduce:addStep(.sync) states after the cluster is created");
          }
        }
        default -> throw new IllegalStateException(entry.file() + ": unknown check '" + check + "' for " + entry.resource());
      }
    }
  }

  private Checks() {}
}
