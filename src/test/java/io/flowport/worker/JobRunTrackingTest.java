package io.flowport.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.contract.JobTypes;
import io.flowport.emr.EmrContainersOperations;
import io.flowport.emr.EmrOperations;
import io.flowport.runtime.EmrCall;
import io.flowport.runtime.Tracking;
import io.flowport.simulator.EmrClients;
import io.flowport.simulator.EmrSimulator;
import io.flowport.simulator.SimulatorConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.emrcontainers.EmrContainersClient;
import software.amazon.awssdk.services.emrcontainers.model.JobRun;

/**
 * The tracker's job-run listing against the simulator over HTTP with the real SDK. An EKS run is
 * PENDING 5 s, SUBMITTED 30 s, RUNNING 120 s, then COMPLETED (the simulator's defaults).
 */
class JobRunTrackingTest {

  static final String VC = "vc0000000000000000000001";

  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-04T10:00:00Z"));
  private final EmrSimulator sim = EmrSimulator.start(now::get, SimulatorConfig.defaults());
  private final EmrContainersClient eks = EmrClients.containersForEndpoint(sim.endpoint());
  private final List<String> woken = new ArrayList<>();
  private final List<JsonNode> requests = new ArrayList<>();
  private final EmrCall containers = new EmrContainersOperations(EmrClients.containersForEndpoint(sim.endpoint()));
  private final EmrTracker tracker = new EmrTracker(new EmrOperations(EmrClients.forEndpoint(sim.endpoint())), woken::add,
      now::get, Duration.ofSeconds(30), Duration.ofMinutes(10)).jobRuns(null, (api, request) -> {
        requests.add(request.deepCopy());
        return containers.call(api, request);
      });

  @AfterEach
  void close() {
    eks.close();
    sim.close();
  }

  private String run() {
    return eks.startJobRun(r -> r.virtualClusterId(VC).name("job").executionRoleArn("arn:aws:iam::123456789012:role/job")
        .releaseLabel("emr-7.1.0-latest").jobDriver(d -> d.sparkSubmitJobDriver(s -> s.entryPoint("s3://code/job.py")))).id();
  }

  private Tracking.Watch watch(String id, String key, boolean withCreation) {
    JobRun r = eks.describeJobRun(q -> q.virtualClusterId(VC).id(id)).jobRun();
    return new Tracking.Watch(key, VC, id, r.stateAsString(), withCreation ? r.createdAt() : null, JobTypes.EMR_CONTAINERS);
  }

  @Test
  void wakesTheRunsThatChangedAndKeepsWhatItListed() {
    String early = run();
    now.set(now.get().plusSeconds(20));
    String late = run();
    tracker.watch(watch(early, "early", true)); // SUBMITTED since 5 s
    tracker.watch(watch(late, "late", true)); // PENDING

    now.set(now.get().plusSeconds(10)); // early still SUBMITTED, late SUBMITTED since 25 s
    assertThat(tracker.refresh()).containsExactly("late");
    assertThat(requests.getLast().path("createdAfter").asText()).as("bounded by the earliest run, a minute early")
        .isEqualTo("2026-12-04T09:59:00Z");
    assertThat(requests.getLast().has("states")).isFalse();
    assertThat(tracker.seen(new Tracking.Resource(JobTypes.EMR_CONTAINERS, VC, late)))
        .hasValueSatisfying(r -> assertThat(r.path("jobRun").path("state").asText()).isEqualTo("SUBMITTED"));

    now.set(now.get().plusSeconds(200)); // both COMPLETED
    assertThat(tracker.refresh()).containsExactly("early");
    assertThat(tracker.seen(new Tracking.Resource(JobTypes.EMR_CONTAINERS, VC, early)))
        .hasValueSatisfying(r -> assertThat(r.path("jobRun").path("state").asText()).isEqualTo("COMPLETED"));
    assertThat(tracker.size()).isZero();
  }

  @Test
  void withoutACreationTimeOnlyLiveRunsAreListedAndAnEndedOneIsWoken() {
    String id = run();
    tracker.watch(watch(id, "w", false));
    now.set(now.get().plusSeconds(1));
    assertThat(tracker.refresh()).isEmpty();
    assertThat(requests.getLast().path("states")).extracting(JsonNode::asText)
        .containsExactly("PENDING", "SUBMITTED", "RUNNING", "CANCEL_PENDING");

    now.set(now.get().plusSeconds(600)); // COMPLETED: not listed, so woken for its poll to see
    assertThat(tracker.refresh()).containsExactly("w");
  }

  @Test
  void aWorkerWithoutTheServiceLeavesItsWaitsToTheirPolls() {
    EmrTracker without = new EmrTracker(new EmrOperations(EmrClients.forEndpoint(sim.endpoint())), woken::add, now::get,
        Duration.ofSeconds(30), Duration.ofMinutes(10));
    String id = run();
    without.watch(watch(id, "w", true));
    now.set(now.get().plusSeconds(600));
    assertThat(without.refresh()).isEmpty();
    assertThat(without.size()).isEqualTo(1);
  }
}
