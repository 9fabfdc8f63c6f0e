package io.flowport.cli;

import io.flowport.diag.BadInputException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code flowport}: converts Step Functions machines and Airflow DAGs to Camunda 8 BPMN and runs
 * them. Exit codes: 0 ok, 1 the run failed, 2 bad input or usage.
 */
@Command(
    name = "flowport",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Moves EMR orchestration from AWS Step Functions and Apache Airflow to Camunda 8.",
    subcommands = {ConvertCommand.class, TemplatesCommand.class, DeployCommand.class, StartCommand.class, WorkerCommand.class, SimulatorCommand.class,
        CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:ok", "1:the run failed (or gave up)", "2:bad input or usage"})
public final class Main {

  public static final int OK = 0;
  public static final int RUN_FAILED = 1;
  public static final int BAD_INPUT = 2;

  /** Stack for the command thread: ELK's layout recurses along long chains of states. */
  private static final long STACK_BYTES = 1L << 29;

  public static void main(String[] args) throws InterruptedException {
    int[] code = {RUN_FAILED};
    // The default 1 MB main-thread stack overflows laying out machines of thousands of states;
    // the memory is reserved, not committed, until a conversion needs it.
    Thread command = new Thread(null, () -> {
      try {
        code[0] = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
      } catch (StackOverflowError | OutOfMemoryError e) {
        // One line, like every other failure; the JVM options are the user's to raise.
        System.err.println("flowport: internal error: " + e + " (more memory or stack: FLOWPORT_JAVA_OPTS=\"-Xmx8g\")");
        if (debug()) {
          e.printStackTrace();
        }
      }
    }, "flowport", STACK_BYTES);
    command.start();
    command.join();
    System.exit(code[0]);
  }

  /** Runs the CLI with the given streams (tests call this). */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = commandLine();
    cli.setOut(out);
    cli.setErr(err);
    // Usage errors: one line and a pointer to --help, not the whole usage text.
    cli.setParameterExceptionHandler((e, args1) -> {
      String command = e.getCommandLine().getCommandName();
      err.println("flowport: " + e.getMessage().lines().findFirst().orElse("usage error")
          + " (see 'flowport " + (command.equals("flowport") ? "" : command + " ") + "--help')");
      return BAD_INPUT;
    });
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (e instanceof BadInputException) {
        err.println("flowport: " + e.getMessage());
        return BAD_INPUT;
      }
      err.println("flowport: internal error: " + e + (debug() ? "" : " (set FLOWPORT_DEBUG=1 for the stack trace)"));
      if (debug()) {
        e.printStackTrace(err);
      }
      return RUN_FAILED;
    });
    return cli.execute(args);
  }

  /** Every command of this build, without the streams and handlers of {@link #run}. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    addEmbedded(cli);
    return cli;
  }

  /**
   * Commands that need the embedded engine live in the embedded source set, which a production
   * build (-Dproduction) leaves out with the engine's licence; then they explain that.
   */
  private static void addEmbedded(CommandLine cli) {
    for (String name : new String[] {"run", "dev"}) {
      String type = "io.flowport.embedded." + Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Command";
      try {
        cli.addSubcommand(Class.forName(type).getDeclaredConstructor().newInstance());
      } catch (ReflectiveOperationException e) {
        cli.addSubcommand(name, new NoEmbedded(name));
      }
    }
  }

  @Command(description = "Not in this build: it was made without the embedded engine (-Dproduction).")
  static final class NoEmbedded implements java.util.concurrent.Callable<Integer> {
    private final String name;

    @CommandLine.Unmatched
    java.util.List<String> arguments;

    NoEmbedded(String name) {
      this.name = name;
    }

    @Override
    public Integer call() {
      System.err.println("flowport: this build has no embedded engine; build without -Dproduction to use " + name);
      return BAD_INPUT;
    }
  }

  static boolean debug() {
    return System.getenv("FLOWPORT_DEBUG") != null;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"flowport 0.1.0"};
    }
  }
}
