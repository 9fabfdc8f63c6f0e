package io.flowport.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowport.tools.NodeTools;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The production path on one machine: {@code flowport dev --no-workers} in one JVM, {@code flowport
 * worker} in another, and {@code flowport deploy/start} in this one or the Camunda Node.js SDK
 * (src/test/node), talking over gRPC only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DevAndWorkerTest {

  private final List<Process> processes = new ArrayList<>();
  private int port;

  @BeforeAll
  void startDevAndWorker() throws Exception {
    port = freePort();
    Output dev = launch(List.of("dev", "--port", Integer.toString(port), "--no-workers", "--deploy", "bpmn"), List.of());
    String ready = dev.await(Pattern.compile("EMR simulator on (\\S+)"), 120);
    String simulator = ready.replaceAll(".*EMR simulator on (\\S+).*", "$1");
    dev.await(Pattern.compile("Ctrl-C stops"), 60);
    assertThat(dev.lines).anyMatch(l -> l.contains("deployed emr_job_fixed version 1"))
        .anyMatch(l -> l.contains("deployed orchestrate_emr_jobs_fixed version 1"));

    // As dev prints it: the worker's wall clock runs 240 times slower than dev's source time.
    String tracker = dev.lines.stream().filter(l -> l.contains("start them with"))
        .map(l -> l.replaceAll(".*(--flowport\\.tracker\\.interval=\\S+).*", "$1")).findFirst().orElseThrow();
    Output worker = launch(List.of("worker", "--camunda.client.grpc-address=http://localhost:" + port,
        "--flowport.emr.endpoint=" + simulator, "--flowport.emr.region=us-east-1", "--server.port=0", tracker),
        List.of("AWS_ACCESS_KEY_ID=flowport", "AWS_SECRET_ACCESS_KEY=simulator"));
    worker.await(Pattern.compile("Started \\w+ in [0-9.]+ seconds"), 120);
  }

  @AfterAll
  void stop() throws InterruptedException {
    for (Process p : processes) {
      p.destroy(); // SIGTERM, as a service manager stops them
    }
    for (Process p : processes) {
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("stopped on SIGTERM: " + p.info().commandLine().orElse("")).isTrue();
    }
  }

  @Test
  void flowportDeployConvertsAndStartAwaitsTheRunTheSeparateWorkerMakes() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String gateway = "http://localhost:" + port;
    int code = Main.run(new String[] {"deploy", "--gateway", gateway, "examples/seed/emr_job_fixed.asl.json"},
        new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).containsPattern("emr_job_fixed\tversion \\d+\tkey \\d+\texamples/seed/emr_job_fixed.asl.json");

    out.getBuffer().setLength(0);
    code = Main.run(new String[] {"start", "emr_job_fixed", "--gateway", gateway, "--await", "300"},
        new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("\"ClusterId\" : \"j-").contains("\"State\" : \"TERMINAT");
  }

  @Test
  void aClientInAnotherLanguageDeploysAndRunsAConvertedDag() throws Exception {
    Path node = NodeTools.installed(Path.of("src/test/node")).orElse(null);
    assumeTrue(node != null, "src/test/node not installed (npm ci)");
    NodeTools.Result r = NodeTools.node(node, "deploy-and-start.mjs", "http://localhost:" + port,
        Path.of("bpmn/orchestrate_emr_jobs_fixed.bpmn").toAbsolutePath().toString(), "orchestrate_emr_jobs_fixed", "{}");
    assertThat(r.exit()).as("deploy-and-start.mjs: %s%s", r.stdout(), r.stderr()).isZero();
    JsonNode variables = new ObjectMapper().readTree(r.stdout());
    assertThat(variables.has("error")).as(r.stdout()).isFalse();
  }

  /** A process's stderr and stdout lines, read as they come. */
  static final class Output {
    final List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
    final BlockingQueue<String> queue = new LinkedBlockingQueue<>();

    String await(Pattern p, int seconds) throws InterruptedException {
      for (String l : lines) {
        if (p.matcher(l).find()) {
          return l;
        }
      }
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      while (System.nanoTime() < end) {
        String l = queue.poll(200, TimeUnit.MILLISECONDS);
        if (l != null && p.matcher(l).find()) {
          return l;
        }
      }
      throw new AssertionError("no line matching " + p + " within " + seconds + " s; output:\n" + String.join("\n", lines));
    }
  }

  private Output launch(List<String> args, List<String> env) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.add("--enable-native-access=ALL-UNNAMED");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("io.flowport.cli.Main");
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    for (String e : env) {
      pb.environment().put(e.substring(0, e.indexOf('=')), e.substring(e.indexOf('=') + 1));
    }
    Process p = pb.start();
    processes.add(p);
    Output o = new Output();
    Thread.ofPlatform().daemon().start(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String l; (l = r.readLine()) != null; ) {
          o.lines.add(l);
          o.queue.add(l);
        }
      } catch (IOException ignored) {
        // the process ended
      }
    });
    return o;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
