package io.flowport.cli;

import io.camunda.client.api.command.DeployResourceCommandStep1;
import io.camunda.client.api.response.DeploymentEvent;
import io.flowport.bpmn.BpmnGenerator;
import io.flowport.catalog.Catalog;
import io.flowport.convert.Conversion;
import io.flowport.convert.Converters;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code flowport deploy}: converts (when given a source) and deploys to a Camunda 8 cluster over gRPC. */
@Command(
    name = "deploy",
    mixinStandardHelpOptions = true,
    description = {
        "Deploys BPMN files, or converts state machines (.json) and DAG files (.py) and deploys the result, to a Camunda 8 cluster over gRPC, printing each process id, version and key.",
        "The cluster is configured as for 'flowport worker' (camunda.client.* as --property=value or CAMUNDA_CLIENT_* variables); --gateway is the short way to a local, plaintext gateway such as 'flowport dev'."})
final class DeployCommand implements Callable<Integer> {

  @Parameters(paramLabel = "FILE|DIR", arity = "1..*", description = "BPMN, ASL (.json) or DAG (.py) files, or directories of them.")
  List<Path> inputs;

  @Option(names = "--gateway", paramLabel = "URL", description = "gRPC address, e.g. http://localhost:26500 (plaintext).")
  String gateway;

  @Option(names = "--catalog", paramLabel = "FILE", description = "An extra mapping catalog (YAML) for conversions; repeatable.")
  List<Path> catalogs = new ArrayList<>();

  @Unmatched
  List<String> properties = new ArrayList<>();

  @Spec
  CommandSpec spec;

  /** One resource to deploy: its name and BPMN text, and where it came from. */
  record Resource(String name, String xml, Path source) {}

  @Override
  public Integer call() throws IOException {
    List<Resource> resources = resources();
    PrintWriter err = spec.commandLine().getErr();
    try (ClusterClient cluster = ClusterClient.open(gateway, properties, spec.commandLine())) {
      int failed = 0;
      for (Resource r : resources) {
        DeployResourceCommandStep1 deploy = cluster.client.newDeployResourceCommand();
        try {
          DeploymentEvent event = deploy.addResourceStringUtf8(r.xml(), r.name()).send().join();
          event.getProcesses().forEach(p -> spec.commandLine().getOut().printf("%s\tversion %d\tkey %d\t%s%n",
              p.getBpmnProcessId(), p.getVersion(), p.getProcessDefinitionKey(), r.source()));
        } catch (RuntimeException e) {
          failed++;
          err.printf("flowport: %s: not deployed to %s: %s%n", r.source(), cluster.address, ClusterClient.reason(e));
        }
      }
      return failed == 0 ? Main.OK : Main.RUN_FAILED;
    }
  }

  private List<Resource> resources() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path in : inputs) {
      if (Files.isDirectory(in)) {
        try (Stream<Path> s = Files.list(in)) {
          s.filter(DeployCommand::deployable).sorted().forEach(files::add);
        }
      } else if (Files.isRegularFile(in)) {
        files.add(in);
      } else {
        throw new ParameterException(spec.commandLine(), in + ": no such file or directory");
      }
    }
    if (files.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "nothing to deploy in " + inputs);
    }
    Converters converters = new Converters(Catalog.load(catalogs));
    List<Resource> out = new ArrayList<>();
    for (Path f : files) {
      if (f.getFileName().toString().endsWith(".bpmn")) {
        out.add(new Resource(f.getFileName().toString(), Files.readString(f), f));
      } else {
        for (Conversion c : converters.convert(f)) {
          out.add(new Resource(c.workflow().id() + ".bpmn", new BpmnGenerator().toXml(c.workflow(), c.report()), f));
        }
      }
    }
    return out;
  }

  private static boolean deployable(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(".bpmn") || n.endsWith(".json") || n.endsWith(".py");
  }
}
