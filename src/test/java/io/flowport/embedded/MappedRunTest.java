package io.flowport.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flowport run} of a mapped task (process.expand(path=list_files())) with mocks keyed by
 * task_id and task_id[map_index]. Expected states are Airflow's: each instance succeeds or fails on
 * its own; all_success downstream of a failed instance is upstream_failed, all_done runs; an empty
 * expansion skips the mapped task. The task "check" fails (UndefinedError) unless the mapped task's
 * XCom is its instances' results in map index order; each instance of "echo" fails unless its
 * rendered bash_command sees its own ti.map_index.
 */
class MappedRunTest {

  static final Path MAPPED = Path.of("src/test/resources/airflow/corpus/mapped_run.py");
  static final Path MAPPED_MOCKS = Path.of("src/test/resources/airflow/mocks/mapped_run.json");

  @TempDir
  Path tmp;

  private DagMockRunTest.Run mapped(String testCase) throws Exception {
    DagMockRunTest runs = new DagMockRunTest();
    runs.tmp = tmp;
    return runs.run(MAPPED, "--mock-config", MAPPED_MOCKS.toString(), "--test-case", testCase);
  }

  /** A mapped task's state: the list of its instances' states. */
  private static List<String> states(JsonNode node) {
    assertThat(node.isArray()).as(node.toString()).isTrue();
    return StreamSupport.stream(node.spliterator(), false).map(JsonNode::asText).toList();
  }

  @Test
  void threeInstancesSucceedAndTheDownstreamGetsTheirXComsInOrder() throws Exception {
    DagMockRunTest.Run r = mapped("AllSucceed");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(states(r.output().path("tasks").path("process"))).containsExactly("success", "success", "success");
    assertThat(r.state("check")).isEqualTo("success");
    assertThat(r.state("finish")).isEqualTo("success");
    assertThat(r.output().get("state").asText()).isEqualTo("success");
    // Each echo instance renders its own bash_command and sees its own ti.map_index.
    assertThat(states(r.output().path("tasks").path("echo"))).containsExactly("success", "success");
  }

  @Test
  void oneFailingInstanceLeavesTheOthersRunning() throws Exception {
    DagMockRunTest.Run r = mapped("OneFails");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(states(r.output().path("tasks").path("process"))).containsExactly("success", "failed", "success");
    assertThat(r.state("check")).isEqualTo("upstream_failed");
    assertThat(r.state("finish")).isEqualTo("success");
    assertThat(r.output().get("state").asText()).isEqualTo("failed");
    // retries=1 applies to the failing instance alone: two tries of it, one of each other instance.
    assertThat(r.err().split("stopped   Process  \\[process]", -1)).hasSize(3);
    assertThat(r.err()).contains("raised    ValueError: bad file");
  }

  @Test
  void eachInstanceCountsItsOwnTries() throws Exception {
    // process[1] falls back to the "process" mock; its first try fails, its retry succeeds.
    DagMockRunTest.Run r = mapped("SecondTry");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(states(r.output().path("tasks").path("process"))).containsExactly("success", "success", "success");
    assertThat(r.state("check")).isEqualTo("success");
    assertThat(r.err().split("stopped   Process  \\[process]", -1)).hasSize(2);
  }

  @Test
  void anEmptyExpansionSkipsTheMappedTask() throws Exception {
    DagMockRunTest.Run r = mapped("NothingToMap");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.state("process")).isEqualTo("skipped");
    assertThat(r.state("check")).isEqualTo("skipped");
    assertThat(r.state("finish")).isEqualTo("success");
    assertThat(r.output().get("state").asText()).isEqualTo("success");
    assertThat(r.err()).doesNotContain("entered   Process (mapped)");
  }
}
