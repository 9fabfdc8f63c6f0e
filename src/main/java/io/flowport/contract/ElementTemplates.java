package io.flowport.contract;

/**
 * The element templates of the job types ({@code element-templates/}): the BPMN back-end refers a
 * generated task to its template, Modeler then shows the template's form for it.
 */
public final class ElementTemplates {

  /** Version of every template; raise it when a template's bindings change so Modeler offers the update. */
  public static final int VERSION = 1;

  /** Dialect header value of a task made from a template. */
  public static final String DIALECT = "template";

  /** A job type's template id: the job type itself, so one name finds both. */
  public static String id(String jobType) {
    return jobType;
  }

  /** Whether a job type has a template: the EMR, EMR Serverless and EMR on EKS API calls. */
  public static boolean has(String jobType) {
    return jobType.startsWith(JobTypes.EMR_PREFIX) || jobType.startsWith(JobTypes.EMR_SERVERLESS_PREFIX)
        || jobType.startsWith(JobTypes.EMR_CONTAINERS_PREFIX);
  }

  private ElementTemplates() {}
}
