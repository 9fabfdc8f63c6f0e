package io.flowport.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** Runs the CLI in this JVM through {@link Main#run} and keeps what it printed. */
record Cli(int exit, String out, String err) {

  static Cli run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Cli(exit, out.toString(), err.toString());
  }

  List<String> errLines() {
    return err.lines().toList();
  }

  /** The stderr lines that report a warning (the source's own flaws). */
  List<String> warnings() {
    return err.lines().filter(l -> l.contains(": warning ")).toList();
  }
}
