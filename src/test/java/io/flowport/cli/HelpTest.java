package io.flowport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code --help} prints usage on stdout and exits 0, for the tool and each command. */
class HelpTest {

  @Test
  void flowportHelpListsCommandsAndExitCodes() {
    Cli cli = Cli.run("--help");

    assertThat(cli.exit()).isZero();
    assertThat(cli.out()).startsWith("Usage: flowport ").contains("convert", "run", "simulator", "bad input or usage");
    assertThat(cli.err()).isEmpty();
  }

  @Test
  void convertHelpShowsItsOptions() {
    Cli cli = Cli.run("convert", "--help");

    assertThat(cli.exit()).isZero();
    assertThat(cli.out()).startsWith("Usage: flowport convert ").contains("--output=DIR", "--catalog=FILE", "--svg", "--png");
    assertThat(cli.err()).isEmpty();
  }

  @Test
  void runHelpShowsItsOptions() {
    Cli cli = Cli.run("run", "--help");

    assertThat(cli.exit()).isZero();
    assertThat(cli.out()).startsWith("Usage: flowport run ").contains("--time-scale=F", "--mock-config=FILE", "--test-case=NAME");
    assertThat(cli.err()).isEmpty();
  }

  @Test
  void simulatorHelpShowsItsOptions() {
    Cli cli = Cli.run("simulator", "--help");

    assertThat(cli.exit()).isZero();
    assertThat(cli.out()).startsWith("Usage: flowport simulator ")
        .contains("--port=N", "--bind=ADDR", "--emr-scenario=FILE", "--time-scale=F", "default: 4566");
    assertThat(cli.err()).isEmpty();
  }
}
