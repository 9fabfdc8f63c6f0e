package io.flowport.asl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Job types of Task resources flowport has no worker for: what a user's worker subscribes to. */
class OtherResourcesTest {

  @Test
  void integrationsAreNamedAfterServiceAndAction() {
    assertThat(OtherResources.jobType("arn:aws:states:::lambda:invoke")).isEqualTo("aws.lambda.invoke");
    assertThat(OtherResources.jobType("arn:aws:states:::sns:publish")).isEqualTo("aws.sns.publish");
    assertThat(OtherResources.jobType("arn:aws:states:::glue:startJobRun.sync")).isEqualTo("aws.glue.startJobRun.sync");
    assertThat(OtherResources.jobType("arn:aws:states:::aws-sdk:s3:getObject")).isEqualTo("aws.sdk.s3.getObject");
    assertThat(OtherResources.jobType("arn:aws-us-gov:states:::sqs:sendMessage")).isEqualTo("aws.sqs.sendMessage");
  }

  @Test
  void activitiesKeepTheirNameAndFunctionsAreLambdaFunctions() {
    assertThat(OtherResources.jobType("arn:aws:states:us-east-1:123456789012:activity:approve-load")).isEqualTo("approve-load");
    assertThat(OtherResources.jobType("arn:aws:lambda:us-east-1:123456789012:function:summarize:prod"))
        .isEqualTo("aws.lambda.function.summarize");
  }

  @Test
  void anythingElseIsNotAResource() {
    assertThat(OtherResources.jobType("summarize")).isNull();
    assertThat(OtherResources.jobType("arn:aws:states:us-east-1:12345:activity:short-account")).isNull();
    assertThat(OtherResources.jobType("arn:aws:s3:::bucket")).isNull();
  }
}
