package io.flowport.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure the source platform would report as an error of the task: ASL error name (or Python
 * exception type) and cause. The pipeline turns it into a BPMN error carrying both.
 */
public class JobFailure extends RuntimeException {

  private final String error;
  private final String cause;

  public JobFailure(String error, String cause) {
    super(error + ": " + cause);
    this.error = error;
    this.cause = cause;
  }

  public String error() {
    return error;
  }

  public String cause() {
    return cause;
  }

  Outcome.Error outcome() {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(io.flowport.contract.Vars.ERROR, error);
    vars.put(io.flowport.contract.Vars.CAUSE, cause);
    // Step Functions allows an empty error name (SendTaskFailure); a BPMN error code may not be empty.
    return new Outcome.Error(error == null || error.isEmpty() ? "flowport.TaskFailed" : error, cause == null ? "" : cause, vars);
  }
}
