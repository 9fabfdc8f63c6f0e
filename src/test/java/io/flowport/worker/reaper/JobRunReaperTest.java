package io.flowport.worker.reaper;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.flowport.contract.JobTypes;
import io.flowport.emr.EmrContainersOperations;
import io.flowport.emr.EmrServerlessOperations;
import io.flowport.runtime.CreateOnce;
import io.flowport.runtime.EmrCall;
import io.flowport.simulator.EmrClients;
import io.flowport.simulator.EmrSimulator;
import io.flowport.worker.reaper.InstanceStates.State;
import io.flowport.simulator.SimulatorConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.emrcontainers.EmrContainersClient;
import software.amazon.awssdk.services.emrserverless.EmrServerlessClient;

/**
 * The job-run reaper's decisions against the simulator over HTTP with the real SDK; only the
 * instance states are given by the test. A run of an ended instance is cancelled (Serverless:
 * CANCELLING; EKS: CANCEL_PENDING, as the services answer CancelJobRun); runs of active or unknown
 * instances, kept runs and runs without flowport's tag are left running.
 */
class JobRunReaperTest {

  static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");
  static final String VC = "vc0000000000000000000001";
  static final long ENDED = 101;
  static final long ACTIVE = 102;
  static final long UNKNOWN = 103;

  private final AtomicReference<Instant> now = new AtomicReference<>(T0.minusSeconds(3600));
  private final Map<Long, State> instances = new HashMap<>(Map.of(ENDED, State.ENDED, ACTIVE, State.ACTIVE));
  private final Map<String, Integer> calls = new TreeMap<>();
  private final List<String> log = new ArrayList<>();
  private final JobRunPlaces places = new JobRunPlaces();
  private EmrSimulator simulator;
  private EmrServerlessClient serverless;
  private EmrContainersClient containers;
  private JobRunReaper reaper;
  private String app;

  @BeforeEach
  void start() {
    simulator = EmrSimulator.start(now::get, SimulatorConfig.builder().build());
    serverless = EmrClients.serverlessForEndpoint(simulator.endpoint());
    containers = EmrClients.containersForEndpoint(simulator.endpoint());
    InstanceStates states = keys -> {
      Map<Long, State> out = new HashMap<>();
      keys.stream().filter(instances::containsKey).forEach(k -> out.put(k, instances.get(k)));
      return out;
    };
    reaper = new JobRunReaper(counted("sls.", new EmrServerlessOperations(serverless)),
        counted("eks.", new EmrContainersOperations(containers)), places, states, log::add);
    app = serverless.createApplication(r -> r.name("etl").releaseLabel("emr-7.1.0").type("SPARK")).applicationId();
    now.set(T0); // the application is CREATED by now
  }

  private EmrCall counted(String prefix, EmrCall call) {
    return (api, request) -> {
      calls.merge(prefix + api, 1, Integer::sum);
      return call.call(api, request);
    };
  }

  @AfterEach
  void stop() {
    serverless.close();
    containers.close();
    simulator.close();
  }

  private static Map<String, String> owner(long instance, String... more) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put(CreateOnce.PROCESS_INSTANCE, Long.toString(instance));
    for (int i = 0; i < more.length; i += 2) {
      tags.put(more[i], more[i + 1]);
    }
    return tags;
  }

  private String serverlessRun(Map<String, String> tags) {
    return serverless.startJobRun(r -> r.applicationId(app).name("job").tags(tags)
        .executionRoleArn("arn:aws:iam::123456789012:role/job")
        .jobDriver(d -> d.sparkSubmit(s -> s.entryPoint("s3://code/job.py")))).jobRunId();
  }

  private String serverlessState(String id) {
    return serverless.getJobRun(r -> r.applicationId(app).jobRunId(id)).jobRun().stateAsString();
  }

  private String eksRun(Map<String, String> tags) {
    return containers.startJobRun(r -> r.virtualClusterId(VC).name("job").tags(tags)
        .executionRoleArn("arn:aws:iam::123456789012:role/job").releaseLabel("emr-7.1.0-latest")
        .jobDriver(d -> d.sparkSubmitJobDriver(s -> s.entryPoint("s3://code/job.py")))).id();
  }

  private String eksState(String id) {
    return containers.describeJobRun(r -> r.virtualClusterId(VC).id(id)).jobRun().stateAsString();
  }

  @Test
  void serverlessRunsOfEndedInstancesAreCancelledAndNoOthers() {
    places.learn(JobTypes.EMR_SERVERLESS, app);
    String ended1 = serverlessRun(owner(ENDED));
    String ended2 = serverlessRun(owner(ENDED, "team", "data", CreateOnce.KEEP, "false"));
    String kept = serverlessRun(owner(ENDED, CreateOnce.KEEP, "true"));
    String active = serverlessRun(owner(ACTIVE));
    String unknown = serverlessRun(owner(UNKNOWN));
    String notOurs = serverlessRun(Map.of("team", "data"));
    String garbled = serverlessRun(Map.of(CreateOnce.PROCESS_INSTANCE, "not-a-key"));

    JobRunReaper.Sweep sweep = reaper.sweep();

    assertThat(sweep.cancelled()).extracting(JobRunReaper.Run::id).containsExactlyInAnyOrder(ended1, ended2);
    assertThat(sweep.kept()).extracting(JobRunReaper.Run::id).containsExactly(kept);
    assertThat(sweep.failed()).isEmpty();
    assertThat(serverlessState(ended1)).isEqualTo("CANCELLING");
    assertThat(serverlessState(ended2)).isEqualTo("CANCELLING");
    for (String left : List.of(kept, active, unknown, notOurs, garbled)) {
      assertThat(serverlessState(left)).as(left).isIn("SUBMITTED", "PENDING", "SCHEDULED", "RUNNING");
    }
    // One list; tags read once per run (7) and again for the three of the ended instance.
    assertThat(calls).containsEntry("sls.ListJobRuns", 1).containsEntry("sls.GetJobRun", 10)
        .containsEntry("sls.CancelJobRun", 2).doesNotContainKey("eks.ListJobRuns");
    assertThat(log).anyMatch(l -> l.contains("keeping EMR Serverless job run") && l.contains(kept));

    // The next sweep: the cancelling runs are not listed, the others' tags are not read again.
    calls.clear();
    JobRunReaper.Sweep again = reaper.sweep();
    assertThat(again.cancelled()).isEmpty();
    assertThat(again.listed()).isEqualTo(5);
    assertThat(calls).containsEntry("sls.GetJobRun", 1); // the kept run, read again before deciding
  }

  @Test
  void eksRunsOfEndedInstancesAreCancelledAndNoOthers() {
    places.learn(JobTypes.EMR_CONTAINERS, VC);
    String ended = eksRun(owner(ENDED));
    String kept = eksRun(owner(ENDED, CreateOnce.KEEP, "yes"));
    String active = eksRun(owner(ACTIVE));
    String notOurs = eksRun(Map.of());

    JobRunReaper.Sweep sweep = reaper.sweep();

    assertThat(sweep.cancelled()).extracting(JobRunReaper.Run::id).containsExactly(ended);
    assertThat(eksState(ended)).isEqualTo("CANCEL_PENDING");
    assertThat(List.of(kept, active, notOurs)).allSatisfy(id -> assertThat(eksState(id)).isIn("PENDING", "SUBMITTED", "RUNNING"));
    assertThat(calls).containsEntry("eks.ListJobRuns", 1).containsEntry("eks.DescribeJobRun", 6)
        .containsEntry("eks.CancelJobRun", 1);
  }

  @Test
  void sixtyRunsTakeTwoPagesAndAPlaceWithoutOpenRunsIsForgotten() {
    places.learn(JobTypes.EMR_SERVERLESS, app);
    List<String> runs = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      runs.add(serverlessRun(owner(ENDED)));
    }
    JobRunReaper.Sweep sweep = reaper.sweep();
    assertThat(sweep.listCalls()).isEqualTo(2);
    // Tags read once per run, and again before cancelling: docs/cleanup.md quotes these counts.
    assertThat(calls).containsEntry("sls.ListJobRuns", 2).containsEntry("sls.GetJobRun", 120)
        .containsEntry("sls.CancelJobRun", 60);
    assertThat(sweep.cancelled()).extracting(JobRunReaper.Run::id).containsExactlyInAnyOrderElementsOf(runs);
    assertThat(runs).allSatisfy(id -> assertThat(serverlessState(id)).isEqualTo("CANCELLING"));

    // Nothing open is left there: one more list finds none, and then the application is not listed again.
    assertThat(reaper.sweep().listCalls()).isEqualTo(1);
    assertThat(reaper.sweep().listCalls()).isZero();
    assertThat(places.applications()).isEmpty();
  }

  @Test
  void aVanishedVirtualClusterIsForgottenWithoutFailingTheSweep() {
    simulator.close();
    simulator = EmrSimulator.start(now::get, SimulatorConfig.builder()
        .containers(io.flowport.simulator.ContainersConfig.DEFAULT.withVirtualClusters(List.of(VC))).build());
    containers.close();
    containers = EmrClients.containersForEndpoint(simulator.endpoint());
    reaper = new JobRunReaper(null, counted("eks.", new EmrContainersOperations(containers)), places,
        keys -> Map.of(ENDED, State.ENDED), log::add);
    places.learn(JobTypes.EMR_CONTAINERS, "deleted-vc");
    places.learn(JobTypes.EMR_CONTAINERS, VC);
    String ended = eksRun(owner(ENDED));

    assertThat(reaper.sweep().cancelled()).extracting(JobRunReaper.Run::id).containsExactly(ended);
    assertThat(places.virtualClusters()).containsExactly(VC);
  }

  @Test
  void aPlaceThatCannotBeListedDoesNotShieldTheOthersAndIsKept() {
    EmrCall eks = new EmrContainersOperations(containers);
    EmrCall throttledOne = (api, request) -> {
      if (api.equals("ListJobRuns") && request.path("virtualClusterId").asText().equals("throttled-vc")) {
        throw new EmrCall.ServiceException("ThrottlingException", "Rate exceeded", true, null);
      }
      return eks.call(api, request);
    };
    reaper = new JobRunReaper(null, throttledOne, places, keys -> Map.of(ENDED, State.ENDED), log::add);
    places.learn(JobTypes.EMR_CONTAINERS, "throttled-vc");
    places.learn(JobTypes.EMR_CONTAINERS, VC);
    String ended = eksRun(owner(ENDED));

    assertThat(reaper.sweep().cancelled()).extracting(JobRunReaper.Run::id).containsExactly(ended);
    assertThat(places.virtualClusters()).as("tried again at the next sweep").contains("throttled-vc");
    assertThat(log).anyMatch(l -> l.contains("throttled-vc") && l.contains("ThrottlingException"));
  }

  @Test
  void metricsCountCancelledRunsAndShowTheOnesTheServiceRefused() {
    String refused = eksRun(owner(ENDED));
    String ended = eksRun(owner(ENDED));
    EmrCall eks = new EmrContainersOperations(containers);
    reaper = new JobRunReaper(null, (api, request) -> {
      if (api.equals("CancelJobRun") && request.path("id").asText().equals(refused)) {
        throw new EmrCall.ServiceException("AccessDeniedException", "not allowed to cancel", false, null);
      }
      return eks.call(api, request);
    }, places, keys -> Map.of(ENDED, State.ENDED), log::add);
    places.learn(JobTypes.EMR_CONTAINERS, VC);
    var registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    ReaperMetrics metrics = new ReaperMetrics(registry);

    JobRunReaper.Sweep sweep = reaper.sweep();
    metrics.runs(sweep);

    assertThat(sweep.cancelled()).extracting(JobRunReaper.Run::id).containsExactly(ended);
    assertThat(sweep.failed()).extracting(JobRunReaper.Run::id).containsExactly(refused);
    assertThat(eksState(refused)).isIn("PENDING", "SUBMITTED", "RUNNING");
    assertThat(registry.get("flowport.reaper.cancelled").counter().count()).isEqualTo(1.0);
    assertThat(registry.get("flowport.reaper.stuck.job-runs").gauge().value()).isEqualTo(1.0);
    assertThat(log).anyMatch(l -> l.contains("could not cancel") && l.contains(refused));
  }

  /** A reaper as a restarted worker has it: it knows no place yet. */
  private JobRunReaper restarted(JobRunPlaces empty, int searchEvery) {
    InstanceStates states = keys -> Map.of(ENDED, State.ENDED);
    return new JobRunReaper(counted("sls.", new EmrServerlessOperations(serverless)),
        counted("eks.", new EmrContainersOperations(containers)), empty, states, log::add, searchEvery);
  }

  @Test
  void aRestartedWorkerFindsTheRunsItsPredecessorStarted() {
    // The predecessor's jobs started the runs (and its memory of where went with it).
    String serverlessEnded = serverlessRun(owner(ENDED));
    String eksEnded = eksRun(owner(ENDED));
    String eksActive = eksRun(owner(ACTIVE));
    JobRunPlaces empty = new JobRunPlaces();

    JobRunReaper.Sweep sweep = restarted(empty, JobRunReaper.SEARCH_EVERY).sweep();

    assertThat(sweep.cancelled()).extracting(JobRunReaper.Run::id).containsExactlyInAnyOrder(serverlessEnded, eksEnded);
    assertThat(serverlessState(serverlessEnded)).isEqualTo("CANCELLING");
    assertThat(eksState(eksEnded)).isEqualTo("CANCEL_PENDING");
    assertThat(eksState(eksActive)).isIn("PENDING", "SUBMITTED", "RUNNING");
    assertThat(sweep.searchCalls()).isEqualTo(2);
    assertThat(calls).containsEntry("sls.ListApplications", 1).containsEntry("eks.ListVirtualClusters", 1);
  }

  @Test
  void withoutTheSearchARestartedWorkerLeavesThemRunning() {
    String ended = serverlessRun(owner(ENDED));

    JobRunReaper.Sweep sweep = restarted(new JobRunPlaces(), 0).sweep();

    assertThat(sweep.cancelled()).isEmpty();
    assertThat(serverlessState(ended)).isIn("SUBMITTED", "PENDING", "SCHEDULED", "RUNNING");
    assertThat(calls).doesNotContainKeys("sls.ListApplications", "sls.ListJobRuns");
  }

  @Test
  void theSearchRunsAtTheFirstSweepThenEveryNthAndPlacesWithoutOpenRunsAreForgotten() {
    JobRunPlaces empty = new JobRunPlaces();
    JobRunReaper reaper = restarted(empty, 3);
    // The first sweep finds the application; without open runs it is forgotten, so not listed again.
    assertThat(reaper.sweep().searchCalls()).isEqualTo(2);
    assertThat(calls).containsEntry("sls.ListJobRuns", 1);
    assertThat(empty.applications()).isEmpty();
    String later = serverlessRun(owner(ENDED));

    assertThat(reaper.sweep().cancelled()).as("second sweep: no search").isEmpty();
    assertThat(reaper.sweep().cancelled()).as("third sweep: no search").isEmpty();
    JobRunReaper.Sweep fourth = reaper.sweep();

    assertThat(fourth.searchCalls()).isEqualTo(2);
    assertThat(fourth.cancelled()).extracting(JobRunReaper.Run::id).containsExactly(later);
    assertThat(calls).containsEntry("sls.ListApplications", 2).containsEntry("sls.ListJobRuns", 2);
  }

  @Test
  void aSearchIsBoundedAndOneThatFailsStillSweepsTheLearntPlaces() {
    EmrCall sls = new EmrServerlessOperations(serverless);
    int[] searched = new int[1];
    EmrCall endless = (api, request) -> {
      if (api.equals("ListApplications")) {
        searched[0]++;
        var page = JsonNodeFactory.instance.objectNode().put("nextToken", "more");
        page.putArray("applications").addObject().put("id", "00app" + searched[0]);
        return page;
      }
      return sls.call(api, request);
    };
    EmrCall denied = (api, request) -> {
      throw new EmrCall.ServiceException("AccessDeniedException", "not allowed to " + api, false, null);
    };
    JobRunPlaces learnt = new JobRunPlaces();
    learnt.learn(JobTypes.EMR_SERVERLESS, app);
    String ended = serverlessRun(owner(ENDED));
    JobRunReaper reaper = new JobRunReaper(endless, denied, learnt, keys -> Map.of(ENDED, State.ENDED), log::add, 1);

    JobRunReaper.Sweep sweep = reaper.sweep();

    assertThat(searched[0]).isEqualTo(JobRunReaper.SEARCH_PAGES);
    assertThat(sweep.cancelled()).extracting(JobRunReaper.Run::id).containsExactly(ended);
    assertThat(log).anyMatch(l -> l.contains("listed only the newest " + JobRunReaper.SEARCH_PAGES + " pages"));
    assertThat(log).anyMatch(l -> l.contains("could not list the EMR on EKS virtual clusters") && l.contains("AccessDeniedException"));
  }

  @Test
  void theJobsCallsTeachThePlacesInEitherNaming() {
    EmrCall recording = places.recording(JobTypes.EMR_SERVERLESS, new EmrServerlessOperations(serverless));
    recording.capitalizedNames().call("GetApplication", JsonNodeFactory.instance.objectNode().put("ApplicationId", app));
    assertThat(places.applications()).containsExactly(app);
    EmrCall eks = places.recording(JobTypes.EMR_CONTAINERS, new EmrContainersOperations(containers));
    eks.call("ListJobRuns", JsonNodeFactory.instance.objectNode().put("virtualClusterId", VC));
    assertThat(places.virtualClusters()).containsExactly(VC);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> recording.call("GetApplication",
        JsonNodeFactory.instance.objectNode().put("applicationId", "00nosuchapp00000")))
        .isInstanceOfSatisfying(EmrCall.ServiceException.class, e -> assertThat(e.code()).isEqualTo("ResourceNotFoundException"));
    assertThat(places.applications()).as("a failed call teaches nothing").containsExactly(app);
  }
}
