package io.flowport.sdkjson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.flowport.sdkjson.SdkJson.Timestamps;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.emr.model.ActionOnFailure;
import software.amazon.awssdk.services.emr.model.Cluster;
import software.amazon.awssdk.services.emr.model.ClusterState;
import software.amazon.awssdk.services.emr.model.ClusterStateChangeReasonCode;
import software.amazon.awssdk.services.emr.model.DescribeClusterResponse;
import software.amazon.awssdk.services.emr.model.InstanceRoleType;
import software.amazon.awssdk.services.emr.model.MarketType;
import software.amazon.awssdk.services.emr.model.RunJobFlowRequest;

class SdkJsonTest {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  /** Through text and back, so node classes (IntNode, LongNode, ...) do not decide equality. */
  private static JsonNode reparsed(JsonNode node) throws Exception {
    return MAPPER.readTree(node.toString());
  }

  private static final String RUN_JOB_FLOW =
      """
      {
        "Name": "nightly-etl",
        "LogUri": "s3://logs/emr/",
        "ReleaseLabel": "emr-7.1.0",
        "Applications": [{"Name": "Spark"}, {"Name": "Hive"}],
        "Instances": {
          "InstanceGroups": [
            {"Name": "primary", "Market": "ON_DEMAND", "InstanceRole": "MASTER",
             "InstanceType": "m5.xlarge", "InstanceCount": 1},
            {"Name": "core", "Market": "SPOT", "InstanceRole": "CORE", "BidPrice": "0.10",
             "InstanceType": "r5.2xlarge", "InstanceCount": 4,
             "EbsConfiguration": {"EbsBlockDeviceConfigs": [
               {"VolumeSpecification": {"VolumeType": "gp3", "SizeInGB": 256}, "VolumesPerInstance": 2}],
               "EbsOptimized": true}}
          ],
          "Ec2SubnetId": "subnet-0abc",
          "KeepJobFlowAliveWhenNoSteps": false,
          "TerminationProtected": false
        },
        "Steps": [{
          "Name": "load",
          "ActionOnFailure": "TERMINATE_CLUSTER",
          "HadoopJarStep": {"Jar": "command-runner.jar",
                            "Args": ["spark-submit", "--deploy-mode", "cluster", "s3://code/load.py"],
                            "Properties": [{"Key": "k", "Value": "v"}]}
        }],
        "BootstrapActions": [{"Name": "deps", "ScriptBootstrapAction": {"Path": "s3://code/bootstrap.sh", "Args": ["--fast"]}}],
        "Configurations": [{"Classification": "spark-defaults",
                            "Properties": {"spark.executor.memory": "8g", "spark.dynamicAllocation.enabled": "true"}}],
        "VisibleToAllUsers": true,
        "JobFlowRole": "EMR_EC2_DefaultRole",
        "ServiceRole": "EMR_DefaultRole",
        "Tags": [{"Key": "team", "Value": "data"}, {"Key": "cost-center", "Value": "42"}],
        "StepConcurrencyLevel": 1,
        "AutoTerminationPolicy": {"IdleTimeout": 3600},
        "EbsRootVolumeSize": 64
      }
      """;

  @Test
  void runJobFlowRequestRoundTrips() throws Exception {
    JsonNode json = MAPPER.readTree(RUN_JOB_FLOW);
    SdkJson mapper = new SdkJson(Timestamps.ISO_8601);

    RunJobFlowRequest request = mapper.read(json, RunJobFlowRequest.class);

    assertThat(request.name()).isEqualTo("nightly-etl");
    assertThat(request.instances().keepJobFlowAliveWhenNoSteps()).isFalse();
    assertThat(request.instances().instanceGroups().get(1).market()).isEqualTo(MarketType.SPOT);
    assertThat(request.instances().instanceGroups().get(1).instanceRole())
        .isEqualTo(InstanceRoleType.CORE);
    assertThat(request.instances().instanceGroups().get(1).instanceCount()).isEqualTo(4);
    assertThat(
            request
                .instances()
                .instanceGroups()
                .get(1)
                .ebsConfiguration()
                .ebsBlockDeviceConfigs()
                .get(0)
                .volumeSpecification()
                .sizeInGB())
        .isEqualTo(256);
    assertThat(request.steps().get(0).actionOnFailure())
        .isEqualTo(ActionOnFailure.TERMINATE_CLUSTER);
    assertThat(request.steps().get(0).hadoopJarStep().args())
        .hasSize(4)
        .endsWith("s3://code/load.py");
    assertThat(request.configurations().get(0).properties())
        .containsEntry("spark.executor.memory", "8g");
    assertThat(request.tags()).hasSize(2);
    assertThat(request.autoTerminationPolicy().idleTimeout()).isEqualTo(3600L);

    assertThat(reparsed(mapper.write(request))).isEqualTo(reparsed(json));
  }

  @Test
  void unsetListsAndNullsAreLeftOut() {
    RunJobFlowRequest request = RunJobFlowRequest.builder().name("x").build();

    assertThat(new SdkJson(Timestamps.ISO_8601).write(request).toString())
        .isEqualTo("{\"Name\":\"x\"}");
  }

  @Test
  void describeClusterInstantsInBothModes() throws Exception {
    Instant created = Instant.parse("2024-05-01T10:15:30.250Z");
    Instant ready = Instant.parse("2024-05-01T10:21:30Z");
    DescribeClusterResponse response =
        DescribeClusterResponse.builder()
            .cluster(
                Cluster.builder()
                    .id("j-2AXXXXXXGAPLF")
                    .name("nightly-etl")
                    .status(
                        s ->
                            s.state(ClusterState.WAITING)
                                .stateChangeReason(
                                    r ->
                                        r.code(ClusterStateChangeReasonCode.ALL_STEPS_COMPLETED)
                                            .message("Steps Completed"))
                                .timeline(t -> t.creationDateTime(created).readyDateTime(ready)))
                    .terminationProtected(false)
                    .tags(t -> t.key("team").value("data"))
                    .build())
            .build();

    SdkJson wire = new SdkJson(Timestamps.EPOCH_SECONDS);
    SdkJson variables = new SdkJson(Timestamps.ISO_8601);
    JsonNode onWire = wire.write(response);
    JsonNode asVariable = variables.write(response);

    JsonNode wireTimeline = onWire.at("/Cluster/Status/Timeline");
    assertThat(wireTimeline.get("CreationDateTime").isNumber()).isTrue();
    assertThat(wireTimeline.get("CreationDateTime").decimalValue())
        .isEqualByComparingTo("1714558530.25");
    assertThat(wireTimeline.get("ReadyDateTime").asLong()).isEqualTo(1714558890L);
    assertThat(asVariable.at("/Cluster/Status/Timeline/CreationDateTime").asText())
        .isEqualTo("2024-05-01T10:15:30.250Z");

    // Each mode reads its own output and the other's: both come back to the same response.
    assertThat(wire.read(onWire, DescribeClusterResponse.class)).isEqualTo(response);
    assertThat(wire.read(asVariable, DescribeClusterResponse.class)).isEqualTo(response);
    assertThat(variables.read(onWire, DescribeClusterResponse.class)).isEqualTo(response);
    // Text on the wire as a default ObjectMapper parses it (a double) still gives exact millis.
    JsonNode parsed = new ObjectMapper().readTree(onWire.toString());
    assertThat(wire.read(parsed, DescribeClusterResponse.class)).isEqualTo(response);
  }

  @Test
  void unknownFieldNamesThePathAndTheRequest() throws Exception {
    JsonNode json = MAPPER.readTree("{\"Name\": \"x\", \"Instances\": {\"Foo\": 1}}");

    assertThatThrownBy(() -> new SdkJson(Timestamps.ISO_8601).read(json, RunJobFlowRequest.class))
        .isInstanceOf(SdkJsonException.class)
        .hasMessage("unknown field 'Instances.Foo' for RunJobFlowRequest");
  }

  @Test
  void unknownFieldThatDiffersOnlyInCaseGetsAHint() throws Exception {
    JsonNode json = MAPPER.readTree("{\"name\": \"x\"}");

    assertThatThrownBy(
            () -> new SdkJson(Timestamps.ISO_8601).fill(json, RunJobFlowRequest.builder()))
        .hasMessage("unknown field 'name' for RunJobFlowRequest (did you mean 'Name'?)");
  }

  @Test
  void wrongTypeNamesThePathTheTypeAndTheValue() throws Exception {
    JsonNode json =
        MAPPER.readTree(
            """
            {"Instances": {"InstanceGroups": [{"InstanceCount": "one"}]}}""");

    assertThatThrownBy(() -> new SdkJson(Timestamps.ISO_8601).read(json, RunJobFlowRequest.class))
        .isInstanceOf(SdkJsonException.class)
        .hasMessage(
            "field 'Instances.InstanceGroups[0].InstanceCount' must be an integer, got \"one\"");
  }

  @Test
  void otherWrongTypes() throws Exception {
    SdkJson mapper = new SdkJson(Timestamps.ISO_8601);

    assertThatThrownBy(() -> mapper.read(MAPPER.readTree("{\"Name\": 5}"), RunJobFlowRequest.class))
        .hasMessage("field 'Name' must be a string, got 5");
    assertThatThrownBy(
            () -> mapper.read(MAPPER.readTree("{\"Tags\": {\"a\": 1}}"), RunJobFlowRequest.class))
        .hasMessage("field 'Tags' must be a list, got {\"a\":1}");
    assertThatThrownBy(
            () ->
                mapper.read(
                    MAPPER.readTree("{\"Instances\": {\"KeepJobFlowAliveWhenNoSteps\": \"yes\"}}"),
                    RunJobFlowRequest.class))
        .hasMessage(
            "field 'Instances.KeepJobFlowAliveWhenNoSteps' must be true or false, got \"yes\"");
    assertThatThrownBy(
            () ->
                mapper.read(
                    MAPPER.readTree("{\"StepConcurrencyLevel\": 1.5}"), RunJobFlowRequest.class))
        .hasMessage("field 'StepConcurrencyLevel' must be an integer, got 1.5");
    assertThatThrownBy(() -> mapper.read(MAPPER.readTree("[1]"), RunJobFlowRequest.class))
        .hasMessage("RunJobFlowRequest must be a JSON object, got [1]");
  }

  @Test
  void wholeNumbersWrittenAsDecimalsAreAcceptedForIntegers() throws Exception {
    RunJobFlowRequest request =
        new SdkJson(Timestamps.ISO_8601)
            .read(MAPPER.readTree("{\"StepConcurrencyLevel\": 2.0}"), RunJobFlowRequest.class);

    assertThat(request.stepConcurrencyLevel()).isEqualTo(2);
  }

  @Test
  void typesEmrDoesNotUseRoundTrip() throws Exception {
    JsonNode json =
        MAPPER.readTree(
            """
            {"Small": -300, "Tiny": 7, "Ratio": 0.5, "Amount": 12345678901234567890.125,
             "Blob": "aGVsbG8=", "Doc": {"a": [1, "two", true, null], "b": {"c": 2.5}},
             "IsoTime": "2024-05-01T10:15:30Z"}""");
    SdkJson wire = new SdkJson(Timestamps.EPOCH_SECONDS);

    AllTypes value = wire.fill(json, AllTypes.builder()).build();

    assertThat(value.small).isEqualTo((short) -300);
    assertThat(value.tiny).isEqualTo((byte) 7);
    assertThat(value.ratio).isEqualTo(0.5f);
    assertThat(value.amount).isEqualByComparingTo("12345678901234567890.125");
    assertThat(value.blob.asUtf8String()).isEqualTo("hello");
    assertThat(value.doc.asMap().get("a").asList()).hasSize(4);
    assertThat(value.isoTime).isEqualTo(Instant.parse("2024-05-01T10:15:30Z"));
    // The ISO-8601 trait on the field wins over the epoch-seconds default of the wire mode.
    assertThat(reparsed(wire.write(value))).isEqualTo(reparsed(json));
  }

  @Test
  void rangeAndEncodingErrors() throws Exception {
    SdkJson mapper = new SdkJson(Timestamps.EPOCH_SECONDS);

    assertThatThrownBy(() -> mapper.fill(MAPPER.readTree("{\"Tiny\": 300}"), AllTypes.builder()))
        .hasMessage("field 'Tiny' must be a byte, got 300");
    assertThatThrownBy(
            () -> mapper.fill(MAPPER.readTree("{\"Blob\": \"%%%\"}"), AllTypes.builder()))
        .hasMessage("field 'Blob' must be base64 text, got \"%%%\"");
    assertThatThrownBy(
            () -> mapper.fill(MAPPER.readTree("{\"IsoTime\": \"yesterday\"}"), AllTypes.builder()))
        .hasMessage(
            "field 'IsoTime' must be a timestamp (epoch seconds or ISO-8601 text), got \"yesterday\"");
  }
}
