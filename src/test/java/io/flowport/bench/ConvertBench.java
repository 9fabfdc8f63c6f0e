package io.flowport.bench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.flowport.bpmn.BpmnGenerator;
import io.flowport.catalog.Catalog;
import io.flowport.convert.Conversion;
import io.flowport.convert.Converters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark, not a test: converts generated state machines of 100, 1,000 and 10,000 states and
 * generated DAG files of as many tasks (parse, checks, IR, BPMN with layout, XML), and prints the
 * median warm time per size and the growth per 10× size. Run:
 * {@code ./mvnw -q test -Dtest=ConvertBench -Dbench} ({@code -Dbench.sizes=100,1000} for others).
 */
class ConvertBench {

  static final ObjectMapper JSON = new ObjectMapper();
  static final int[] SIZES = {100, 1_000, 10_000};

  @TempDir
  Path tmp;

  @Test
  void convertGeneratedMachines() throws Exception {
    assumeTrue(System.getProperty("bench") != null, "benchmark: run with -Dbench");
    measure("states", SIZES, size -> {
      Path file = tmp.resolve("m" + size + ".asl.json");
      Files.writeString(file, JSON.writeValueAsString(machine(size)));
      return file;
    });
  }

  /** Airflow: parse (tree-sitter), static evaluation, IR, BPMN with layout, XML. */
  @Test
  void convertGeneratedDags() throws Exception {
    assumeTrue(System.getProperty("bench") != null, "benchmark: run with -Dbench");
    measure("tasks", SIZES, size -> Files.writeString(tmp.resolve("bench_" + size + ".py"), GeneratedDag.source(size)));
  }

  interface Source {
    Path write(int size) throws Exception;
  }

  /** Prints the median warm conversion time per size and the growth per 10× size. */
  private static void measure(String unit, int[] defaults, Source source) throws Exception {
    Converters converters = new Converters(Catalog.load(List.of()));
    System.out.printf("%n%8s %8s %10s %10s %8s%n", unit, "elements", "median ms", "min ms", "growth");
    double previous = 0;
    int[] sizes = System.getProperty("bench.sizes") == null ? defaults
        : Arrays.stream(System.getProperty("bench.sizes").split(",")).mapToInt(Integer::parseInt).toArray();
    for (int size : sizes) {
      Path file = source.write(size);
      int runs = size >= 10_000 ? 3 : 11;
      long[] ms = new long[runs];
      for (int warm = 0; warm < (size >= 10_000 ? 1 : 3); warm++) {
        convert(converters, file);
      }
      int elements = convert(converters, file).getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.FlowNode.class).size();
      for (int i = 0; i < runs; i++) {
        long t0 = System.nanoTime();
        convert(converters, file);
        ms[i] = (System.nanoTime() - t0) / 1_000_000;
      }
      Arrays.sort(ms);
      double median = ms[runs / 2];
      System.out.printf("%8d %8d %10.0f %10d %8s%n", size, elements, median, ms[0],
          previous == 0 ? "" : String.format("%.1f×", median / previous));
      previous = median;
    }
  }

  private static BpmnModelInstance convert(Converters converters, Path file) {
    Conversion c = converters.convert(file).get(0);
    BpmnModelInstance model = new BpmnGenerator().generate(c.workflow());
    Bpmn.convertToString(model);
    return model;
  }

  /**
   * A machine with {@code size} states in blocks of ten, like a long EMR pipeline: describe
   * a cluster (with Retry and Catch), check it in a Choice that loops back through a Wait, reshape
   * with Pass, and every block a Parallel of two steps; every fifth block a Map over steps.
   */
  static ObjectNode machine(int size) {
    ObjectNode m = JSON.createObjectNode();
    m.put("Comment", "generated: " + size + " states");
    m.put("StartAt", "S0");
    ObjectNode states = m.putObject("States");
    int blocks = size / 10;
    for (int b = 0; b < blocks; b++) {
      String p = "B" + b + ".";
      String start = b == 0 ? "S0" : p + "describe";
      String next = b + 1 < blocks ? "B" + (b + 1) + ".describe" : "Done";
      ObjectNode describe = states.putObject(start);
      describe.put("Type", "Task").put("Resource", "arn:aws:states:::aws-sdk:emr:describeCluster");
      describe.putObject("Parameters").put("ClusterId.$", "$.cluster");
      describe.putObject("ResultSelector").put("state.$", "$.Cluster.Status.State");
      describe.put("ResultPath", "$.status").put("Next", p + "ready?");
      describe.putArray("Retry").addObject().put("IntervalSeconds", 5).put("MaxAttempts", 3)
          .putArray("ErrorEquals").add("EMR.ThrottlingException");
      ObjectNode c = describe.putArray("Catch").addObject();
      c.putArray("ErrorEquals").add("States.ALL");
      c.put("ResultPath", "$.error").put("Next", "Failed");
      ObjectNode choice = states.putObject(p + "ready?");
      choice.put("Type", "Choice").put("Default", p + "wait");
      ObjectNode rule = choice.putArray("Choices").addObject();
      rule.put("Variable", "$.status.state").put("StringEquals", "WAITING").put("Next", p + "shape");
      states.putObject(p + "wait").put("Type", "Wait").put("Seconds", 30).put("Next", start);
      ObjectNode shape = states.putObject(p + "shape");
      shape.put("Type", "Pass").put("ResultPath", "$.block");
      shape.putObject("Result").put("block", b);
      shape.put("Next", p + "steps");
      boolean map = b % 5 == 4;
      ObjectNode fan = states.putObject(p + "steps");
      if (map) {
        fan.put("Type", "Map").put("ItemsPath", "$.steps").put("MaxConcurrency", 2).put("ResultPath", "$.added");
        fan.set("ItemProcessor", branch(p + "item.", 5));
      } else {
        fan.put("Type", "Parallel").put("ResultPath", "$.added");
        ArrayNode branches = fan.putArray("Branches");
        branches.add(branch(p + "left.", 2));
        branches.add(branch(p + "right.", 3));
      }
      fan.put("Next", next);
    }
    states.putObject("Done").put("Type", "Succeed");
    ObjectNode failed = states.putObject("Failed");
    failed.put("Type", "Fail").put("Error", "Pipeline.Failed");
    return m;
  }

  /** A branch of {@code n} states: add a step, then Pass states. */
  private static ObjectNode branch(String prefix, int n) {
    ObjectNode b = JSON.createObjectNode();
    b.put("StartAt", prefix + "0");
    ObjectNode states = b.putObject("States");
    ObjectNode add = states.putObject(prefix + "0");
    add.put("Type", "Task").put("Resource", "arn:aws:states:::elasticmapreduce:addStep");
    ObjectNode params = add.putObject("Parameters");
    params.put("ClusterId.$", "$.cluster");
    params.putObject("Step").put("Name", prefix).put("ActionOnFailure", "CONTINUE").putObject("HadoopJarStep")
        .put("Jar", "command-runner.jar").putArray("Args").add("spark-submit");
    add.put(n == 1 ? "End" : "Next", n == 1 ? null : prefix + "1");
    for (int i = 1; i < n; i++) {
      ObjectNode pass = states.putObject(prefix + i);
      pass.put("Type", "Pass");
      if (i + 1 < n) {
        pass.put("Next", prefix + (i + 1));
      } else {
        pass.put("End", true);
      }
    }
    return b;
  }
}
