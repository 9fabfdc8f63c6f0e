package io.flowport.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.flowport.asl.AslConverter;
import io.flowport.bpmn.BpmnGenerator;
import io.flowport.catalog.Catalog;
import io.flowport.contract.Vars;
import io.flowport.convert.Conversion;
import io.flowport.convert.Converters;
import io.flowport.diag.BadInputException;
import io.flowport.diag.SourceLocation;
import io.flowport.ir.DagTask;
import io.flowport.ir.StateGraph;
import io.flowport.ir.Step;
import io.flowport.ir.TaskDag;
import io.flowport.ir.Workflow;
import io.flowport.report.Finding;
import io.flowport.report.Severity;
import io.flowport.runtime.Mocks;
import io.flowport.simulator.SimulatorConfig;
import io.flowport.worker.WorkerTypes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code flowport run}: converts a source file, deploys it to the embedded engine, starts one
 * instance and follows it to its end, then builds the result the source platform would give.
 */
public final class Runner {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The options of one run. {@code mockConfig} may be null; then every task calls the simulator. */
  public record Options(
      Path file,
      JsonNode input,
      double timeScale,
      SimulatorConfig simulator,
      Path mockConfig,
      String testCase,
      String stateMachine,
      Duration timeout,
      List<Path> catalogs) {}

  /** The outcome: whether the run succeeded, its result JSON, and the source states/tasks entered. */
  public record Result(boolean succeeded, JsonNode output, List<String> trace) {}

  public static Result run(Options o, PrintWriter progress) throws InterruptedException {
    long t0 = System.nanoTime();
    List<Conversion> conversions = new Converters(Catalog.load(o.catalogs())).convert(o.file());
    if (conversions.size() != 1) {
      throw new BadInputException(SourceLocation.file(o.file()),
          "defines " + conversions.size() + " workflows; run takes a file with exactly one");
    }
    Conversion conversion = conversions.get(0);
    Workflow workflow = conversion.workflow();
    for (Finding f : conversion.report().findings()) {
      if (f.code().severity() == Severity.WARNING) {
        progress.println(f.oneLine());
      }
    }
    BpmnModelInstance model = new BpmnGenerator().generate(workflow, conversion.report());
    Mocks mocks = mocks(o, workflow);
    Set<String> mockedTypes = mockedJobTypes(o, workflow, mocks);
    checkWorkers(o.file(), model, mockedTypes);
    String xml = io.camunda.zeebe.model.bpmn.Bpmn.convertToString(model);
    Timing.log("converted", t0);

    EmbeddedRuntime runtime = EmbeddedRuntime.start(o.timeScale(), o.simulator(), mocks);
    t0 = System.nanoTime();
    try {
      runtime.openMockedWorkers(mockedTypes);
      RunWatcher watcher = new RunWatcher(runtime.engine(), runtime.clock(), ElementInfo.of(model), progress);
      runtime.clock().onlyWhenIdle(watcher::idle);
      runtime.client().newDeployResourceCommand().addResourceStringUtf8(xml, workflow.id() + ".bpmn").send().join();
      runtime.clock().go();
      Timing.log("deployed", t0);
      long key = runtime.client().newCreateInstanceCommand().bpmnProcessId(workflow.id()).latestVersion()
          .variables(startVariables(workflow, o.input())).send().join().getProcessInstanceKey();
      progress.println(watcher.prefix() + "started   " + workflow.id() + " (instance " + key + ", time scale " + scale(o.timeScale()) + ")");
      RunWatcher.End end = watcher.await(key, o.timeout());
      Result result = result(workflow, end, watcher);
      progress.println(watcher.prefix() + (result.succeeded() ? "succeeded" : "failed   ") + " " + workflow.id());
      return result;
    } finally {
      runtime.closeWithEngine();
    }
  }

  private static Map<String, Object> startVariables(Workflow workflow, JsonNode input) {
    if (workflow.body() instanceof StateGraph) {
      return Map.of(Vars.INPUT, input == null ? JSON.createObjectNode() : input);
    }
    return Map.of();
  }

  private static Result result(Workflow workflow, RunWatcher.End end, RunWatcher watcher) {
    Map<String, JsonNode> vars = watcher.variables();
    return switch (end) {
      case RunWatcher.End.Incident i -> new Result(false, error("flowport.Incident",
          "incident at " + i.elementId() + (i.source() == null ? "" : " [" + i.source() + "]") + ": " + i.message()), watcher.trace());
      case RunWatcher.End.TimedOut t -> new Result(false, error("flowport.Timeout",
          "gave up after " + t.after().toSeconds() + " s of wall time (--timeout-s)"), watcher.trace());
      case RunWatcher.End.Completed c -> switch (workflow.body()) {
        case StateGraph g -> "failed".equals(c.endEvent()) || "timed_out_end".equals(c.endEvent())
            ? new Result(false, error(vars.get(Vars.ERROR), vars.get(Vars.CAUSE)), watcher.trace())
            : new Result(true, vars.getOrDefault(Vars.OUTPUT, JSON.nullNode()), watcher.trace());
        case TaskDag dag -> dagResult(workflow, dag, vars, watcher.trace());
      };
    };
  }

  private static Result dagResult(Workflow workflow, TaskDag dag, Map<String, JsonNode> vars, List<String> trace) {
    ObjectNode out = JSON.createObjectNode();
    out.put("dag_id", workflow.id());
    String state = vars.containsKey(Vars.DAG_STATE) ? vars.get(Vars.DAG_STATE).asText() : "failed";
    out.put("state", state);
    ObjectNode tasks = out.putObject("tasks");
    for (DagTask t : dag.tasks()) {
      JsonNode s = vars.get(Vars.taskState(t.taskId()));
      // A mapped task's state is the list of its instances' states (or one state when it did not run).
      tasks.set(t.taskId(), s == null ? JSON.getNodeFactory().textNode("none") : s.isArray() ? s : JSON.getNodeFactory().textNode(s.asText()));
    }
    return new Result("success".equals(state), out, trace);
  }

  private static JsonNode error(String error, String cause) {
    return error(JSON.getNodeFactory().textNode(error), JSON.getNodeFactory().textNode(cause));
  }

  private static JsonNode error(JsonNode error, JsonNode cause) {
    ObjectNode out = JSON.createObjectNode();
    out.set("error", error == null ? JSON.nullNode() : error);
    out.set("cause", cause == null ? JSON.nullNode() : cause);
    return out;
  }

  /**
   * The job types of Task states that flowport has no worker for (other AWS services, activities):
   * a local run can only answer them from mocks, so without a mock config it refuses to start.
   */
  private static Set<String> mockedJobTypes(Options o, Workflow workflow, Mocks mocks) {
    Set<String> known = WorkerTypes.known();
    Set<String> types = new TreeSet<>();
    List<String> unanswered = new ArrayList<>();
    if (workflow.body() instanceof StateGraph graph) {
      for (Step s : graph.allSteps()) {
        if (s instanceof Step.Task t && t.work().start() != null && !known.contains(t.work().start().jobType())) {
          types.add(t.work().start().jobType());
          unanswered.add("'" + t.name() + "' (" + t.work().start().jobType() + ")");
        } else if (s instanceof Step.Task t && t.work().callback() != null) {
          // flowport makes the call, but only a mock answers the callback in a local run.
          unanswered.add("'" + t.name() + "' (its callback)");
        }
      }
    }
    if (workflow.body() instanceof TaskDag dag) {
      return userTaskTypes(o, dag, known, mocks);
    }
    // As in Step Functions Local, a state the test case does not mock matters only if it is reached:
    // then its job fails with an incident naming it.
    if (!unanswered.isEmpty() && !(mocks instanceof MockConfig)) {
      throw new BadInputException(SourceLocation.file(o.file()), "no flowport worker handles state(s) " + String.join(", ", unanswered)
          + "; run with --mock-config and a test case that mocks them, or deploy the process to a cluster where your own worker takes that job type");
    }
    return types;
  }

  /**
   * Airflow tasks whose work is the user's code: a local run answers them from the test case's
   * mocks only, so every one of them must be mocked before the run starts (a DAG run reaches
   * most tasks, and one without an answer would only end in an incident later).
   */
  private static Set<String> userTaskTypes(Options o, TaskDag dag, Set<String> known, Mocks mocks) {
    Set<String> types = new TreeSet<>();
    List<String> unanswered = new ArrayList<>();
    for (DagTask t : dag.tasks()) {
      String type = t.work() == null || t.work().start() == null ? null : t.work().start().jobType();
      if (type != null && !known.contains(type)) {
        types.add(type);
        if (!(mocks instanceof MockConfig m && m.mocks(t.taskId()))) {
          unanswered.add("'" + t.taskId() + "' (" + type + ")");
        }
      }
    }
    if (!unanswered.isEmpty()) {
      throw new BadInputException(SourceLocation.file(o.file()), "no worker handles task(s) " + String.join(", ", unanswered)
          + (mocks instanceof MockConfig ? "; test case '" + o.testCase() + "' does not mock them" : "; run with --mock-config and a test case that mocks them")
          + ", or deploy the process to a cluster where your own worker takes that job type");
    }
    return types;
  }

  /** The tasks a DAG's test case may mock: those whose work is the user's code. */
  private static Set<String> userTasks(TaskDag dag) {
    Set<String> known = WorkerTypes.known();
    return dag.tasks().stream().filter(t -> t.work() != null && t.work().start() != null
        && !known.contains(t.work().start().jobType())).map(DagTask::taskId).collect(Collectors.toSet());
  }

  /** Refuses to start a run that would wait forever for a job no worker takes. */
  private static void checkWorkers(Path file, BpmnModelInstance model, Set<String> mockedTypes) {
    Set<String> known = new TreeSet<>(WorkerTypes.known());
    known.addAll(mockedTypes);
    Set<String> missing = new TreeSet<>();
    for (var node : io.flowport.bpmn.FlowNodes.of(model)) {
      ZeebeTaskDefinition d = node.getSingleExtensionElement(ZeebeTaskDefinition.class);
      if (d != null && !known.contains(d.getType())) {
        missing.add(d.getType());
      }
    }
    if (!missing.isEmpty()) {
      throw new BadInputException(SourceLocation.file(file), "no worker handles job type(s) " + missing
          + " yet; flowport's workers handle " + String.join(", ", WorkerTypes.known()));
    }
  }

  private static Mocks mocks(Options o, Workflow workflow) {
    if (o.mockConfig() == null) {
      return Mocks.NONE;
    }
    if (workflow.body() instanceof TaskDag dag) {
      // As for a machine, the test cases are under the DAG's id (or --state-machine).
      String dagId = o.stateMachine() != null ? o.stateMachine() : dagId(workflow, dag);
      return MockConfig.load(o.mockConfig(), Converters.read(o.mockConfig()), dagId, o.testCase(), userTasks(dag),
          "a task of the DAG that runs your code (EMR tasks run against the simulator)",
          dag.tasks().stream().filter(t -> t.mapping() != null).map(DagTask::taskId).collect(Collectors.toSet()));
    }
    StateGraph graph = (StateGraph) workflow.body();
    Set<String> tasks = graph.allSteps().stream().filter(s -> s instanceof Step.Task).map(Step::name).collect(Collectors.toSet());
    String machine = o.stateMachine() != null ? o.stateMachine()
        : AslConverter.machineName(o.file());
    return MockConfig.load(o.mockConfig(), Converters.read(o.mockConfig()), machine, o.testCase(), tasks);
  }

  private static String dagId(Workflow workflow, TaskDag dag) {
    return dag.tasks().stream().filter(t -> t.work() != null && t.work().start() != null)
        .map(t -> t.work().start().headers().get(io.flowport.contract.Headers.AIRFLOW_DAG_ID)).filter(java.util.Objects::nonNull)
        .findFirst().orElse(workflow.id());
  }

  private static String scale(double s) {
    return s == 1 ? "1" : "1/" + Math.round(1 / s);
  }
}
