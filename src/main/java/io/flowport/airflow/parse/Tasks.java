package io.flowport.airflow.parse;

import io.flowport.airflow.parse.PyValue.*;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.treesitter.TSNode;

/** Creates DAGs, TaskGroups and tasks from operator calls, {@code DAG(...)} and decorated functions. */
final class Tasks {

  private static final Set<String> MEMBERSHIP = Set.of("task_id", "dag", "task_group");
  private static final Set<String> GROUP_ARGS =
      Set.of("group_id", "prefix_group_id", "dag", "parent_group", "tooltip", "ui_color", "ui_fgcolor", "default_args",
          "add_suffix_on_collision");

  private final Interpreter in;

  Tasks(Interpreter in) {
    this.in = in;
  }

  /** Classes whose calls create tasks: *Operator/*Sensor, or classes from airflow operator/sensor modules. */
  static boolean isOperatorClass(String name) {
    String simple = name.substring(name.lastIndexOf('.') + 1);
    if (simple.isEmpty() || !Character.isUpperCase(simple.charAt(0))) {
      return false;
    }
    return simple.endsWith("Operator") || simple.endsWith("Sensor")
        || name.startsWith("airflow.") && (name.contains(".operators.") || name.contains(".sensors."));
  }

  static boolean isDagClass(String name) {
    return name.startsWith("airflow.") && name.endsWith(".DAG");
  }

  static boolean isTaskGroupClass(String name) {
    return name.startsWith("airflow.") && name.endsWith(".TaskGroup");
  }

  /** Where a new task or group goes: explicit dag=/group arguments win over the enclosing with/@dag. */
  private record Placement(DagBuild dag, GroupBuild group) {}

  private Placement place(CallArgs args, String groupKeyword) {
    ParseState.Context context = in.state.context();
    DagBuild dag = null;
    boolean explicitDag = false;
    CallArgs.Passed dagArg = args.keyword("dag");
    if (dagArg != null) {
      explicitDag = true;
      if (dagArg.value() instanceof Obj.DagRef d) {
        dag = d.dag();
      } else {
        in.state.finding("unknown-dag", Severity.ERROR, dagArg.argument(), "'"
            + Collector.oneLine(in.state.text(dagArg.argument())) + "' is not a DAG defined in this file");
      }
    }
    GroupBuild group = null;
    CallArgs.Passed groupArg = args.keyword(groupKeyword);
    if (groupArg != null && groupArg.value() instanceof Obj.GroupRef g) {
      group = g.group();
    } else if (context.group() != null && (!explicitDag || context.group().dag == dag)) {
      group = context.group();
    }
    if (!explicitDag) {
      dag = group != null ? group.dag : context.dag();
    }
    return new Placement(dag, group != null && group.dag == dag ? group : null);
  }

  Obj operator(String operator, CallArgs args, TSNode node) {
    String simple = operator.substring(operator.lastIndexOf('.') + 1);
    if (!args.positional().isEmpty()) {
      in.state.finding("positional-argument", Severity.ERROR, args.positional().get(0).argument(),
          "operators take keyword arguments only; positional arguments of " + simple + " are not read");
    }
    String taskId = id(args.keyword("task_id"), node, simple + "(...)", "task_id");
    if (taskId == null) {
      return in.state.runtime(node, "task without a known task_id");
    }
    Placement placement = place(args, "task_group");
    TaskBuild task = new TaskBuild(prefix(placement.group()) + taskId, operator, in.state.at(node),
        placement.dag(), placement.group());
    addArgs(task.kwargs, args, MEMBERSHIP);
    return register(task, args);
  }

  /** A call of a {@code @task} function: one task whose id defaults to the function name. */
  Obj taskflow(Obj.Function function, CallArgs args, TSNode node) {
    CallArgs decorator = function.decoration().args();
    CallArgs.Passed idArg = decorator.keyword("task_id");
    String taskId = idArg == null ? function.name() : id(idArg, node, function.name() + "()", "task_id");
    if (taskId == null) {
      return in.state.runtime(node, "task without a known task_id");
    }
    Placement placement = place(decorator, "task_group");
    String unique = prefix(placement.group()) + taskId;
    // Airflow renames repeated calls of the same @task function to id__1, id__2, ...
    for (int n = 1; placement.dag() != null && placement.dag().tasksById.containsKey(unique); n++) {
      unique = prefix(placement.group()) + taskId + "__" + n;
    }
    TaskBuild task = new TaskBuild(unique, function.decoration().decorator(), in.state.at(node),
        placement.dag(), placement.group());
    addArgs(task.kwargs, decorator, MEMBERSHIP);
    // Airflow's decorated operator is a PythonOperator whose python_callable is the function.
    task.kwargs.put("python_callable", new Arg(new PyRef(function.name(), in.state.at(function.definition())),
        in.state.at(Functions.head(function.definition()))));
    if (!args.positional().isEmpty()) {
      List<PyValue> values = new ArrayList<>();
      args.positional().forEach(p -> values.add(in.values.toPy(p.value(), p.node())));
      task.kwargs.put("op_args", new Arg(new PyList(values), in.state.at(node)));
    }
    if (!args.keywords().isEmpty()) {
      Map<PyValue, PyValue> values = new LinkedHashMap<>();
      args.keywords().forEach((k, p) -> values.put(new PyStr(k), in.values.toPy(p.value(), p.node())));
      task.kwargs.put("op_kwargs", new Arg(new PyDict(values), in.state.at(node)));
    }
    register(task, args);
    return new Obj.TaskRef(task, true);
  }

  private Obj register(TaskBuild task, CallArgs args) {
    in.collector.addTask(task);
    List<CallArgs.Passed> passed = new ArrayList<>(args.positional());
    passed.addAll(args.keywords().values());
    for (CallArgs.Passed p : passed) {
      for (TaskBuild upstream : Values.xcomTasks(p.value())) {
        in.collector.addDependency(upstream, task, in.state.at(p.argument()));
      }
    }
    return new Obj.TaskRef(task, false);
  }

  /** {@code DAG(dag_id, ...)} or {@code DAG(dag_id=..., ...)}. */
  Obj dag(CallArgs args, TSNode node) {
    String dagId = id(args.get(0, "dag_id"), node, "DAG(...)", "dag_id");
    if (dagId == null) {
      return in.state.runtime(node, "DAG without a known dag_id");
    }
    DagBuild dag = new DagBuild(dagId, in.state.at(node));
    List<CallArgs.Passed> positional = args.positional();
    if (positional.size() > 1) {
      CallArgs.Passed description = positional.get(1);
      dag.args.put("description", new Arg(in.values.toPy(description.value(), description.node()),
          in.state.at(description.argument())));
    }
    if (positional.size() > 2) {
      in.state.finding("positional-argument", Severity.WARNING, positional.get(2).argument(),
          "DAG arguments after dag_id and description are read only by keyword");
    }
    addArgs(dag.args, args, Set.of("dag_id"));
    in.collector.addDag(dag);
    return new Obj.DagRef(dag);
  }

  /** A call of a {@code @dag} function: the DAG, with the tasks its body creates. */
  Obj dagFunction(Obj.Function function, CallArgs args, TSNode node) {
    CallArgs decorator = function.decoration().args();
    CallArgs.Passed idArg = decorator.get(0, "dag_id");
    String dagId = idArg == null ? function.name() : id(idArg, node, "@dag", "dag_id");
    if (dagId == null) {
      return in.state.runtime(node, "DAG without a known dag_id");
    }
    DagBuild dag = new DagBuild(dagId, in.state.at(Functions.head(function.definition())));
    addArgs(dag.args, decorator, Set.of("dag_id"));
    in.collector.addDag(dag);
    in.state.contexts.push(new ParseState.Context(dag, null));
    try {
      in.functions.invoke(function, args, node);
    } finally {
      in.state.contexts.pop();
    }
    return new Obj.DagRef(dag);
  }

  /** {@code TaskGroup(group_id, ...)}. */
  Obj group(CallArgs args, TSNode node) {
    String groupId = id(args.get(0, "group_id"), node, "TaskGroup(...)", "group_id");
    return groupId == null ? in.state.runtime(node, "TaskGroup without a known group_id") : new Obj.GroupRef(newGroup(groupId, args, node, false));
  }

  /** A call of a {@code @task_group} function: a group holding the tasks its body creates. */
  Obj groupFunction(Obj.Function function, CallArgs args, TSNode node) {
    CallArgs decorator = function.decoration().args();
    CallArgs.Passed idArg = decorator.get(0, "group_id");
    String groupId = idArg == null ? function.name() : id(idArg, node, "@task_group", "group_id");
    if (groupId == null) {
      return in.state.runtime(node, "TaskGroup without a known group_id");
    }
    GroupBuild group = newGroup(groupId, decorator, node, true);
    in.state.contexts.push(new ParseState.Context(group.dag, group));
    try {
      in.functions.invoke(function, args, node);
    } finally {
      in.state.contexts.pop();
    }
    return new Obj.GroupRef(group);
  }

  private GroupBuild newGroup(String groupId, CallArgs args, TSNode node, boolean decorated) {
    Placement placement = place(args, "parent_group");
    GroupBuild parent = placement.group();
    // Airflow: a group's id is prefixed when its parent prefixes; its tasks' ids when it does itself.
    String fullId = unique(prefix(parent) + groupId, placement.dag(), args, node, decorated);
    CallArgs.Passed prefixed = args.keyword("prefix_group_id");
    if (prefixed != null && !(prefixed.value() instanceof Obj.Data d && d.value() instanceof PyBool)) {
      in.state.finding("dynamic-prefix-group-id", Severity.ERROR, prefixed.argument(),
          "prefix_group_id must be True or False, known statically");
    }
    boolean usePrefix = !(prefixed != null && prefixed.value() instanceof Obj.Data d
        && d.value() instanceof PyBool b && !b.value());
    String prefix = usePrefix ? fullId + "." : "";
    CallArgs.Passed defaults = args.keyword("default_args");
    Arg defaultArgs = defaults == null ? null
        : new Arg(in.values.toPy(defaults.value(), defaults.node()), in.state.at(defaults.argument()));
    args.keywords().forEach((name, passed) -> {
      if (!GROUP_ARGS.contains(name)) {
        in.state.finding("task-group-argument", Severity.WARNING, passed.argument(),
            "TaskGroup argument '" + name + "' is not applied to the group's tasks");
      }
    });
    GroupBuild group = new GroupBuild(fullId, groupId, prefix, placement.dag(), parent, in.state.at(node), defaultArgs);
    if (placement.dag() != null) {
      placement.dag().groups.add(group);
    }
    return group;
  }

  // A group id is used once per DAG; @task_group (and add_suffix_on_collision) add __1, __2, ... instead.
  private String unique(String id, DagBuild dag, CallArgs args, TSNode node, boolean decorated) {
    if (dag == null || dag.groups.stream().noneMatch(g -> g.groupId.equals(id))) {
      return id;
    }
    CallArgs.Passed suffix = args.keyword("add_suffix_on_collision");
    boolean rename = decorated || suffix != null && suffix.value() instanceof Obj.Data d && d.value() instanceof PyBool b && b.value();
    if (!rename) {
      in.state.finding("duplicate-group-id", Severity.ERROR, node, "group_id '" + id + "' is already used in DAG '"
          + dag.dagId + "' (Airflow raises DuplicateTaskIdFound)");
      return id;
    }
    for (int n = 1; ; n++) {
      String next = id + "__" + n;
      if (dag.groups.stream().noneMatch(g -> g.groupId.equals(next))) {
        return next;
      }
    }
  }

  private static String prefix(GroupBuild group) {
    return group == null ? "" : group.prefix;
  }

  private void addArgs(Map<String, Arg> target, CallArgs args, Set<String> skip) {
    args.keywords().forEach((name, passed) -> {
      if (!skip.contains(name)) {
        target.put(name, new Arg(in.values.toPy(passed.value(), passed.node()), in.state.at(passed.argument())));
      }
    });
  }

  // A task_id/dag_id/group_id must be a string known statically; otherwise the thing is left out.
  private String id(CallArgs.Passed passed, TSNode call, String what, String argument) {
    if (passed == null) {
      in.state.finding("missing-" + argument.replace('_', '-'), Severity.ERROR, call,
          what + " has no " + argument + "; it is not in the model");
      return null;
    }
    if (passed.value() instanceof Obj.Data d && d.value() instanceof PyStr s) {
      return s.value();
    }
    String why = Operators.dynamicOf(passed.value()) != null ? Operators.dynamicOf(passed.value()).reason() : "not a string";
    in.state.finding("dynamic-" + argument.replace('_', '-'), Severity.ERROR, passed.argument(), argument
        + " is not known statically: " + Collector.oneLine(in.state.text(passed.node())) + " (" + why
        + "); it is not in the model");
    return null;
  }
}
