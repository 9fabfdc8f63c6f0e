package io.flowport.cli;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.flowport.bpmn.BpmnGenerator;
import io.flowport.catalog.Catalog;
import io.flowport.convert.Conversion;
import io.flowport.convert.Converters;
import io.flowport.convert.IndexPage;
import io.flowport.diag.BadInputException;
import io.flowport.ir.Workflow;
import io.flowport.picture.Picture;
import io.flowport.picture.Pictures;
import io.flowport.picture.PngWriter;
import io.flowport.picture.SvgWriter;
import io.flowport.report.Finding;
import io.flowport.report.ReportWriter;
import io.flowport.report.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
      "report's warnings (the source's own flaws) and review notes, one line each, to stderr.",
      "--svg and --png also draw the diagram: DIR/<processId>.svg and .png; --index lists them all in DIR/index.md."
    })
final class ConvertCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "State machine or DAG files.")
  List<Path> files;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Output directory (default: ${DEFAULT-VALUE}).",
      defaultValue = ".")
  Path out;

  @Option(names = "--catalog", paramLabel = "FILE", description = "An extra mapping catalog (YAML); repeatable; wins over the built-in ones.")
  List<Path> catalogs = new ArrayList<>();

  @Option(names = "--svg", description = "Also write the diagram as SVG (element ids kept; same bytes for the same BPMN).")
  boolean svg;

  @Option(names = "--png", description = "Also write the diagram as PNG, 1.5 pixels per diagram pixel (glyphs vary by machine).")
  boolean png;

  @Option(names = "--index", description = "Also write DIR/index.md: every process with its source, what its report asks of you, and its picture.")
  boolean index;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Converters converters = new Converters(Catalog.load(catalogs));
    List<Conversion> all = new ArrayList<>();
    for (Path file : files) {
      all.addAll(converters.convert(file));
    }
    refuseSameIds(all);
    OutputFiles.folder(out);
    var err = spec.commandLine().getErr();
    for (Conversion c : all) {
      String id = c.workflow().id();
      Path bpmn = out.resolve(id + ".bpmn");
      List<String> written = new ArrayList<>(List.of(bpmn.toString(), id + ".report.md"));
      BpmnModelInstance model = new BpmnGenerator().generate(c.workflow(), c.report());
      OutputFiles.write(bpmn, Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8));
      OutputFiles.write(out.resolve(id + ".report.md"),
          ReportWriter.markdown(id, c.workflow().source().file().toString(), c.report()).getBytes(StandardCharsets.UTF_8));
      if (svg || png) {
        Picture picture = Pictures.of(model, bpmn);
        if (svg) {
          OutputFiles.write(out.resolve(id + ".svg"), SvgWriter.svg(picture).getBytes(StandardCharsets.UTF_8));
          written.add(id + ".svg");
        }
        if (png) {
          OutputFiles.write(out.resolve(id + ".png"), PngWriter.png(picture, PngWriter.SCALE));
          written.add(id + ".png");
        }
      }
      for (Finding f : c.report().findings()) {
        if (f.code().severity() != Severity.INFO) {
          err.println(f.oneLine());
        }
      }
      spec.commandLine().getOut().println("wrote " + String.join(", ", written.subList(0, written.size() - 1))
          + " and " + written.get(written.size() - 1));
    }
    if (index) {
      Path page = out.resolve("index.md");
      OutputFiles.write(page, IndexPage.markdown(out, all, svg ? "svg" : png ? "png" : null).getBytes(StandardCharsets.UTF_8));
      spec.commandLine().getOut().println("wrote " + page);
    }
    return Main.OK;
  }

  /** Two processes of one id would overwrite each other's files in DIR: refuse before writing any. */
  private static void refuseSameIds(List<Conversion> all) {
    Map<String, Workflow> byId = new HashMap<>();
    for (Conversion c : all) {
      Workflow first = byId.putIfAbsent(c.workflow().id(), c.workflow());
      if (first != null) {
        throw new BadInputException(c.workflow().source(), "process id '" + c.workflow().id() + "' is also made by "
            + first.source().file() + ", and both would be written to the same files; convert them into different -o folders");
      }
    }
  }
}
