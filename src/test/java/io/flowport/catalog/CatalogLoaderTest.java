package io.flowport.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.flowport.diag.BadInputException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The catalog schema's service key, operator phases and their checks. */
class CatalogLoaderTest {

  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static Catalog read(String yaml) throws Exception {
    JsonNode root = YAML.readTree(yaml);
    return CatalogLoader.read(Path.of("test.yaml"), root);
  }

  @Test
  void builtInServerlessIntegrationsResolveToTheirServiceApiAndWaiter() {
    Catalog catalog = Catalog.builtIn();
    Catalog.Match sync = catalog.aslResource("arn:aws:states:::emr-serverless:startJobRun.sync").orElseThrow();
    assertThat(sync.entry().service()).isEqualTo("emr-serverless");
    assertThat(sync.api()).isEqualTo("StartJobRun");
    Waiter wait = catalog.waiter(sync.entry().waiter()).orElseThrow();
    assertThat(wait.service()).isEqualTo("emr-serverless");
    assertThat(wait.api()).isEqualTo("GetJobRun");

    Catalog.Match sdk = catalog.aslResource("arn:aws:states:::aws-sdk:emrserverless:listJobRuns").orElseThrow();
    assertThat(sdk.api()).isEqualTo("ListJobRuns");
    assertThat(catalog.aslResource("arn:aws:states:::elasticmapreduce:addStep").orElseThrow().entry().service()).isEqualTo("emr");

    AirflowOperator delete = catalog.airflowOperator(
        "airflow.providers.amazon.aws.operators.emr.EmrServerlessDeleteApplicationOperator").orElseThrow();
    assertThat(delete.phases()).extracting(AirflowOperator.Phase::api).containsExactly("StopApplication", "DeleteApplication");
    assertThat(delete.phases().get(0).waitWhen()).as("the stop is always waited for").isNull();
    assertThat(delete.phases().get(1).waitWhen()).isEqualTo("wait_for_completion");
    AirflowOperator sensor = catalog.airflowOperator("airflow.providers.amazon.aws.sensors.emr.EmrServerlessJobSensor").orElseThrow();
    assertThat(sensor.sensor().service()).as("a sensor's service is its operator's").isEqualTo("emr-serverless");
  }

  @Test
  void builtInEmrOnEksIntegrationsResolveToEmrContainers() {
    Catalog catalog = Catalog.builtIn();
    Catalog.Match sync = catalog.aslResource("arn:aws:states:::emr-containers:startJobRun.sync").orElseThrow();
    assertThat(sync.entry().service()).isEqualTo("emr-containers");
    Waiter wait = catalog.waiter(sync.entry().waiter()).orElseThrow();
    assertThat(wait.api()).isEqualTo("DescribeJobRun");
    assertThat(wait.failure().error()).isEqualTo("States.TaskFailed");
    assertThat(catalog.aslResource("arn:aws:states:::aws-sdk:emrcontainers:cancelJobRun").orElseThrow().api())
        .isEqualTo("CancelJobRun");

    AirflowOperator op = catalog.airflowOperator("airflow.providers.amazon.aws.operators.emr.EmrContainerOperator").orElseThrow();
    assertThat(op.phases()).extracting(AirflowOperator.Phase::api).containsExactly("StartJobRun");
    assertThat(op.phases().get(0).waiter().api()).isEqualTo("DescribeJobRun");
    assertThat(op.defaults().get("max_polling_attempts").isNull()).as("None: poll until the run ends").isTrue();
    AirflowOperator sensor = catalog.airflowOperator("airflow.providers.amazon.aws.sensors.emr.EmrContainerSensor").orElseThrow();
    assertThat(sensor.sensor().service()).isEqualTo("emr-containers");
  }

  @Test
  void anUnknownServiceOrAnApiTheServiceLacksIsNamed() {
    assertThatThrownBy(() -> read("""
        kind: asl-resources
        resources:
          - {resource: "arn:aws:states:::x:y", service: glue, api: StartJobRun}
        """)).isInstanceOf(BadInputException.class).hasMessageContaining("resources[0].service")
        .hasMessageContaining("must be one of [emr, emr-containers, emr-serverless]");
    assertThatThrownBy(() -> read("""
        kind: asl-resources
        waiters:
          w: {service: emr-serverless, api: DescribeCluster, delay: 60,
              acceptors: [{matcher: path, argument: a, expected: b, state: success}], failure: {error: E}}
        """)).isInstanceOf(BadInputException.class).hasMessageContaining("emr-serverless has no API DescribeCluster");
    assertThatThrownBy(() -> read("""
        kind: airflow-operators
        operators:
          - {operator: a.B, service: emr-serverless, api: RunJobFlow}
        """)).isInstanceOf(BadInputException.class).hasMessageContaining("emr-serverless has no API RunJobFlow");
  }

  @Test
  void aLookupNamesAListingOfItsServiceAMatchAndBothFailures() throws Exception {
    AslResource byName = Catalog.builtIn().aslResource("arn:aws:states:::elasticmapreduce:modifyInstanceFleetByName")
        .orElseThrow().entry();
    assertThat(byName.api()).isEqualTo("ModifyInstanceFleet");
    assertThat(byName.lookup().api()).isEqualTo("ListInstanceFleets");
    assertThat(byName.lookup().notFound().error()).isEqualTo("States.TaskFailed");
    assertThat(Catalog.builtIn().aslResource("arn:aws:states:::elasticmapreduce:cancelStep").orElseThrow().entry().lookup())
        .isNull();

    String good = """
        kind: asl-resources
        resources:
          - resource: "arn:aws:states:::x:y"
            api: ModifyInstanceGroups
            lookup: {api: LOOKUP_API, items: InstanceGroups, match: MATCH,
                     notFound: {error: E, cause: "none"}, ambiguous: {error: E, cause: "several"}}
        """;
    assertThat(read(good.replace("LOOKUP_API", "ListInstanceGroups").replace("MATCH", "{Name: a}")).aslResources().get(0).lookup().items())
        .isEqualTo("InstanceGroups");
    assertThatThrownBy(() -> read(good.replace("LOOKUP_API", "ListJobRuns").replace("MATCH", "{Name: a}")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("resources[0].lookup.api")
        .hasMessageContaining("emr has no API ListJobRuns");
    assertThatThrownBy(() -> read(good.replace("LOOKUP_API", "ListInstanceGroups").replace("MATCH", "{}")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("resources[0].lookup.match");
    assertThatThrownBy(() -> read(good.replace("LOOKUP_API", "ListInstanceGroups").replace("MATCH", "{Name: a}")
        .replace(", ambiguous: {error: E, cause: \"several\"}", "")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("resources[0].lookup.ambiguous");
  }

  @Test
  void aTimerNamesExactlyOneTarget() throws Exception {
    AirflowOperator wait = Catalog.builtIn().airflowOperator("airflow.providers.standard.sensors.time_delta.WaitSensor").orElseThrow();
    assertThat(wait.timer().fromStart()).isEqualTo("time_to_wait");
    assertThat(Catalog.builtIn().airflowOperator("airflow.sensors.date_time.DateTimeSensorAsync").orElseThrow().timer().at())
        .isEqualTo("target_time");
    assertThatThrownBy(() -> read("""
        kind: airflow-operators
        operators:
          - {operator: a.B, timer: {after: delta, at: target_time}}
        """)).isInstanceOf(BadInputException.class).hasMessageContaining("operators[0].timer").hasMessageContaining("exactly one");
    assertThatThrownBy(() -> read("""
        kind: airflow-operators
        operators:
          - {operator: a.B, timer: {until: x}}
        """)).isInstanceOf(BadInputException.class).hasMessageContaining("until");
  }

  @Test
  void phasesNameKnownWaitersAndReplaceApiAndRequest() {
    assertThatThrownBy(() -> read("""
        kind: airflow-operators
        operators:
          - {operator: a.B, service: emr-serverless, phases: [{api: StopApplication, wait: nope}]}
        """)).isInstanceOf(BadInputException.class).hasMessageContaining("phases[0].wait").hasMessageContaining("'nope'");
    assertThatThrownBy(() -> read("""
        kind: airflow-operators
        operators:
          - {operator: a.B, service: emr-serverless, api: StopApplication, phases: [{api: StopApplication}]}
        """)).isInstanceOf(BadInputException.class).hasMessageContaining("an operator with phases gives its calls there");
    assertThatThrownBy(() -> read("""
        kind: airflow-operators
        waiters:
          w: {service: emr-serverless, api: GetApplication, delay: 60, exhausted: {cause: x},
              acceptors: [{matcher: path, argument: a, expected: b, state: success}], failure: {error: E}}
        """)).isInstanceOf(BadInputException.class).hasMessageContaining("waiters.w.exhausted.error");
  }

  @Test
  void aWaitPolicyMapsEachValueToAKnownWaiter() {
    AirflowOperator create = Catalog.builtIn().airflowOperator("airflow.providers.amazon.aws.operators.emr.EmrCreateJobFlowOperator")
        .orElseThrow();
    AirflowOperator.WaitPolicy policy = create.phases().get(0).policy();
    assertThat(policy.argument()).isEqualTo("wait_policy");
    assertThat(policy.waiters()).containsOnlyKeys("wait_for_completion", "wait_for_steps_completion");
    assertThat(policy.waiters().get("wait_for_completion")).isSameAs(create.phases().get(0).waiter());
    assertThatThrownBy(() -> read("""
        kind: airflow-operators
        operators:
          - {operator: a.B, service: emr-serverless, phases: [{api: StopApplication,
             waitPolicy: {argument: p, type: m.P, waiters: {x: nope}}}]}
        """)).isInstanceOf(BadInputException.class).hasMessageContaining("phases[0].waitPolicy.waiters.x").hasMessageContaining("'nope'");
    assertThatThrownBy(() -> read("""
        kind: airflow-operators
        operators:
          - {operator: a.B, service: emr-serverless, phases: [{api: StopApplication, waitPolicy: {argument: p, type: m.P}}]}
        """)).isInstanceOf(BadInputException.class).hasMessageContaining("phases[0].waitPolicy.waiters");
  }
}
