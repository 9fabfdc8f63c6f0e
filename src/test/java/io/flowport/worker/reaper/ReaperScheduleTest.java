package io.flowport.worker.reaper;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The schedule follows the workers' clock, which jumps ahead in embedded runs, not wall time. */
class ReaperScheduleTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2025-03-01T08:00:00Z"));
  private final AtomicInteger sweeps = new AtomicInteger();
  private final List<String> log = new ArrayList<>();

  /** A reaper whose every sweep is counted; its EMR lists no cluster. */
  private ClusterReaper counting() {
    return new ClusterReaper((api, request) -> {
      sweeps.incrementAndGet();
      ObjectNode page = JSON.createObjectNode();
      page.putArray("Clusters");
      return page;
    }, keys -> Map.of(), log::add);
  }

  @Test
  void sweepsOncePerIntervalOfTheClockAndNotBefore() throws InterruptedException {
    ReaperSchedule schedule = new ReaperSchedule(counting(), Duration.ofMinutes(5), now::get, log::add);
    schedule.start();
    try {
      Thread.sleep(600);
      assertThat(sweeps).as("before the first interval").hasValue(0);
      now.set(now.get().plus(Duration.ofMinutes(5)));
      awaitSweeps(1);
      Thread.sleep(600);
      assertThat(sweeps).as("one sweep per interval, however many ticks").hasValue(1);
      now.set(now.get().plus(Duration.ofMinutes(5)));
      awaitSweeps(2);
    } finally {
      schedule.stop();
    }
    assertThat(schedule.isRunning()).isFalse();
  }

  @Test
  void offMeansNoThreadAndNoSweep() throws InterruptedException {
    ReaperSchedule schedule = new ReaperSchedule(null, Duration.ofMinutes(5), now::get, log::add);
    schedule.start();
    now.set(now.get().plus(Duration.ofHours(1)));
    Thread.sleep(600);
    assertThat(schedule.isRunning()).isFalse();
    assertThat(sweeps).hasValue(0);
  }

  @Test
  void aFailedSweepIsLoggedAndTriedAgainNextInterval() throws InterruptedException {
    ClusterReaper failing = new ClusterReaper((api, request) -> {
      sweeps.incrementAndGet();
      throw new io.flowport.runtime.EmrCall.ServiceException("ThrottlingException", "Rate exceeded", true, null);
    }, keys -> Map.of(), log::add);
    ReaperSchedule schedule = new ReaperSchedule(failing, Duration.ofMinutes(5), now::get, log::add);
    schedule.start();
    try {
      now.set(now.get().plus(Duration.ofMinutes(5)));
      awaitSweeps(1);
      now.set(now.get().plus(Duration.ofMinutes(5)));
      awaitSweeps(2);
    } finally {
      schedule.stop();
    }
    assertThat(log).anyMatch(l -> l.contains("sweep failed") && l.contains("Rate exceeded"));
  }

  @Test
  void theJobRunSweepFollowsTheClustersEvenWhenTheirsFails() throws InterruptedException {
    ClusterReaper failing = new ClusterReaper((api, request) -> {
      throw new io.flowport.runtime.EmrCall.ServiceException("AccessDeniedException", "not allowed", false, null);
    }, keys -> Map.of(), log::add);
    JobRunPlaces places = new JobRunPlaces();
    places.learn(io.flowport.contract.JobTypes.EMR_CONTAINERS, "vc-1");
    JobRunReaper runs = new JobRunReaper(null, (api, request) -> {
      if (api.equals("ListJobRuns")) { // one per sweep of the learnt place; the search for places is not counted
        sweeps.incrementAndGet();
      }
      ObjectNode page = JSON.createObjectNode();
      page.putArray("jobRuns");
      return page;
    }, places, keys -> Map.of(), log::add);
    List<JobRunReaper.Sweep> observed = new java.util.concurrent.CopyOnWriteArrayList<>();
    ReaperSchedule schedule = new ReaperSchedule(failing, runs, Duration.ofMinutes(5), now::get, log::add, sweep -> {},
        observed::add);
    schedule.start();
    try {
      now.set(now.get().plus(Duration.ofMinutes(5)));
      awaitSweeps(1);
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (observed.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20); // the observer hears of the sweep just after its call
      }
    } finally {
      schedule.stop();
    }
    assertThat(log).anyMatch(l -> l.contains("sweep failed") && l.contains("not allowed"));
    assertThat(observed).singleElement().satisfies(sweep -> assertThat(sweep.listCalls()).isEqualTo(1));
  }

  private void awaitSweeps(int n) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (sweeps.get() < n && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(sweeps).hasValue(n);
  }
}
