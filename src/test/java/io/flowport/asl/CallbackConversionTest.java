package io.flowport.asl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowport.catalog.Catalog;
import io.flowport.contract.Headers;
import io.flowport.contract.JobTypes;
import io.flowport.convert.Conversion;
import io.flowport.diag.BadInputException;
import io.flowport.ir.StateGraph;
import io.flowport.ir.Step;
import io.flowport.report.Code;
import io.flowport.report.Finding;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Task states with the callback pattern (.waitForTaskToken): what they become and what is reported. */
class CallbackConversionTest {

  static Conversion convert(String task) {
    String machine = "{\"StartAt\": \"Ask\", \"States\": {\"Ask\": " + task + "}}";
    return new AslConverter(Catalog.builtIn()).convert(Path.of("cb.asl.json"), machine);
  }

  static Step.Task ask(Conversion c) {
    return (Step.Task) ((StateGraph) c.workflow().body()).step("Ask");
  }

  static final String SQS = "{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::sqs:sendMessage.waitForTaskToken\","
      + " \"Parameters\": {\"QueueUrl\": \"q\", \"MessageBody\": {\"token.$\": \"$$.Task.Token\"}}, \"End\": true";

  @Test
  void aCallbackIsTheCallBetweenATokenAndItsAnswer() {
    Conversion c = convert(SQS + "}");
    Step.Task t = ask(c);
    assertThat(t.work().start().jobType()).isEqualTo("aws.sqs.sendMessage.waitForTaskToken");
    assertThat(t.work().start().headers()).containsEntry(Headers.ASL_CALLBACK, "true").containsEntry(Headers.SOURCE, "Ask");
    assertThat(t.work().waitLoop()).isNull();
    assertThat(t.work().callback().token().jobType()).isEqualTo(JobTypes.ASL_TOKEN);
    assertThat(t.work().callback().answer().jobType()).isEqualTo(JobTypes.ASL_CALLBACK);
    assertThat(t.work().callback().answer().headers()).containsKey(Headers.ASL_STATE).doesNotContainKey(Headers.ASL_CALLBACK);
    assertThat(c.report().findings()).extracting(Finding::code).contains(Code.ASL_CALLBACK, Code.ASL_OTHER_RESOURCE)
        .doesNotContain(Code.ASL_TOKEN_NOT_PASSED, Code.ASL_HEARTBEAT);
  }

  @Test
  void anAwsSdkEmrCallbackCallsTheEmrApiWithoutItsResultAdapter() {
    Step.Task t = ask(convert("{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::aws-sdk:emr:addTags.waitForTaskToken\","
        + " \"Parameters\": {\"ResourceId\": \"j-1\", \"Tags\": [{\"Key\": \"token\", \"Value.$\": \"$$.Task.Token\"}]}, \"End\": true}"));
    assertThat(t.work().start().jobType()).isEqualTo(JobTypes.emr("AddTags"));
    assertThat(t.work().start().headers()).containsEntry(Headers.ASL_CALLBACK, "true").doesNotContainKey(Headers.RESULT);
    assertThat(t.work().callback()).isNotNull();
  }

  @Test
  void aCallbackThatNeverPassesItsTokenIsConvertedWithAWarningAsStepFunctionsAcceptsIt() {
    Conversion c = convert("{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::sqs:sendMessage.waitForTaskToken\","
        + " \"Parameters\": {\"QueueUrl\": \"q\", \"MessageBody\": {\"token\": \"$$.Task.Token\"}}, \"TimeoutSeconds\": 300, \"End\": true}");
    assertThat(c.report().findings()).filteredOn(f -> f.code() == Code.ASL_TOKEN_NOT_PASSED).singleElement()
        .satisfies(f -> assertThat(f.text()).contains("never use $$.Task.Token").contains("fails with States.Timeout"));
    assertThat(ask(c).work().callback()).isNotNull();
  }

  @Test
  void theTokenMayBePassedThroughAnIntrinsicFunction() {
    Conversion c = convert("{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::sns:publish.waitForTaskToken\","
        + " \"Parameters\": {\"TopicArn\": \"t\", \"Message.$\": \"States.Format('answer {}', $$.Task.Token)\"}, \"End\": true}");
    assertThat(c.report().findings()).extracting(Finding::code).doesNotContain(Code.ASL_TOKEN_NOT_PASSED);
  }

  @Test
  void heartbeatSecondsOfACallbackWaitsForHeartbeatMessages() {
    Conversion c = convert(SQS + ", \"TimeoutSeconds\": 3600, \"HeartbeatSeconds\": 60}");
    assertThat(c.report().findings()).filteredOn(f -> f.code() == Code.ASL_HEARTBEAT).singleElement()
        .satisfies(f -> assertThat(f.text()).contains("HeartbeatSeconds 60 became a timer").contains("flowport.task-heartbeat"));
    assertThat(ask(c).limits().heartbeat()).isEqualTo(java.time.Duration.ofSeconds(60));
    assertThat(c.report().findings()).extracting(Finding::code).doesNotContain(Code.ASL_TASK_HEARTBEAT);
  }

  @Test
  void heartbeatSecondsMustBeSmallerThanTimeoutSecondsAsStepFunctionsChecks() {
    assertThatThrownBy(() -> convert(SQS + ", \"TimeoutSeconds\": 60, \"HeartbeatSeconds\": 60}"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("HeartbeatSeconds of 'Ask' must be smaller than its TimeoutSeconds (60)");
  }

  @Test
  void heartbeatSecondsOfATaskWithoutCallbackBecomesADeadlinePerJob() {
    Conversion c = convert("{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\","
        + " \"HeartbeatSeconds\": 60, \"End\": true}");
    assertThat(c.report().findings()).extracting(Finding::code).contains(Code.ASL_TASK_HEARTBEAT).doesNotContain(Code.ASL_HEARTBEAT);
    assertThat(ask(c).limits().heartbeat()).isEqualTo(java.time.Duration.ofSeconds(60));
  }
}
