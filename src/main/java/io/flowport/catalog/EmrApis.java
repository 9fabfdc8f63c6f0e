package io.flowport.catalog;

/** Which EMR APIs exist, asked of the AWS SDK's own model rather than a list kept by hand. */
public final class EmrApis {

  private static final String MODEL = "software.amazon.awssdk.services.emr.model.";

  public static boolean exists(String api) {
    if (api == null || !api.matches("[A-Z][A-Za-z0-9]*")) {
      return false;
    }
    try {
      Class.forName(MODEL + api + "Request", false, EmrApis.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  private EmrApis() {}
}
