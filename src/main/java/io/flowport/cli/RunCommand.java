package io.flowport.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "run", mixinStandardHelpOptions = true, description = "Converts, deploys to the embedded engine and runs one instance.")
final class RunCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UnsupportedOperationException("not yet");
  }
}
