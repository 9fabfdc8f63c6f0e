package io.flowport.asl;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Job types for Task resources flowport has no worker for, derived from the resource ARN. */
final class OtherResources {

  // arn:aws:states:::lambda:invoke(.sync|.waitForTaskToken), arn:aws:states:::aws-sdk:s3:getObject
  private static final Pattern INTEGRATION = Pattern.compile("arn:aws[\\w-]*:states:::([\\w-]+(?::[\\w-]+)?):([\\w.-]+)");
  // arn:aws:states:us-east-1:123456789012:activity:NAME
  private static final Pattern ACTIVITY = Pattern.compile("arn:aws[\\w-]*:states:[\\w-]+:\\d{12}:activity:([\\w.-]+)");
  // arn:aws:lambda:us-east-1:123456789012:function:NAME[:ALIAS] (the legacy direct Lambda form)
  private static final Pattern FUNCTION = Pattern.compile("arn:aws[\\w-]*:lambda:[\\w-]+:\\d{12}:function:([\\w-]+)(?::[\\w$-]+)?");

  /**
   * {@code aws.<service>.<action>} for integrations ({@code aws.lambda.invoke},
   * {@code aws.sdk.s3.getObject}), the activity's name for activities (their workers poll by
   * name, as activity workers do), {@code aws.lambda.function.<name>} for functions; null when the
   * ARN has none of these forms.
   */
  static String jobType(String arn) {
    Matcher m = INTEGRATION.matcher(arn);
    if (m.matches()) {
      return "aws." + m.group(1).replace("aws-sdk:", "sdk.").replace(':', '.') + "." + m.group(2);
    }
    m = ACTIVITY.matcher(arn);
    if (m.matches()) {
      return m.group(1);
    }
    m = FUNCTION.matcher(arn);
    if (m.matches()) {
      return "aws.lambda.function." + m.group(1);
    }
    return null;
  }

  private OtherResources() {}
}
