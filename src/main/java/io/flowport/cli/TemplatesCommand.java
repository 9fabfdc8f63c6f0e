package io.flowport.cli;

import io.flowport.templates.TemplateGenerator;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code flowport templates -o DIR}: writes the element templates of the EMR job types. */
@Command(name = "templates", mixinStandardHelpOptions = true,
    description = "Writes a Camunda Modeler element template for every EMR and EMR Serverless job type.")
final class TemplatesCommand implements Callable<Integer> {

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true, description = "Folder to write the templates to.")
  Path output;

  @Override
  public Integer call() throws Exception {
    OutputFiles.folder(output);
    Map<String, String> files = TemplateGenerator.files();
    for (Map.Entry<String, String> f : files.entrySet()) {
      OutputFiles.write(output.resolve(f.getKey()), f.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    spec.commandLine().getOut().println("wrote " + files.size() + " element templates to " + output);
    return Main.OK;
  }
}
