package io.flowport.cli;

import io.flowport.bpmn.BpmnGenerator;
import io.flowport.catalog.Catalog;
import io.flowport.convert.Conversion;
import io.flowport.convert.Converters;
import io.flowport.report.Finding;
import io.flowport.report.ReportWriter;
import io.flowport.report.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "convert",
    mixinStandardHelpOptions = true,
    description = {
      "Converts ASL state machines (.json) and Airflow DAG files (.py) to BPMN.",
      "Writes DIR/<processId>.bpmn and DIR/<processId>.report.md for each workflow, and prints the",
      "report's warnings (the source's own flaws) and review notes, one line each, to stderr."
    })
final class ConvertCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "State machine or DAG files.")
  List<Path> files;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Output directory (default: ${DEFAULT-VALUE}).",
      defaultValue = ".")
  Path out;

  @Option(names = "--catalog", paramLabel = "FILE", description = "An extra mapping catalog (YAML); repeatable; wins over the built-in ones.")
  List<Path> catalogs = new ArrayList<>();

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Converters converters = new Converters(Catalog.load(catalogs));
    List<Conversion> all = new ArrayList<>();
    for (Path file : files) {
      all.addAll(converters.convert(file));
    }
    Files.createDirectories(out);
    var err = spec.commandLine().getErr();
    for (Conversion c : all) {
      String id = c.workflow().id();
      Path bpmn = out.resolve(id + ".bpmn");
      Path report = out.resolve(id + ".report.md");
      Files.writeString(bpmn, new BpmnGenerator().toXml(c.workflow()), StandardCharsets.UTF_8);
      Files.writeString(report, ReportWriter.markdown(id, c.workflow().source().file().toString(), c.report()), StandardCharsets.UTF_8);
      for (Finding f : c.report().findings()) {
        if (f.code().severity() != Severity.INFO) {
          err.println(f.oneLine());
        }
      }
      spec.commandLine().getOut().println("wrote " + bpmn + " and " + report.getFileName());
    }
    return Main.OK;
  }
}
