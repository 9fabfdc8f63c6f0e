package io.flowport.asl;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowport.catalog.Catalog;
import io.flowport.convert.Conversion;
import io.flowport.diag.BadInputException;
import io.flowport.ir.Dialect;
import io.flowport.ir.Names;
import io.flowport.ir.StateGraph;
import io.flowport.ir.Step;
import io.flowport.ir.Workflow;
import io.flowport.json.LocatedJson;
import io.flowport.report.Report;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The ASL front-end: a Step Functions state machine (JSONPath query language) becomes a {@link
 * StateGraph}. One conversion per state type; static checks then warn about what would fail or
 * misbehave on Step Functions itself.
 */
public final class AslConverter {

  private final Catalog catalog;

  public AslConverter(Catalog catalog) {
    this.catalog = catalog;
  }

  /** A machine file's state machine name: its file name without {@code .asl.json}/{@code .json}. */
  public static String machineName(Path file) {
    return file.getFileName().toString().replaceFirst("(\\.asl)?\\.json$", "");
  }

  /** The process id of a machine file: its machine name, NCName-safe. */
  public static String processId(Path file) {
    return Names.ncName(machineName(file));
  }

  public Conversion convert(Path file, String text) {
    LocatedJson json = LocatedJson.parse(file, text);
    AslDocument doc = new AslDocument(json);
    Report report = new Report();
    unsupportedTopLevel(doc);
    QueryLanguages.prepare(doc, report);
    AslContext ctx = new AslContext(doc, catalog, report);
    StateGraph graph = GraphConversion.convert(ctx, doc.main());
    Assignments.scopes(doc, report, doc.main(), java.util.Set.of());
    variables(doc, graph, report);
    for (StateGraph g : graphs(graph)) {
      DataFlowCheck.run(ctx, g);
      LoopCheck.run(ctx, g);
    }
    cleanup(doc, graph, report);
    String id = processId(file);
    JsonNode comment = doc.root().get("Comment");
    String description = comment != null && comment.isTextual() ? comment.asText() : null;
    Workflow workflow = new Workflow(id, Names.humanize(id), description, Dialect.ASL, doc.at(""), List.of(), graph,
        comments(doc.root(), new java.util.LinkedHashMap<>()), machineTimeout(doc, report));
    return new Conversion(workflow, report);
  }

  /** FP330 once per machine that assigns workflow variables: where they live in Zeebe. */
  private static void variables(AslDocument doc, StateGraph graph, Report report) {
    java.util.Set<String> names = new java.util.TreeSet<>();
    graphs(graph).forEach(g -> names.addAll(g.variables()));
    if (!names.isEmpty()) {
      report.add(io.flowport.report.Code.ASL_VARIABLES, doc.at(""), null, "the workflow variables " + names
          + " are the object variable " + io.flowport.contract.Vars.ASL_VARS + " (name → value), at the root and copied into each"
          + " Parallel branch and Map iteration whose states assign; $name paths read it. A path into a variable that is not"
          + " assigned fails the state with States.Runtime (flowport's cause text)", null);
    }
  }

  /** Each state's Comment, by state name, in Parallel branches and Map iterators too (names are unique). */
  private static java.util.Map<String, String> comments(JsonNode machine, java.util.Map<String, String> out) {
    machine.path("States").properties().forEach(state -> {
      JsonNode comment = state.getValue().get("Comment");
      if (comment != null && comment.isTextual() && !comment.asText().isBlank()) {
        out.put(state.getKey(), comment.asText());
      }
      state.getValue().path("Branches").forEach(b -> comments(b, out));
      comments(state.getValue().path("Iterator"), out);
      comments(state.getValue().path("ItemProcessor"), out);
    });
    return out;
  }

  /** The graph and the graphs nested in its Parallel and Map steps. */
  private static List<StateGraph> graphs(StateGraph graph) {
    List<StateGraph> out = new ArrayList<>(List.of(graph));
    for (Step s : graph.allSteps()) {
      switch (s) {
        case Step.Parallel p -> out.addAll(p.branches());
        case Step.Map m -> out.add(m.iterator());
        default -> { }
      }
    }
    return out;
  }

  /** Clusters created with KeepJobFlowAliveWhenNoSteps and nothing that ends them. */
  private static void cleanup(AslDocument doc, StateGraph graph, Report report) {
    List<io.flowport.convert.ClusterCleanupCheck.Creation> creations = new ArrayList<>();
    List<String> types = new ArrayList<>();
    for (Step s : graph.allSteps()) {
      if (s instanceof Step.Task t) {
        types.add(t.work().start().jobType());
        if (t.work().start().jobType().equals(io.flowport.contract.JobTypes.emr("RunJobFlow"))) {
          creations.add(new io.flowport.convert.ClusterCleanupCheck.Creation(t.name(), doc.at(t.name(), request(doc, t.name())),
              doc.states().get(t.name()).path(request(doc, t.name()))));
        }
        if (io.flowport.convert.JobRunCleanupCheck.startsJobRun(t.work().start().jobType())) {
          String field = request(doc, t.name());
          io.flowport.convert.JobRunCleanupCheck.report(t.name(), doc.at(t.name(), field),
              doc.states().get(t.name()).path(field).path("Tags"), "\"" + io.flowport.runtime.CreateOnce.KEEP
                  + "\": \"true\" to the " + field + "' Tags", report);
        }
      }
    }
    io.flowport.convert.ClusterCleanupCheck.check(creations, types, report,
        "add \"AutoTerminationPolicy\": {\"IdleTimeout\": 600} to the Parameters, or a terminateCluster state at the end");
  }

  /** The field that holds a Task's request: Parameters, or Arguments in a JSONata state. */
  private static String request(AslDocument doc, String state) {
    return io.flowport.runtime.asl.JsonataFlow.is(doc.states().get(state)) ? "Arguments" : "Parameters";
  }

  private static void unsupportedTopLevel(AslDocument doc) {
    JsonNode root = doc.root();
    for (var it = root.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!List.of("Comment", "StartAt", "States", "TimeoutSeconds", "Version", "QueryLanguage").contains(key)) {
        throw new BadInputException(doc.at("/" + LocatedJson.escape(key)), "unknown top-level field '" + key + "'");
      }
    }
  }

  /** The machine's TimeoutSeconds: the execution fails with States.Timeout, which no Catch takes. */
  private static java.time.Duration machineTimeout(AslDocument doc, Report report) {
    JsonNode t = doc.root().get("TimeoutSeconds");
    if (t == null) {
      return null;
    }
    if (!t.isIntegralNumber() || !t.canConvertToInt() || t.asInt() <= 0) {
      throw new BadInputException(doc.at("/TimeoutSeconds"), "TimeoutSeconds of the state machine must be a positive integer");
    }
    report.add(io.flowport.report.Code.ASL_MACHINE_TIMEOUT, doc.at("/TimeoutSeconds"), null,
        "TimeoutSeconds " + t.asInt() + " became an interrupting timer on the machine's body: after it the execution fails "
            + "with States.Timeout (no cause), which no Retry or Catch sees, as in Step Functions", null);
    return java.time.Duration.ofSeconds(t.asInt());
  }
}
